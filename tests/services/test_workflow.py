"""What officers and citizens do to a request, and what the requester is told."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from foi.extensions import db
from foi.mail.delivery import deliver_pending
from foi.models import Event, InfoRequest
from foi.models.base import utcnow
from foi.services import answering, filing
from foi.services.errors import DomainError, NotAllowed, NotFound
from tests.factories import file_request, make_agency, make_user

BAKU = ZoneInfo("Asia/Baku")


@pytest.fixture
def setup(app):
    agency = make_agency(name_az="Maliyyə Nazirliyi")
    other = make_agency(name_az="İqtisadiyyat Nazirliyi")
    citizen = make_user("citizen", email="citizen@example.org")
    officer = make_user("officer", agency)
    return agency, other, citizen, officer


def kinds(req):
    return [e.kind for e in db.session.query(Event).filter_by(request_id=req.id).order_by(Event.id)]


def test_filing_gives_a_reference_a_due_date_and_two_public_events(setup):
    agency, _, citizen, _ = setup
    # 1 January in Baku while it is still 31 December in UTC: the year of the law's timezone.
    new_year = datetime(2027, 1, 1, 2, tzinfo=BAKU)
    req = file_request(citizen, agency, now=new_year)
    assert req.reference.startswith("AZ-2027-")
    assert kinds(req) == ["filed", "routed"]
    assert req.due_at - req.received_at >= timedelta(days=7)  # 7 working days, art. 24.1


def test_references_count_up_within_the_year(setup):
    agency, _, citizen, _ = setup
    first, second = file_request(citizen, agency), file_request(citizen, agency)
    assert int(second.reference[-6:]) == int(first.reference[-6:]) + 1


def test_life_or_liberty_request_is_due_within_48_hours(setup):
    agency, _, citizen, _ = setup
    friday = datetime(2026, 2, 6, 16, tzinfo=BAKU)
    req = file_request(citizen, agency, urgency="life", now=friday)
    # 48 hours not counting the rest days (art. 24.3): Saturday and Sunday are skipped.
    assert req.due_at == datetime(2026, 2, 10, 16, tzinfo=BAKU)
    # The standard 7 working days from the next working day (art. 24.1, 24.5): Monday 9 to
    # Tuesday 17 February, to the end of that day.
    standard = file_request(citizen, agency, now=friday)
    assert standard.due_at == datetime(2026, 2, 17, 23, 59, 59, tzinfo=BAKU)


@pytest.mark.parametrize(
    "field,values",
    [
        ("subject", {"subject": "  "}),
        ("body", {"body": ""}),
        ("subject", {"subject": "x" * 301}),
        ("urgency", {"urgency": "tomorrow"}),
    ],
)
def test_bad_filing_names_the_field_and_writes_nothing(setup, field, values):
    agency, _, citizen, _ = setup
    with pytest.raises(DomainError) as error:
        file_request(citizen, agency, **values)
    assert error.value.field == field
    assert db.session.query(InfoRequest).count() == 0


def test_clarification_pauses_and_the_answer_restarts_the_clock(setup, mail_server):
    agency, _, citizen, officer = setup
    req = file_request(citizen, agency)
    answering.request_ask_clarification(actor=officer, req=req, question="Hansı il üzrə?")
    assert req.status == "clarification" and req.due_at is None
    with pytest.raises(NotAllowed):
        answering.request_answer(actor=officer, req=req, outcome="given", text="Cavab")

    filing_due = req.received_at
    answering.request_clarify(requester=citizen, req=req, text="2025-ci il üzrə.")
    assert req.status == "awaiting" and req.due_at > filing_due
    deliver_pending(utcnow())
    assert any("Hansı il üzrə?" in m.get_content() for m in mail_server.to("citizen@example.org"))


def test_transfer_moves_the_request_and_tells_the_requester(setup, mail_server):
    agency, other, citizen, officer = setup
    other_officer = make_user("officer", other)
    req = file_request(citizen, agency)
    with pytest.raises(DomainError) as error:
        answering.request_transfer(actor=officer, req=req, agency_id=other.id, reason="")
    assert error.value.field == "reason"
    answering.request_transfer(
        actor=officer,
        req=req,
        agency_id=other.id,
        reason="Büdcə icrası İqtisadiyyat Nazirliyinə aiddir.",
    )
    assert req.agency_id == other.id and req.assignee_id is None
    # The old agency loses it, the new one has it.
    with pytest.raises(NotFound):
        answering.request_note(actor=officer, req=req, text="still mine?")
    answering.request_note(actor=other_officer, req=req, text="Qəbul etdik.")
    deliver_pending(utcnow())
    assert any("transferred" in m["Subject"] for m in mail_server.to("citizen@example.org"))


def test_extension_moves_the_due_date_later_within_the_law(setup):
    agency, _, citizen, officer = setup
    req = file_request(citizen, agency)
    before = req.due_at
    answering.request_extend(actor=officer, req=req, days=5, reason="Arxiv sorğusu lazımdır.")
    assert req.due_at > before
    assert "extended" in kinds(req)
    with pytest.raises(DomainError) as error:
        answering.request_extend(actor=officer, req=req, days=30, reason="Çox iş var.")
    assert error.value.field == "days"


def test_refusal_needs_legal_grounds(setup):
    agency, _, citizen, officer = setup
    req = file_request(citizen, agency)
    with pytest.raises(DomainError) as error:
        answering.request_answer(actor=officer, req=req, outcome="refused", text="Olmaz.")
    assert error.value.field == "grounds"
    assert req.status == "awaiting"


def test_citizen_withdraws_only_an_open_request_of_their_own(setup):
    agency, _, citizen, officer = setup
    req = file_request(citizen, agency)
    with pytest.raises(DomainError):
        filing.request_withdraw(requester=make_user("citizen"), req=req)
    filing.request_withdraw(requester=citizen, req=req, reason="Cavabı tapdım.")
    assert req.status == "withdrawn" and req.due_at is None
    with pytest.raises(DomainError):
        filing.request_withdraw(requester=citizen, req=req)


def test_html_in_answers_is_stripped(setup):
    agency, _, citizen, officer = setup
    req = file_request(citizen, agency)
    answering.request_answer(
        actor=officer,
        req=req,
        outcome="given",
        text="<script>alert(1)</script><b>Məlumat</b> əlavə olunur.",
    )
    assert "<script>" not in req.response.body and "Məlumat əlavə olunur." in req.response.body


def test_agencies_on_publish_on_answer_publish_at_once(app):
    agency = make_agency(publish_mode="on_answer")
    citizen, officer = make_user("citizen"), make_user("officer", agency)
    req = file_request(citizen, agency)
    answering.request_answer(actor=officer, req=req, outcome="given", text="Hamısı burada.")
    assert req.status == "published" and req.published_at is not None
