"""Requests received off-line: staff enter them, and the answers go back the way they came."""

import io
import json
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from foi.extensions import db
from foi.mail.delivery import deliver_pending
from foi.models import Document, Event, InfoRequest, OutboxMessage
from foi.models.base import utcnow
from foi.requests.states import EventKind
from foi.services import answering, offline, post_letters, publishing
from foi.services.account_deletion import account_delete
from foi.services.account_page import email_change_confirm
from foi.services.accounts import signed_tokens
from foi.services.archive import public_record
from foi.services.compliance import received_by_channel
from foi.services.deadlines import request_deadlines
from foi.services.errors import DomainError, NotFound
from foi.services.registration import user_confirm, user_register
from tests.documents.factories import text_pdf
from tests.documents_web.helpers import pdf_text
from tests.factories import file_request, make_agency, make_user

BAKU = ZoneInfo("Asia/Baku")
ADDRESS = "Nizami küçəsi 12, mənzil 7, Bakı AZ1000"
SCAN = text_pdf(["Dear Tax Service, please send the school repair budget."])


@pytest.fixture
def office(app):
    agency = make_agency(slug="vergi", name_az="Vergi Xidməti", name_en="Tax Service")
    other = make_agency(slug="statistika", name_az="Statistika Komitəsi", name_en="Statistics")
    return dict(
        agency=agency,
        other=other,
        officer=make_user("officer", agency),
        coordinator=make_user("coordinator", agency),
        other_officer=make_user("officer", other),
    )


def _typed(moment) -> str:
    """Return ``moment`` as the officer types it: the agency's local time, to the minute."""
    return moment.astimezone(BAKU).strftime("%Y-%m-%dT%H:%M")


def _form(**values) -> dict:
    received = utcnow() - timedelta(hours=2)
    data = {
        "channel": "post",
        "received_at": _typed(received),
        "name": "Səbinə Quliyeva",
        "postal_address": ADDRESS,
        "email": "",
        "subject": "Məktəb təmiri",
        "body": "2025-ci ildə məktəblərin təmirinə xərclənən vəsait barədə məlumat verin.",
        "urgency": "",
        "lang": "az",
        "attachments": [(io.BytesIO(SCAN), "mektub.pdf")],
    }
    data.update(values)
    return data


def _enter(officer, **values) -> InfoRequest:
    """Enter a request through the service, received two hours before now."""
    now = values.pop("now", utcnow())
    arguments = dict(
        actor=officer,
        channel="post",
        received_at=now - timedelta(hours=2),
        name="Səbinə Quliyeva",
        postal_address=ADDRESS,
        subject="Məktəb təmiri",
        body="2025-ci ildə məktəblərin təmirinə xərclənən vəsait barədə məlumat verin.",
        uploads=[(io.BytesIO(SCAN), "mektub.pdf")],
        now=now,
    )
    arguments.update(values)
    return offline.offline_request_record(**arguments)


def _letter_pdf(client, req: InfoRequest, letter) -> str:
    """Download the letter to post and return its text."""
    url = f"/documents/requests/{req.reference}/letters/{letter.event.id}.pdf"
    return pdf_text(client.get(url).data)


def _outbox_to(address: str) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.to_addr == address)))


# --- Entering a request ------------------------------------------------------------------


def test_an_officer_enters_a_letter_received_by_post_with_its_scan(office, login):
    client = login(office["officer"])
    assert client.get("/officer/requests/new").status_code == 200
    form = _form()
    response = client.post("/officer/requests/new", data=form, content_type="multipart/form-data")
    assert response.status_code == 302, re.findall(
        r"class=\"error\"[^>]*>(.*?)</p>", response.get_data(as_text=True), re.S
    )
    req = db.session.scalar(select(InfoRequest))
    assert response.location.endswith(f"/officer/requests/{req.reference}")
    # The request is the officer's agency's, its clock started when the letter arrived.
    assert req.agency_id == office["agency"].id and req.channel == "post"
    assert req.requester_id is None and req.contact.postal_address == ADDRESS
    assert _typed(req.received_at) == form["received_at"]
    assert req.due_at == request_deadlines(req).due_at is not None
    # The scan is stored as the requester's document, like any upload.
    [scan] = db.session.scalars(select(Document).where(Document.request_id == req.id)).all()
    assert scan.source == "request" and scan.filename == "mektub.pdf"
    page = client.get(response.location).get_data(as_text=True)
    assert "Print the receipt below" in page  # no e-mail address: the receipt goes on paper
    assert "Received off-line: By post" in page and "Request filed: By post" in page
    assert "Nizami küçəsi 12" in page and "Waiting to be posted" in page
    assert _outbox_to("") == []


def test_a_coordinator_enters_one_too_and_the_form_starts_at_now(office, login):
    client = login(office["coordinator"])
    page = client.get("/officer/requests/new").get_data(as_text=True)
    typed = re.search(
        r'name="received_at"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="received_at"', page
    )
    shown = datetime.strptime(typed.group(1) or typed.group(2), "%Y-%m-%dT%H:%M").replace(
        tzinfo=BAKU
    )
    assert abs(shown - utcnow()) < timedelta(minutes=5)
    response = client.post(
        "/officer/requests/new",
        data=_form(channel="in_person", attachments=[]),
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    req = db.session.scalar(select(InfoRequest))
    assert req.channel == "in_person" and req.assignee_id == office["coordinator"].id


def test_the_citizens_filing_form_sends_staff_to_the_offline_form(office, login):
    response = login(office["officer"]).get("/requests/new")
    assert response.status_code == 302
    assert response.location.endswith("/officer/requests/new")


def test_a_phone_request_needs_no_scan_but_a_letter_by_post_does(office):
    req = _enter(office["officer"], channel="phone", uploads=[])
    assert req.channel == "phone" and not req.documents
    with pytest.raises(DomainError) as refused:
        _enter(office["officer"], channel="post", uploads=[])
    assert refused.value.field == "attachments"


def test_entering_a_request_a_day_late_needs_a_reason_kept_in_the_history(office):
    now = utcnow()
    received = now - timedelta(days=3)
    with pytest.raises(DomainError) as refused:
        _enter(office["officer"], received_at=received, now=now)
    assert refused.value.field == "late_reason"
    req = _enter(office["officer"], received_at=received, late_reason="Poçtda qalmışdı.", now=now)
    late = [e for e in req.events if e.kind == EventKind.ENTERED_LATE]
    assert [e.text for e in late] == ["Poçtda qalmışdı."]
    # The law's clock runs from the day the letter arrived, not from the day it was typed in.
    on_time = _enter(office["officer"], now=now)
    assert req.due_at < on_time.due_at


def test_a_moment_of_receipt_in_the_future_is_refused(office):
    now = utcnow()
    with pytest.raises(DomainError) as refused:
        _enter(office["officer"], received_at=now + timedelta(hours=1), now=now)
    assert refused.value.field == "received_at"


def test_without_any_address_the_request_is_refused(office):
    with pytest.raises(DomainError) as refused:
        _enter(office["officer"], postal_address="", email="")
    assert refused.value.field == "postal_address"


def test_a_citizen_and_another_agencys_staff_get_404(office, login):
    citizen = make_user("citizen")
    assert login(citizen).get("/officer/requests/new").status_code == 404
    req = _enter(office["officer"])
    client = login(office["other_officer"])
    assert client.get(f"/officer/requests/{req.reference}").status_code == 404
    letter = post_letters.letters_to_post(req)[0]
    url = f"/documents/requests/{req.reference}/letters/{letter.event.id}.pdf"
    assert client.get(url).status_code == 404
    assert login(citizen).get(url).status_code == 404


# --- The form's errors, in the officer's language ----------------------------------------


@pytest.mark.parametrize(
    ("locale", "message"),
    [
        ("en", "Write the requester's name."),
        ("az", "Sorğuçunun adını yazın."),
        ("ru", "Укажите имя заявителя."),
    ],
)
def test_a_form_without_the_name_is_422_with_the_text_kept(office, login, app, locale, message):
    officer = make_user("officer", office["agency"], locale=locale)
    client = login(officer)
    response = client.post(
        "/officer/requests/new", data=_form(name=""), content_type="multipart/form-data"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page
    assert "Məktəb təmiri" in page and "Nizami küçəsi 12" in page
    # The scan is kept for the next submission (a browser cannot re-fill a file input).
    assert "mektub.pdf" in page
    assert db.session.scalar(select(InfoRequest)) is None


@pytest.mark.parametrize(
    ("locale", "message"),
    [
        ("en", "Entered more than a day after it was received: say why."),
        ("az", "Alındıqdan bir gündən çox sonra daxil edilir: səbəbini yazın."),
        ("ru", "Вносится более чем через день после получения: укажите причину."),
    ],
)
def test_a_late_entry_without_a_reason_is_422_in_the_officers_language(
    office, login, locale, message
):
    officer = make_user("officer", office["agency"], locale=locale)
    late = _typed(utcnow() - timedelta(days=5))
    response = login(officer).post(
        "/officer/requests/new", data=_form(received_at=late), content_type="multipart/form-data"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page and late in page


def test_an_unreadable_moment_and_a_bad_address_are_422_next_to_their_fields(office, login):
    client = login(office["officer"])
    response = client.post(
        "/officer/requests/new",
        data=_form(received_at="yesterday"),
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "Give the day and time the request was received." in response.get_data(as_text=True)
    response = client.post(
        "/officer/requests/new",
        data=_form(email="not-an-address"),
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "This e-mail address does not look right." in response.get_data(as_text=True)


# --- With an e-mail address: the receipt by e-mail, and the account later ----------------


def test_with_an_e_mail_address_the_receipt_is_e_mailed_there(office, mail_server):
    req = _enter(
        office["officer"], channel="email", email="Sebine@Example.org", uploads=[], lang="en"
    )
    [receipt] = _outbox_to("sebine@example.org")
    assert req.reference in receipt.subject and "Səbinə Quliyeva" in receipt.body_text
    # No account yet: the e-mail says how to follow the request online.
    assert "register on the site with this e-mail address" in receipt.body_text
    assert "http://foi.test/register" in receipt.body_text
    assert post_letters.letters_to_post(req) == []  # nothing to print: the letters are e-mailed
    answering.request_answer(actor=office["officer"], req=req, outcome="given", text="Cavab.")
    assert len(_outbox_to("sebine@example.org")) == 2


def test_the_request_joins_the_account_that_confirms_its_address(office, login):
    req = _enter(office["officer"], channel="in_person", email="sebine@example.org", uploads=[])
    user = user_register(
        email="sebine@example.org",
        password="correct horse battery",
        display_name="Səbinə",
        locale="az",
    )
    db.session.commit()
    db.session.refresh(req)
    assert req.requester_id is None  # not before the address is confirmed
    user_confirm(signed_tokens("confirm").dumps(user.id))
    db.session.refresh(req)
    assert req.requester_id == user.id
    assert any(e.kind == EventKind.JOINED_ACCOUNT for e in req.events)
    page = login(user).get("/my/requests").get_data(as_text=True)
    assert req.reference in page


def test_the_request_joins_an_account_that_changes_to_its_address(office):
    citizen = make_user("citizen", email="old@example.org")
    req = _enter(office["officer"], email="sebine@example.org")
    assert req.requester_id is None
    email_change_confirm(
        signed_tokens("email").dumps([citizen.id, citizen.email, "sebine@example.org"])
    )
    db.session.refresh(req)
    assert req.requester_id == citizen.id


def test_deleting_the_account_erases_the_contact_written_down(office):
    citizen = make_user("citizen", email="sebine@example.org")
    req = _enter(office["officer"], email="sebine@example.org")
    account_delete(user=citizen, password="correct horse battery")
    db.session.refresh(req.contact)
    assert (req.contact.name, req.contact.postal_address, req.contact.email) == ("", "", "")


def test_an_account_that_already_confirmed_the_address_gets_the_request_at_once(office):
    citizen = make_user("citizen", email="sebine@example.org")
    req = _enter(office["officer"], email="sebine@example.org")
    assert req.requester_id == citizen.id


# --- Without an e-mail address: letters to print and post ---------------------------------


def test_without_e_mail_nothing_is_e_mailed_and_the_answer_waits_to_be_posted(office, login):
    req = _enter(office["officer"])
    before = db.session.scalar(select(db.func.count()).select_from(OutboxMessage))
    answering.request_answer(
        actor=office["officer"], req=req, outcome="given", text="Təmirə 120 000 manat xərclənib."
    )
    after = db.session.scalar(select(db.func.count()).select_from(OutboxMessage))
    assert after == before  # the coordinators' own notices aside, nobody to e-mail
    assert [letter.kind for letter in post_letters.waiting_letters(req)] == ["receipt", "answer"]
    client = login(office["officer"])
    answer = post_letters.waiting_letters(req)[1]
    response = client.get(f"/documents/requests/{req.reference}/letters/{answer.event.id}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    # Addressed for the envelope, in the request's language (Azerbaijani).
    assert "Səbinə Quliyeva" in text and "Nizami küçəsi 12" in text
    assert "İnformasiya sorğusuna cavab" in text and "120 000 manat" in text


def test_the_officer_records_the_day_a_letter_was_posted(office, login):
    req = _enter(office["officer"])
    receipt = post_letters.waiting_letters(req)[0]
    client = login(office["officer"])
    today = utcnow().astimezone(BAKU).date()
    future = (today + timedelta(days=2)).isoformat()
    response = client.post(
        f"/officer/requests/{req.reference}/letters/posted",
        data={"posted-event_id": receipt.event.id, "posted-posted_on": future},
    )
    assert response.status_code == 422
    assert "The day of posting cannot be in the future." in response.get_data(as_text=True)
    response = client.post(
        f"/officer/requests/{req.reference}/letters/posted",
        data={"posted-event_id": receipt.event.id, "posted-posted_on": today.isoformat()},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert post_letters.waiting_letters(req) == []
    page = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    assert "Letter posted: Receipt" in page


def test_extension_and_transfer_letters_are_printed_for_posting(office, login):
    req = _enter(office["officer"])
    answering.request_extend(actor=office["officer"], req=req, days=3, reason="Arxivdən alınır.")
    extension = post_letters.waiting_letters(req)[-1]
    assert extension.kind == "extension"
    client = login(office["officer"])
    text = _letter_pdf(client, req, extension)
    assert "Sorğunuza cavab müddətinin uzadılması" in text and "Arxivdən alınır." in text
    answering.request_transfer(
        actor=office["officer"], req=req, agency_id=office["other"].id, reason="Onlarda var."
    )
    # The receiving agency holds the request now, with the letter still to post.
    transfer = post_letters.waiting_letters(req)[-1]
    assert transfer.kind == "transfer"
    client = login(office["other_officer"])
    page = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    assert "Transfer letter" in page
    text = _letter_pdf(client, req, transfer)
    assert "Statistika Komitəsi" in text and "Vergi Xidməti" in text and "Onlarda var." in text


def test_a_refusal_is_a_refusal_letter_to_post(office):
    req = _enter(office["officer"])
    ground = answering.law_pack("az").refusal_grounds[0].code
    answering.request_answer(
        actor=office["officer"], req=req, outcome="refused", text="Rədd.", grounds=[ground]
    )
    assert post_letters.waiting_letters(req)[-1].kind == "refusal"


# --- Privacy and statistics ----------------------------------------------------------------


def test_the_contact_details_never_reach_the_public_archive(office, client, app):
    req = _enter(office["officer"], email="sebine.private@example.org")
    answering.request_answer(actor=office["officer"], req=req, outcome="given", text="Cavab.")
    publishing.response_approve(actor=office["coordinator"], req=req)
    db.session.commit()
    pages = [
        client.get(f"/r/{req.reference}"),
        client.get(f"/api/v1/requests/{req.reference}"),
        client.get("/api/v1/requests?q=Məktəb"),
        client.get("/archive/feed.atom"),
        client.get("/archive/export.csv"),
        client.get("/archive?q=Məktəb"),
    ]
    record = json.dumps(public_record(req, full=True), ensure_ascii=False)  # the bulk export's
    assert "Nizami" not in record and "sebine.private" not in record
    for response in pages:
        assert response.status_code == 200, response.request.path
        body = response.get_data(as_text=True)
        assert req.reference in body, response.request.path
        assert "Nizami" not in body and "sebine.private" not in body, response.request.path
        assert "Quliyeva" not in body, response.request.path
    assert "Məktəb təmiri" in pages[0].get_data(as_text=True)
    assert pages[1].get_json()["channel"] == "post"  # how it came is public; who sent it is not


def test_the_statistics_count_requests_by_channel(office, client):
    now = utcnow()
    # All received at one moment, so that they count in one year whatever the day.
    file_request(make_user("citizen"), office["agency"], now=now - timedelta(hours=2))
    _enter(office["officer"], now=now)
    _enter(office["officer"], channel="phone", uploads=[], now=now)
    db.session.commit()
    counts = received_by_channel(office["agency"])
    assert counts["online"] == 1 and counts["post"] == 1 and counts["phone"] == 1
    assert counts["fax"] == 0
    page = client.get("/agencies/vergi").get_data(as_text=True)
    assert 'data-channel="post"' in page and "By phone" in page
    year = (now - timedelta(hours=2)).astimezone(BAKU).year
    page = client.get(f"/statistics?year={year}").get_data(as_text=True)
    assert 'data-channel="phone"' in page
    site = client.get(f"/api/v1/statistics?year={year}").get_json()
    assert site["channels"]["post"] == 1 and site["channels"]["online"] == 1
    agency = client.get(f"/api/v1/agencies/vergi/statistics?year={year}").get_json()
    assert agency["channels"]["phone"] == 1 and agency["received"] == 3


def test_the_reminder_sweep_tells_staff_of_an_overdue_paper_request(office):
    from foi.services.reminders import reminders_sweep

    req = _enter(office["officer"])
    reminders_sweep(now=req.due_at + timedelta(days=1))
    db.session.commit()
    events = db.session.scalars(select(Event).where(Event.request_id == req.id)).all()
    assert events
    staff = _outbox_to(office["coordinator"].email)
    assert any("overdue" in m.key for m in staff)
    assert not any(m.key.endswith(":requester") for m in db.session.scalars(select(OutboxMessage)))
    deliver_pending(utcnow())


def test_a_letter_received_on_new_years_night_in_baku_is_numbered_in_the_new_year(office):
    received = datetime(2026, 12, 31, 21, 30, tzinfo=UTC)  # 1 January 2027, 01:30 in Baku
    req = _enter(office["officer"], received_at=received, now=received + timedelta(hours=1))
    assert req.reference.startswith("AZ-2027-")


def test_a_question_goes_by_post_and_the_officer_enters_the_answer_that_came_back(office, login):
    req = _enter(office["officer"])
    answering.request_ask_clarification(
        actor=office["officer"], req=req, question="Hansı məktəblər? Rayonu yazın."
    )
    question = post_letters.waiting_letters(req)[-1]
    assert question.kind == "clarification" and req.due_at is None  # the clock waits
    client = login(office["officer"])
    text = _letter_pdf(client, req, question)
    assert "sorğunuzu dəqiqləşdirməyi" in text and "Rayonu yazın." in text
    url = f"/officer/requests/{req.reference}/clarification-received"
    response = client.post(
        url, data={"clarified-text": "Xətai rayonu.", "clarified-received_at": ""}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Xətai rayonu." in page
    assert "Give the day and time the clarification was received." in page
    before = _typed(utcnow() - timedelta(days=1))
    response = client.post(
        url, data={"clarified-text": "Xətai rayonu.", "clarified-received_at": before}
    )
    assert response.status_code == 422
    assert "must arrive after the question" in response.get_data(as_text=True)
    received = _typed(utcnow() + timedelta(minutes=1))  # typed to the minute: just after
    response = client.post(
        url, data={"clarified-text": "Xətai rayonu.", "clarified-received_at": received}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert req.status == "awaiting" and req.due_at is not None
    [clarified] = [e for e in req.events if e.kind == EventKind.CLARIFICATION_RECEIVED]
    assert clarified.text == "Xətai rayonu." and _typed(clarified.at) == received


def test_only_a_request_without_an_account_takes_a_clarification_from_staff(office):
    citizen = make_user("citizen")
    req = file_request(citizen, office["agency"])
    answering.request_ask_clarification(actor=office["officer"], req=req, question="Hansı?")
    with pytest.raises(NotFound):
        offline.offline_clarification_record(
            actor=office["officer"], req=req, text="Bu.", received_at=utcnow()
        )


@pytest.mark.parametrize("lang", ["az", "en", "ru"])
def test_the_offline_pages_are_wholly_in_the_officers_language(office, client, lang):
    from tests.i18n.conftest import sign_in
    from tests.i18n.test_pages import check_language

    officer = make_user("officer", office["agency"], locale=lang)
    sign_in(client, officer)
    check_language(client.get("/officer/requests/new").get_data(as_text=True), lang)
    req = _enter(officer, subject="Ремонт школ" if lang == "ru" else "School repairs")
    answering.request_ask_clarification(actor=officer, req=req, question="Hansı məktəblər?")
    page = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    check_language(page.replace("Hansı məktəblər?", ""), lang)


def test_the_officer_records_a_withdrawal_by_phone_and_the_clock_stops(office, login):
    req = _enter(office["officer"], channel="phone", uploads=[])
    client = login(office["officer"])
    url = f"/officer/requests/{req.reference}/withdrawn"
    response = client.post(url, data={"withdrawn-reason": ""})
    assert response.status_code == 422
    assert "Say how and why the requester withdrew the request." in response.get_data(as_text=True)
    response = client.post(url, data={"withdrawn-reason": "Zəng etdi: məlumatı artıq tapıb."})
    assert response.status_code == 302
    db.session.expire_all()
    assert req.status == "withdrawn" and req.due_at is None
    page = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    assert "Zəng etdi: məlumatı artıq tapıb." in page
    assert "The requester withdrew the request" not in page  # closed: nothing more to record
