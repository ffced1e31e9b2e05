"""One injected moment governs a whole use case: what is recorded is ``now``, not the clock."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from foi.extensions import db
from foi.models import AuditEntry, Event
from foi.models.agency import PUBLISH_ON_ANSWER
from foi.models.calendar import DAY_OFF
from foi.services import answering, claims
from foi.services.calendar import calendar_exception_add
from foi.services.compliance import compliance
from tests.factories import file_request, make_agency, make_user

BAKU = ZoneInfo("Asia/Baku")
FILED = datetime(2026, 2, 2, 10, tzinfo=BAKU)  # a Monday: 7 working days end on 11 February
ON_TIME = datetime(2026, 2, 9, 15, tzinfo=BAKU)
LATE = datetime(2026, 2, 13, 11, tzinfo=BAKU)


@pytest.fixture
def desk(app):
    agency = make_agency(name_az="Maliyyə Nazirliyi")
    citizen = make_user("citizen", email="citizen@example.org")
    officer = make_user("officer", agency)
    return agency, citizen, officer


def events(req, kind):
    db.session.expire_all()  # read what was stored, not the objects in memory
    return db.session.query(Event).filter_by(request_id=req.id, kind=kind).all()


@pytest.mark.parametrize("answered", [ON_TIME, LATE], ids=["on_time", "late"])
def test_an_answer_is_recorded_and_judged_at_the_injected_moment(desk, answered):
    agency, citizen, officer = desk
    req = file_request(citizen, agency, now=FILED)
    assert req.due_at == datetime(2026, 2, 11, 23, 59, 59, tzinfo=BAKU)
    response = answering.request_answer(
        actor=officer, req=req, outcome="given", text="Cavab əlavə olunub.", now=answered
    )
    assert response.answered_at == answered
    assert req.answered_at == answered
    assert [e.at for e in events(req, "answered")] == [answered]
    # The statistics judge the answer by the moment it was given, not by when the test ran.
    figures = compliance(agency, now=datetime(2026, 3, 1, tzinfo=BAKU))
    assert figures.answered_on_time == (1 if answered == ON_TIME else 0)
    assert figures.answered_late == (1 if answered == LATE else 0)


def test_publishing_on_answer_happens_at_the_same_moment(desk):
    agency, citizen, officer = desk
    agency.publish_mode = PUBLISH_ON_ANSWER
    db.session.commit()
    req = file_request(citizen, agency, now=FILED)
    answering.request_answer(
        actor=officer, req=req, outcome="given", text="Cavab əlavə olunub.", now=ON_TIME
    )
    assert req.published_at == ON_TIME
    assert [e.at for e in events(req, "published")] == [ON_TIME]


def test_the_officers_moves_carry_the_injected_moment(desk):
    agency, citizen, officer = desk
    req = file_request(citizen, agency, now=FILED)
    claimed, noted = datetime(2026, 2, 3, 9, tzinfo=BAKU), datetime(2026, 2, 3, 9, 5, tzinfo=BAKU)
    claims.request_claim(actor=officer, req=req, now=claimed)
    answering.request_note(actor=officer, req=req, text="Maliyyə şöbəsinə baxın.", now=noted)
    assert [e.at for e in events(req, "claimed")] == [claimed]
    assert [e.at for e in events(req, "note")] == [noted]


def test_a_calendar_change_is_recorded_at_the_injected_moment(desk):
    agency, citizen, _ = desk
    req = file_request(citizen, agency, now=FILED)
    declared = datetime(2026, 2, 3, 18, tzinfo=BAKU)
    admin = make_user("admin")
    calendar_exception_add(
        actor=admin, law_code="az", day=date(2026, 2, 4), kind=DAY_OFF, now=declared
    )
    # The moved deadline's event and the administrators' audit trail carry the same moment.
    assert [e.at for e in events(req, "deadline_moved")] == [declared]
    assert [a.at for a in db.session.query(AuditEntry).filter_by(object_type="calendar")] == [
        declared
    ]
