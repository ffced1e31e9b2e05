"""The three journeys in a real browser, every page checked by axe-core in az, en and ru.

A citizen files with an attachment, an officer asks for clarification and answers with a file,
a coordinator approves publication, and a reader finds the answer in the archive. Data that is
only scenery (agencies, staff accounts) comes from the factories; everything a person does goes
through the pages.
"""

import re
from datetime import timedelta

from sqlalchemy import select

from foi.extensions import db
from foi.mail.delivery import deliver_pending
from foi.models import InfoRequest, OutboxMessage
from foi.models.base import utcnow
from tests.documents.factories import text_pdf
from tests.e2e.conftest import PHONE
from tests.factories import PASSWORD, file_request, make_agency, make_user, totp_code

QUESTION = (
    "2025-ci ildə kiçik sahibkarlara verilən vergi güzəştlərinin siyahısını və hər "
    "güzəştin məbləğini xahiş edirəm."
)
ANSWER = (
    "Güzəştlər Vergi Məcəlləsinin 102-ci maddəsində sadalanır; mikrosahibkarlara 75 faiz "
    "endirim tətbiq olunur. Cədvəl əlavə olunur."
)


def pdf_file(name: str, *lines: str) -> dict:
    """Return a small real PDF as Playwright's file payload."""
    return {"name": name, "mimeType": "application/pdf", "buffer": text_pdf(list(lines))}


def pdf_text(path) -> str:
    """Return the text of a downloaded PDF, failing if it is not one."""
    from pypdf import PdfReader

    with open(path, "rb") as f:
        assert f.read(5) == b"%PDF-", "not a PDF"
    return " ".join(p.extract_text() for p in PdfReader(path).pages)


def log_in(page, user) -> None:
    """Log in through the form; staff then type a code of their authenticator app."""
    page.goto("/login")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    if user.role != "citizen":
        page.get_by_role("heading", name="Second factor").wait_for()
        page.get_by_label(re.compile(r"^Code")).fill(totp_code(user))
        page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Log out").wait_for()


#: "Overdue" in words, so that the red of the badge is never the only sign (WCAG 1.4.1).
OVERDUE = {"az": "keçib", "en": "overdue", "ru": "просрочен"}


def the_request(reference: str | None = None) -> InfoRequest:
    """Read the request afresh: the browser changed it through another thread."""
    db.session.expire_all()
    query = select(InfoRequest).order_by(InfoRequest.id.desc())
    if reference:
        query = query.where(InfoRequest.reference == reference)
    return db.session.scalars(query).first()


def overdue_in_words(page, code: str) -> None:
    badges = page.locator('.badge-due[data-state="overdue"]').all_inner_texts()
    assert badges and all(OVERDUE[code] in text for text in badges), (code, badges)


def file_with_attachment(page, agency, subject: str) -> InfoRequest:
    """Fill the filing form with a PDF attached, send it and wait for the request page."""
    page.get_by_label("Subject").fill(subject)
    page.get_by_label("What information do you ask for?").fill(QUESTION)
    page.get_by_label("Agency", exact=True).select_option(str(agency.id))
    page.get_by_label("Attachments (optional)").set_input_files(
        [pdf_file("earlier-letter.pdf", "Letter of 3 March 2025", "Ref. 17/204")]
    )
    page.get_by_role("button", name="Send the request").click()
    page.get_by_role("heading", name=subject).wait_for()
    return the_request(page.url.rstrip("/").rsplit("/", 1)[-1])


def test_request_travels_from_citizen_to_officer_to_coordinator_to_reader(
    open_page, audit, mail_server
):
    tax = make_agency(
        slug="vergi",
        name_az="Dövlət Vergi Xidməti",
        name_en="State Tax Service",
        name_ru="Государственная налоговая служба",
        keywords="vergi;tax",
    )
    officer = make_user("officer", tax, display_name="Orxan Əliyev")
    coordinator = make_user("coordinator", tax, display_name="Nigar Həsənova")
    late = file_request(
        make_user("citizen"), tax, subject="Vergi borcları 2024", now=utcnow() - timedelta(days=30)
    )

    # --- The citizen registers, files with an attachment, reads the acknowledgement.
    citizen = open_page(name="citizen")
    citizen.goto("/")
    audit(citizen, "home-empty")
    citizen.get_by_role("link", name="Register").click()
    audit(citizen, "register")
    citizen.get_by_label("Your name").fill("Aysel Məmmədova")
    citizen.get_by_label("E-mail").fill("aysel@example.org")
    citizen.get_by_label(re.compile("^Password")).fill(PASSWORD)
    citizen.get_by_label("Repeat the password").fill(PASSWORD)
    citizen.get_by_role("button", name="Create account").click()
    citizen.get_by_role("heading", name="Ask for information").wait_for()
    # Until the address is confirmed a request would be held: open the link the welcome mail has.
    deliver_pending(utcnow())
    [welcome] = mail_server.to("aysel@example.org")
    citizen.goto(re.search(r"/confirm/\S+", welcome.get_content()).group(0))
    citizen.get_by_role("status").filter(has_text="address is confirmed").wait_for()
    citizen.goto("/requests/new")
    assert not citizen.locator("#similar-requests").is_visible()  # nothing similar yet
    audit(citizen, "filing-form")

    req = file_with_attachment(citizen, tax, "Vergi güzəştləri 2025")
    assert re.fullmatch(r"AZ-\d{4}-\d{6}", req.reference)
    status = citizen.get_by_role("status").filter(has_text=req.reference)
    assert "acknowledgement" in status.inner_text()
    assert citizen.get_by_role("link", name="earlier-letter.pdf").is_visible()
    due = citizen.locator(".badge-due")
    assert re.search(r"due in \d+ working days?", due.inner_text())
    audit(citizen, "filed")

    ack = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.to_addr == "aysel@example.org")
    ).all()
    assert any(req.reference in m.subject for m in ack)
    deliver_pending(utcnow())
    assert any(req.reference in m["Subject"] for m in mail_server.to("aysel@example.org"))

    # The receipt PDF came with another change: download it when the page offers it.
    receipt = citizen.get_by_role("link", name=re.compile("receipt", re.I))
    if receipt.count():
        with citizen.expect_download() as info:
            receipt.first.click()
        assert req.reference in pdf_text(info.value.path())

    citizen.get_by_role("link", name="My requests").click()
    assert citizen.get_by_role("link", name=req.reference).is_visible()
    audit(citizen, "my-requests")

    # --- The officer finds it in the queue and asks for clarification.
    desk = open_page(name="officer")
    log_in(desk, officer)
    desk.goto("/officer/")
    row = desk.get_by_role("row").filter(has_text=req.reference)
    assert "working day" in row.inner_text()
    assert late.reference in desk.locator("table").inner_text()
    audit(desk, "officer-queue", also=overdue_in_words)
    desk.get_by_role("link", name=req.reference).click()
    audit(desk, "officer-request")
    desk.get_by_role("button", name="Send the question").click()  # nothing written yet
    summary = desk.locator("#clarify [data-error-summary]")
    assert summary.get_attribute("role") == "alert"
    assert desk.evaluate("document.activeElement.matches('[data-error-summary]')")
    audit(desk, "officer-question-missing", languages=())
    desk.get_by_label("What should the requester clarify?").fill(
        "Do you mean the tax year 2025 or the calendar year?"
    )
    desk.get_by_role("button", name="Send the question").click()
    desk.get_by_role("status").filter(has_text="Question sent").wait_for()
    assert "Clock paused" in desk.locator(".badge-due").inner_text()
    audit(desk, "officer-asked")

    # --- The citizen sees the question and answers it.
    citizen.get_by_role("link", name=req.reference).click()
    question = citizen.get_by_role("region", name="The agency asks you to clarify")
    assert "tax year 2025" in question.inner_text()
    audit(citizen, "asked-to-clarify")
    citizen.get_by_label("Your answer to the agency").fill("The tax year 2025, please.")
    citizen.get_by_role("button", name="Send my answer").click()
    citizen.get_by_role("status").filter(has_text="the clock runs again").wait_for()
    audit(citizen, "clarified")

    # --- The officer answers with a file.
    desk.reload()
    assert "The tax year 2025, please." in desk.locator(".timeline").inner_text()
    desk.get_by_label("Information given").check()
    desk.locator("#answer-text").fill(ANSWER)
    desk.locator("#answer-attachments").set_input_files(
        [pdf_file("guzestler-2025.pdf", "Vergi guzestleri 2025", "Mikrosahibkarlar: 75%")]
    )
    desk.get_by_role("button", name="Send the answer").click()
    desk.get_by_role("status").filter(has_text="Answer sent").wait_for()
    assert the_request(req.reference).status == "answered"
    audit(desk, "officer-answered")

    citizen.reload()
    assert "75 faiz endirim" in citizen.get_by_role("region", name="The answer").inner_text()
    with citizen.expect_download() as info:
        citizen.get_by_role("link", name="guzestler-2025.pdf").click()
    assert "Mikrosahibkarlar" in pdf_text(info.value.path())
    audit(citizen, "answered")

    # --- Not in the archive until the coordinator approves.
    reader = open_page(name="reader")
    reader.goto(f"/r/{req.reference}")
    assert reader.get_by_role("heading", name="Vergi güzəştləri 2025").count() == 0
    audit(reader, "not-public-yet")

    approver = open_page(name="coordinator")
    log_in(approver, coordinator)
    approver.get_by_role("link", name="Approvals").click()
    audit(approver, "approvals")
    approver.get_by_role("link", name=re.compile(req.reference)).click()
    audit(approver, "coordinator-request")
    approver.get_by_role("button", name="Publish", exact=True).click()
    approver.get_by_role("status").filter(has_text="Published in the archive").wait_for()
    assert the_request(req.reference).status == "published"
    approver.get_by_role("link", name="Approvals").click()
    audit(approver, "approvals-empty")

    # --- A reader searches the archive (without diacritics) and opens the answer.
    reader.goto("/")
    reader.get_by_role("searchbox", name="Search the archive").fill("guzestler")
    reader.keyboard.press("Enter")
    reader.get_by_role("status").filter(has_text="1 request found").wait_for()
    audit(reader, "archive-results")
    reader.get_by_role("link", name="Vergi güzəştləri 2025").click()
    assert "75 faiz endirim" in reader.locator("main").inner_text()
    assert "Aysel" not in reader.content()  # she did not agree to show her name
    audit(reader, "public-answer")
    with reader.expect_download() as info:
        reader.get_by_role("link", name="guzestler-2025.pdf").click()
    assert "Mikrosahibkarlar" in pdf_text(info.value.path())


def test_citizen_files_with_an_attachment_on_a_phone(open_page, audit):
    agency = make_agency(
        name_az="Ədliyyə Nazirliyi", name_en="Ministry of Justice", name_ru="Министерство юстиции"
    )
    citizen_user = make_user("citizen", display_name="Rəşad Quliyev")
    phone = open_page(viewport=PHONE, name="phone")
    log_in(phone, citizen_user)
    phone.goto("/requests/new")
    audit(phone, "phone-filing-form")
    rights = phone.get_by_role("complementary", name="What the law guarantees")
    assert "7 working days" in rights.inner_text()
    # On a phone the rights come before the form, not after the button that sends it.
    assert rights.bounding_box()["y"] < phone.get_by_label("Subject").bounding_box()["y"]
    req = file_with_attachment(phone, agency, "Məhkəmə statistikası 2025")
    assert req.documents and req.documents[0].filename == "earlier-letter.pdf"
    audit(phone, "phone-filed")
    phone.get_by_role("link", name="My requests").click()
    # Each request reads as a block: its deadline is on screen, not behind a sideways scroll.
    badge = phone.locator(".badge-due").first.bounding_box()
    assert badge["x"] + badge["width"] <= PHONE["width"]
    audit(phone, "phone-my-requests")
