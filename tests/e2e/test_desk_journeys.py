"""The officer's desk of issue 16 in a real browser: drafts, one request to several agencies,
departments and claims.

A citizen writes a request that saves itself as a draft (with its attachment), leaves, comes
back from "My requests" and sends it, while another citizen cannot open the draft; a citizen on
a phone sends one request to two agencies and later reads both published answers side by side;
an administrator makes a department, a coordinator routes a request to it, its officer claims
it and gives it back. Every page visited is checked by axe-core: in Azerbaijani, Russian or
English as the person reads it, and one page of each journey in all three languages.

The site's clock is set to a fixed moment (``site_clock``) so that deadlines read the same on
any day the tests run.
"""

import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.support import Translations
from playwright.sync_api import expect

import foi.models.base
from foi.extensions import db
from foi.models import User
from foi.services import answering, drafts, publishing
from foi.services.selectors import group_others
from tests.e2e.audit import switch_language
from tests.e2e.conftest import PHONE
from tests.e2e.test_journeys import log_in, pdf_file, the_request
from tests.factories import file_request, make_agency, make_user

#: Tuesday 3 February 2026, 10:00 in Baku (UTC+4): an ordinary working week, no holidays.
START = datetime(2026, 2, 3, 6, 0, tzinfo=UTC)
#: The draft script saves once typing has stopped this long (foi/static/js/drafts.js).
QUIET_MS = 3000
BAKU = ZoneInfo("Asia/Baku")
HEALTH_ANSWER = "2024-2025-ci illərdə 4 xəstəxana tikilib; xərclər 38 milyon manatdır."
FINANCE_ANSWER = "Tikinti üçün dövlət büdcəsindən 41,2 milyon manat ayrılıb."
CATALOGUES = Path(foi.models.base.__file__).parents[1] / "translations"


def afresh(user: User) -> User:
    """Read the account again: the browser changed it through another thread."""
    db.session.expire_all()
    return db.session.get(User, user.id)


def tr(message: str, lang: str, **values) -> str:
    """Return ``message`` as the site shows it in ``lang`` (from the compiled catalogue)."""
    text = Translations.load(str(CATALOGUES), [lang]).gettext(message) % values
    if lang != "en":
        assert text != message % values, f"{message!r} is not translated into {lang}"
    return text


def ntr(singular: str, plural: str, n: int, lang: str) -> str:
    """Return the plural form for ``n`` in ``lang``, with the number put in."""
    text = Translations.load(str(CATALOGUES), [lang]).ngettext(singular, plural, n)
    return text % {"num": n}


@pytest.fixture
def site_clock(monkeypatch):
    """Set the site's clock (``utcnow``, which every module reads) to ``START``.

    It runs on from there as real time passes, so that events keep their order.
    """
    offset = START - datetime.now(UTC)

    class SiteClock(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + offset

    monkeypatch.setattr(foi.models.base, "datetime", SiteClock)
    return START


@pytest.fixture
def person(open_page):
    """Return ``person(name, viewport=..., locale=...)``: a page whose draft timers wait.

    Playwright's fake clock holds the draft script's timers until a test runs them, so a
    draft is saved exactly when the test says the person stopped typing, and never while
    the form is being sent.
    """

    def open_(name, **options):
        page = open_page(name=name, **options)
        page.clock.install()
        return page

    return open_


def test_a_draft_saves_itself_is_sent_later_and_is_nobody_elses(app, site_clock, person, audit):
    education = make_agency(
        slug="tehsil",
        name_az="Təhsil Nazirliyi",
        name_en="Ministry of Education",
        name_ru="Министерство образования",
    )
    author = make_user("citizen", display_name="Aysel Məmmədova")
    other = make_user("citizen", display_name="Kamran Rüstəmov")
    subject = "Məktəblərin təmiri 2025"

    # --- The author writes, attaches a letter and pauses: the form saves itself.
    page = person("author")
    log_in(page, author)
    switch_language(page, "az")
    page.goto("/requests/new")
    page.locator("#subject").fill(subject)
    page.locator("#body").fill("2025-ci ildə təmir olunan məktəblərin siyahısını göndərin.")
    page.locator("#agency_id").select_option(str(education.id))
    page.locator("#attachments").set_input_files([pdf_file("mektub.pdf", "Letter of 3 March")])
    page.clock.run_for(QUIET_MS + 100)
    expect(page.locator("[data-draft-status]")).to_have_text(
        tr("Draft saved at %(time)s.", "az", time="10:00")
    )
    kept = page.get_by_label(re.compile("mektub.pdf"))
    expect(kept).to_be_checked()
    [draft] = drafts.drafts_of(author)
    assert draft.subject == subject and draft.agency_id_list == [education.id]
    assert [f.filename for f in drafts.draft_files(draft)] == ["mektub.pdf"]
    assert page.url.endswith(f"?draft={draft.id}")

    def still_the_draft(page, code):
        # A person switching language while writing finds their saved draft, not a blank form.
        assert page.locator("#subject").input_value() == subject, code
        assert page.get_by_label(re.compile("mektub.pdf")).is_checked(), code

    audit(page, "draft-saved-while-writing", also=still_the_draft)  # az, en and ru

    # --- The author leaves; another citizen cannot open the draft, even knowing its number.
    page.goto("/")
    stranger = person("other")
    log_in(stranger, other)
    response = stranger.goto(f"/requests/new?draft={draft.id}")
    assert response.status == 404
    assert subject not in stranger.content()
    audit(stranger, "someone-elses-draft", languages=())

    # --- The author comes back from "My requests": the draft is there, with its file.
    page.locator('header a[href="/my/requests"]').first.click()
    drafts_list = page.locator("[data-drafts]")
    expect(page.locator("#drafts-title")).to_have_text(tr("Drafts", "az"))
    expect(drafts_list).to_contain_text(subject)
    expect(drafts_list).to_contain_text(ntr("%(num)d file", "%(num)d files", 1, "az"))
    audit(page, "my-requests-with-a-draft", languages=())
    drafts_list.get_by_role("link", name=subject).click()
    expect(page.locator("#subject")).to_have_value(subject)
    expect(
        page.get_by_text(
            tr("You are continuing a draft. It is kept for you only until you send it.", "az")
        )
    ).to_be_visible()
    expect(page.get_by_label(re.compile("mektub.pdf"))).to_be_checked()
    audit(page, "draft-continued", languages=())

    # --- The author sends it: a request with the letter attached, and the draft is gone.
    page.get_by_role("button", name=tr("Send the request", "az")).click()
    page.get_by_role("heading", name=subject).wait_for()
    req = the_request(page.url.rsplit("/", 1)[-1])
    assert req.agency_id == education.id and [d.filename for d in req.documents] == ["mektub.pdf"]
    assert drafts.drafts_of(author) == []
    audit(page, "draft-sent", languages=())
    page.goto("/my/requests")
    expect(page.locator("[data-drafts]")).to_have_count(0)
    expect(page.get_by_role("link", name=req.reference)).to_be_visible()
    audit(page, "my-requests-after-sending", languages=())


def test_one_request_goes_to_two_agencies_and_their_answers_are_read_side_by_side(
    app, site_clock, person, audit
):
    health = make_agency(
        slug="sehiyye",
        name_az="Səhiyyə Nazirliyi",
        name_en="Ministry of Health",
        name_ru="Министерство здравоохранения",
    )
    finance = make_agency(
        slug="maliyye",
        name_az="Maliyyə Nazirliyi",
        name_en="Ministry of Finance",
        name_ru="Министерство финансов",
    )
    staff = {
        agency.id: (make_user("officer", agency), make_user("coordinator", agency))
        for agency in (health, finance)
    }
    citizen = make_user("citizen", display_name="Rəşad Quliyev")
    subject = "Xəstəxanaların tikintisi"

    # --- On a phone, in Russian, the citizen writes once and picks a second agency.
    phone = person("citizen", viewport=PHONE)
    log_in(phone, citizen)
    switch_language(phone, "ru")
    phone.goto("/requests/new")
    phone.locator("#subject").fill(subject)
    phone.locator("#body").fill("2024-2025-ci illərdə tikilən xəstəxanaların xərclərini göndərin.")
    phone.locator("#agency_id").select_option(str(health.id))
    phone.locator("details summary").filter(
        has_text=tr("Send the same request to other agencies too (up to %(n)d in all)", "ru", n=5)
    ).click()
    phone.locator("#also_agency_ids").get_by_label("Министерство финансов").check()
    audit(phone, "one-request-two-agencies-form", languages=())
    phone.get_by_role("button", name=tr("Send the request", "ru")).click()
    phone.get_by_role("heading", name=subject).wait_for()
    first = the_request(phone.url.rsplit("/", 1)[-1])
    [second] = group_others(first)
    assert second.agency_id == finance.id and second.reference != first.reference
    sent = tr(
        "Your request was sent to %(n)d agencies, each with its own reference: %(refs)s. "
        "We e-mailed you an acknowledgement of each.",
        "ru",
        n=2,
        refs=f"{first.reference}, {second.reference}",
    )
    expect(phone.get_by_text(sent)).to_be_visible()
    assert "2 ведомств" not in phone.content()  # "в 2 ведомств" is bad Russian (ведомства)
    also = phone.locator("[data-also-sent]")
    expect(also).to_contain_text("Министерство финансов")
    audit(phone, "sent-to-two-agencies", languages=())

    # --- "My requests" shows them together: two references, each with its own deadline.
    phone.goto("/my/requests")
    group = phone.locator("tbody[data-request-group]")
    expect(group.locator("th")).to_have_text(
        tr("Sent to %(n)d agencies together: %(subject)s", "ru", n=2, subject=subject)
    )
    assert "2 ведомств" not in group.inner_text()
    rows = group.locator("tr:has(td)")
    expect(rows).to_have_count(2)
    # Filed on Tuesday 3 February at 10:00: 7 working days from the 4th, due on the 12th.
    seven_days = ntr("due in %(num)d working day", "due in %(num)d working days", 7, "ru")
    for row, req, name in zip(rows.all(), (first, second), ("здравоохранения", "финансов")):
        expect(row).to_contain_text(req.reference)
        expect(row).to_contain_text(name)
        expect(row.locator(".badge-due")).to_have_text(seven_days)
        assert req.due_at.astimezone(BAKU).strftime("%d.%m.%Y %H:%M") == "12.02.2026 23:59"
    audit(phone, "my-requests-grouped", languages=())
    rows.nth(1).get_by_role("link", name=second.reference).click()
    phone.get_by_role("heading", name=subject).wait_for()
    expect(phone.locator("dl")).to_contain_text("12.02.2026, 23:59")
    expect(phone.locator("[data-also-sent]")).to_contain_text(first.reference)
    audit(phone, "the-other-agencys-request", languages=())

    # --- Both agencies answer, and their coordinators publish (the desk is not this journey).
    answers = {health.id: HEALTH_ANSWER, finance.id: FINANCE_ANSWER}
    for req in (first, second):
        officer, coordinator = staff[req.agency_id]
        answering.request_answer(
            actor=officer, req=req, outcome="given", text=answers[req.agency_id]
        )
        publishing.response_approve(actor=coordinator, req=req)

    # --- A reader of the archive, on a phone too, sees the two answers side by side.
    reader = person("reader", viewport=PHONE)
    reader.goto(f"/r/{first.reference}")
    reader.get_by_role("heading", name=subject, level=1).wait_for()
    expect(reader.locator("article").first).to_contain_text(HEALTH_ANSWER)
    side = reader.locator("[data-group-answers]")
    expect(side.locator(".card")).to_have_count(1)
    expect(side).to_contain_text("Ministry of Finance")
    expect(side).to_contain_text(second.reference)
    expect(side).to_contain_text(FINANCE_ANSWER)
    audit(reader, "archive-answers-side-by-side")  # az, en and ru


def test_a_request_is_routed_to_a_department_claimed_and_released(app, site_clock, person, audit):
    tax = make_agency(
        slug="vergi",
        name_az="Dövlət Vergi Xidməti",
        name_en="State Tax Service",
        name_ru="Государственная налоговая служба",
    )
    admin = make_user("admin", display_name="Elnur Bağırov")
    coordinator = make_user("coordinator", tax, display_name="Nigar Həsənova")
    officer = make_user("officer", tax, display_name="Orxan Əliyev")
    req = file_request(make_user("citizen"), tax, subject="ƏDV qaytarılması 2025", now=site_clock)

    # --- The administrator names a department and puts the officer in it.
    office = person("admin")
    log_in(office, admin)
    office.goto(f"/admin/agencies/{tax.id}/departments")
    audit(office, "departments-empty", languages=())
    office.get_by_label("Name in Azerbaijani").fill("Vergi qaytarılması şöbəsi")
    office.get_by_label("Name in English").fill("Tax refunds")
    office.get_by_label("Name in Russian").fill("Отдел возврата налогов")
    office.get_by_role("button", name="Add", exact=True).click()
    office.get_by_text("Department “Tax refunds” saved.").wait_for()
    expect(office.get_by_role("link", name="Tax refunds")).to_be_visible()
    audit(office, "department-added", languages=())
    office.goto(f"/admin/users/{officer.id}")
    office.get_by_label("Department").select_option(label="State Tax Service: Tax refunds")
    office.get_by_role("button", name="Save", exact=True).click()
    office.get_by_text("Account of Orxan Əliyev saved.").wait_for()
    department = afresh(officer).department
    assert department.name_az == "Vergi qaytarılması şöbəsi" and department.agency_id == tax.id
    audit(office, "officer-in-the-department", languages=())

    # --- The coordinator routes the request there.
    desk = person("coordinator")
    log_in(desk, coordinator)
    desk.goto(f"/officer/requests/{req.reference}")
    desk.locator("#route").get_by_label("Department").select_option(label="Tax refunds")
    desk.get_by_role("button", name="Route").click()
    desk.get_by_text("Routed; the department's officers see it under “Unclaimed”.").wait_for()
    history = desk.locator("aside .timeline")
    expect(history).to_contain_text("Routed to a department: Tax refunds")
    audit(desk, "routed-to-the-department", languages=())

    # --- Its officer finds it under "Unclaimed" and claims it; the history says who did.
    work = person("officer")
    log_in(work, officer)
    work.goto("/officer/")
    work.get_by_role("link", name=re.compile("unclaimed")).click()
    row = work.locator("tr", has_text=req.reference)
    expect(row).to_contain_text("Tax refunds")
    audit(work, "unclaimed-queue", languages=())
    row.get_by_role("link", name=req.reference).click()
    work.locator("#claim").get_by_role("button", name="Claim it").click()
    work.get_by_text("You claimed this request: it is yours to work on.").wait_for()
    assert the_request(req.reference).assignee_id == officer.id
    history = work.locator("aside .timeline")
    expect(history).to_contain_text("Claimed")
    expect(history).to_contain_text("Orxan Əliyev")
    audit(work, "claimed")  # az, en and ru

    # --- The officer gives it back, saying why: unclaimed again, the reason in the history.
    work.locator("#release summary").click()
    work.get_by_label("Why do you release it?").fill("Məzuniyyətə gedirəm.")
    work.locator("#release").get_by_role("button", name="Release").click()
    work.get_by_text("Claim released: the request is unclaimed again.").wait_for()
    expect(history).to_contain_text("Claim released")
    expect(history).to_contain_text("Məzuniyyətə gedirəm.")
    assert the_request(req.reference).assignee_id is None
    expect(work.locator("#claim")).to_be_visible()
    audit(work, "claim-released", languages=())
