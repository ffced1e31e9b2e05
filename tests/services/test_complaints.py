"""Complaints to the Ombudsman: who may lodge one, when, and the second clock it starts."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from foi.models import Complaint
from foi.services.answering import request_answer
from foi.services.complaint_decisions import complaint_decide, complaint_extend
from foi.services.complaints import complaint_lodge, complaint_option, complaints_for_oversight
from foi.services.errors import DomainError, NotAllowed, NotFound
from tests.factories import file_request, make_agency, make_user

BAKU = ZoneInfo("Asia/Baku")
# Filed Mon 2 Feb 2026, due Wed 11 Feb (AZ art. 24.1, 24.5): overdue by Mon 16 Feb.
FILED = datetime(2026, 2, 2, 10, tzinfo=BAKU)
LATE = datetime(2026, 2, 16, 10, tzinfo=BAKU)


@pytest.fixture
def world(app):
    agency = make_agency()
    citizen = make_user("citizen")
    ombudsman = make_user("ombudsman")
    officer = make_user("officer", agency)
    req = file_request(citizen, agency, now=FILED)
    return dict(agency=agency, citizen=citizen, ombudsman=ombudsman, officer=officer, req=req)


def lodge(world, now=LATE, text="No answer after the 7 working days of art. 24.1."):
    return complaint_lodge(requester=world["citizen"], req=world["req"], text=text, now=now)


def test_overdue_request_complaint_gets_10_working_days_of_the_ombudsman(world):
    complaint = lodge(world)
    # 10 working days from Tue 17 Feb 2026 (Ombudsman law art. 13-1.1): Mon 2 Mar.
    assert complaint.due_at == datetime(2026, 3, 2, 23, 59, 59, tzinfo=BAKU)
    assert complaint.status == "lodged" and complaint.ground == "overdue"
    [event] = [e for e in world["req"].events if e.kind == "complaint_lodged"]
    assert event.visibility == "requester"  # never public: it may name people
    assert "13-1.1" in event.data["article"]


def test_no_complaint_while_the_agency_is_still_in_time(world):
    with pytest.raises(NotAllowed):
        lodge(world, now=datetime(2026, 2, 11, 12, tzinfo=BAKU))
    assert Complaint.query.count() == 0


@pytest.mark.parametrize(
    "outcome, allowed",
    [("refused", True), ("partial", True), ("given", False), ("not_held", False)],
)
def test_refused_and_partly_refused_answers_can_be_complained_about(world, outcome, allowed):
    request_answer(
        actor=world["officer"],
        req=world["req"],
        outcome=outcome,
        text="Decision.",
        grounds=["private_data"] if outcome != "given" else [],
    )
    now = datetime(2026, 2, 20, 10, tzinfo=BAKU)
    assert complaint_option(world["req"], now).allowed is allowed
    if allowed:
        assert lodge(world, now=now).ground == outcome
    else:
        with pytest.raises(NotAllowed):
            lodge(world, now=now)


def test_the_complaint_window_closes_a_year_after_the_missed_due_date(world):
    option = complaint_option(world["req"], datetime(2027, 2, 11, 12, tzinfo=BAKU))
    assert option.allowed
    assert option.window.due_at == datetime(2027, 2, 11, 23, 59, 59, tzinfo=BAKU)
    with pytest.raises(NotAllowed):
        lodge(world, now=datetime(2027, 2, 12, 9, tzinfo=BAKU))


def test_only_the_requester_may_complain_and_only_once_at_a_time(world):
    with pytest.raises(NotFound):
        complaint_lodge(requester=make_user("citizen"), req=world["req"], text="x", now=LATE)
    with pytest.raises(DomainError) as caught:
        lodge(world, text="   ")
    assert caught.value.field == "text"
    lodge(world)
    with pytest.raises(NotAllowed):
        lodge(world)


def test_the_ombudsman_extends_once_by_10_working_days(world):
    complaint = lodge(world)
    complaint_extend(
        actor=world["ombudsman"],
        complaint=complaint,
        reason="We asked the ministry for its file.",
        now=datetime(2026, 2, 20, 10, tzinfo=BAKU),
    )
    # 20 working days from 17 Feb, skipping Women's Day observed on Mon 9 Mar: Tue 17 Mar.
    assert complaint.due_at == datetime(2026, 3, 17, 23, 59, 59, tzinfo=BAKU)
    assert complaint.status == "extended"
    with pytest.raises(NotAllowed):
        complaint_extend(
            actor=world["ombudsman"],
            complaint=complaint,
            reason="Again",
            now=datetime(2026, 2, 21, 10, tzinfo=BAKU),
        )


def test_no_extension_once_the_time_to_decide_has_run_out(world):
    complaint = lodge(world)
    with pytest.raises(NotAllowed):
        complaint_extend(
            actor=world["ombudsman"],
            complaint=complaint,
            reason="Late",
            now=datetime(2026, 3, 3, 9, tzinfo=BAKU),
        )


@pytest.mark.parametrize("role", ["citizen", "officer", "coordinator", "admin"])
def test_only_the_ombudsman_extends_or_decides(world, role):
    complaint = lodge(world)
    person = make_user(role, world["agency"] if role in ("officer", "coordinator") else None)
    with pytest.raises(NotFound):
        complaint_extend(actor=person, complaint=complaint, reason="x", now=LATE)
    with pytest.raises(NotFound):
        complaint_decide(actor=person, complaint=complaint, outcome="upheld", decision="x")
    assert complaint.status == "lodged"


def test_deciding_stops_the_clock_and_tells_the_requester(world):
    complaint = lodge(world)
    with pytest.raises(DomainError) as caught:
        complaint_decide(
            actor=world["ombudsman"], complaint=complaint, outcome="maybe", decision="x"
        )
    assert caught.value.field == "outcome"
    complaint_decide(
        actor=world["ombudsman"],
        complaint=complaint,
        outcome="upheld",
        decision="The ministry must answer within 5 days.",
        now=datetime(2026, 2, 25, 10, tzinfo=BAKU),
    )
    assert complaint.status == "decided" and complaint.outcome == "upheld"
    [event] = [e for e in world["req"].events if e.kind == "complaint_decided"]
    assert event.data["late"] is False
    with pytest.raises(NotAllowed):
        complaint_decide(
            actor=world["ombudsman"],
            complaint=complaint,
            outcome="rejected",
            decision="Changed my mind",
        )
    # Upheld: the agency has the law's 7 working days again from the decision (to Fri 6 Mar);
    # once they pass unanswered, the requester may complain again.
    assert not complaint_option(world["req"], datetime(2026, 2, 26, tzinfo=BAKU)).allowed
    assert complaint_option(world["req"], datetime(2026, 3, 9, 10, tzinfo=BAKU)).allowed


def test_the_oversight_list_puts_the_nearest_deadline_first(world):
    first = lodge(world)
    other_req = file_request(world["citizen"], world["agency"], now=FILED)
    second = complaint_lodge(
        requester=world["citizen"],
        req=other_req,
        text="Late too.",
        now=datetime(2026, 2, 13, 10, tzinfo=BAKU),
    )
    assert complaints_for_oversight(world["ombudsman"]) == [second, first]
    with pytest.raises(NotFound):
        complaints_for_oversight(world["officer"])
