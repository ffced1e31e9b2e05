"""Reminders to officers, overdue notices to coordinators and requesters, with a fake clock."""

from datetime import timedelta

from sqlalchemy import select

from foi.extensions import db
from foi.jobs.sweeps import sweep_mail, sweep_reminders
from foi.models import Event, InfoRequest, OutboxMessage
from foi.services.answering import request_answer, request_extend
from tests.jobs.conftest import at_mark


def keys() -> list[str]:
    return sorted(
        db.session.scalars(
            select(OutboxMessage.key).where(
                OutboxMessage.key.like("req:%:due%") | OutboxMessage.key.like("req:%:overdue%")
            )
        )
    )


def test_officer_is_reminded_three_and_one_working_days_before_and_on_the_due_day(
    app, office, assigned_request, mail_server
):
    req = assigned_request()
    sweep_reminders(app, at_mark(req, 3) - timedelta(days=1, hours=10))
    assert keys() == []

    for mark in (3, 1, 0):
        result = sweep_reminders(app, at_mark(req, mark))
        assert result.messages == 1
        assert sweep_reminders(app, at_mark(req, mark) + timedelta(minutes=1)).messages == 0
    v = req.deadline_version
    assert keys() == [f"req:{req.id}:due{m}:v{v}:u{office.officer.id}" for m in (0, 1, 3)]

    sweep_mail(app, at_mark(req, 0))
    subjects = [m["Subject"] for m in mail_server.to(office.officer.email)]
    assert subjects.count(f"Request {req.reference} is due soon") == 3
    body = mail_server.to(office.officer.email)[-1].get_content()
    assert "is due today" in body
    assert f"/officer/requests/{req.reference}" in body


def test_overdue_notice_goes_to_coordinator_officer_and_requester_once(
    app, office, assigned_request, mail_server
):
    req = assigned_request()
    after = req.due_at + timedelta(minutes=5)
    result = sweep_reminders(app, after)
    assert result.messages == 3
    assert sweep_reminders(app, after + timedelta(days=3)).messages == 0
    sweep_mail(app, after)
    overdue = f"Request {req.reference} is overdue"
    for person in (office.coordinator, office.officer, office.citizen):
        assert [m["Subject"] for m in mail_server.to(person.email)].count(overdue) == 1
    to_requester = mail_server.to(office.citizen.email)[-1]
    body = to_requester.get_content()
    assert "Commissioner for Human Rights (Ombudsman)" in body
    assert "Your complaint must arrive by" in body
    assert "Constitutional Law on the Ombudsman" in body
    assert req.reference in body
    # The complaint is offered where it is made: the request's own page, at its form.
    assert f"/my/requests/{req.reference}#complaint" in body
    events = db.session.scalars(
        select(Event).where(Event.request_id == req.id, Event.kind == "reminder_sent")
    ).all()
    assert [e.data["kind"] for e in events] == ["overdue"]
    db.session.expire_all()  # the sweep wrote through its own session
    assert db.session.get(InfoRequest, req.id).next_reminder_at is None


def test_after_days_with_the_server_off_only_the_nearest_notice_is_sent(
    app, office, assigned_request
):
    req = assigned_request()
    sweep_reminders(app, at_mark(req, 0))
    assert keys() == [f"req:{req.id}:due0:v{req.deadline_version}:u{office.officer.id}"]

    other = assigned_request(subject="Another one")
    sweep_reminders(app, other.due_at + timedelta(days=4))
    assert [k for k in keys() if k.startswith(f"req:{other.id}:")] == sorted(
        [
            f"req:{other.id}:overdue:v{other.deadline_version}:requester",
            f"req:{other.id}:overdue:v{other.deadline_version}:u{office.coordinator.id}",
            f"req:{other.id}:overdue:v{other.deadline_version}:u{office.officer.id}",
        ]
    )


def test_unassigned_request_reminds_the_coordinators(app, office):
    from tests.factories import file_request

    req = file_request(office.citizen, office.agency)
    sweep_reminders(app, at_mark(req, 1))
    assert keys() == [f"req:{req.id}:due1:v{req.deadline_version}:u{office.coordinator.id}"]


def test_extension_brings_reminders_for_the_new_date_and_none_for_the_old(
    app, office, assigned_request
):
    req = assigned_request()
    old_due, old_version = req.due_at, req.deadline_version
    old_marks = {m: at_mark(req, m) for m in (3, 1, 0)}
    sweep_reminders(app, old_marks[3])
    request_extend(actor=office.officer, req=req, days=5, reason="Archive in another city")
    assert req.due_at > old_due and req.deadline_version == old_version + 1

    for moment in (old_marks[1], old_marks[0], old_due + timedelta(hours=1)):
        sweep_reminders(app, moment)
    assert keys() == [f"req:{req.id}:due3:v{old_version}:u{office.officer.id}"]

    for mark in (3, 1, 0):
        sweep_reminders(app, at_mark(req, mark))
    new = [k for k in keys() if f":v{req.deadline_version}:" in k]
    assert new == [
        f"req:{req.id}:due{m}:v{req.deadline_version}:u{office.officer.id}" for m in (0, 1, 3)
    ]


def test_answered_request_gets_no_more_reminders(app, office, assigned_request):
    req = assigned_request()
    request_answer(actor=office.officer, req=req, outcome="given", text="Here it is.")
    sweep_reminders(app, req.due_at + timedelta(days=1))
    assert keys() == []
    db.session.expire_all()  # the sweep wrote through its own session
    assert db.session.get(InfoRequest, req.id).next_reminder_at is None


def test_daily_digest_lists_each_officers_open_requests_once_a_day(
    app, office, assigned_request, mail_server
):
    from datetime import UTC, datetime

    from foi.jobs.sweeps import sweep_digests

    later = assigned_request(subject="Later one")
    sooner = assigned_request(subject="Sooner one")
    sooner.due_at = later.due_at - timedelta(days=2)
    db.session.commit()
    morning = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)  # 09:00 in Baku
    assert sweep_digests(app, morning - timedelta(hours=2)) == 0  # before 08:00 local
    assert sweep_digests(app, morning) == 1  # the officer; the coordinator has nothing unassigned
    assert sweep_digests(app, morning + timedelta(hours=6)) == 0
    sweep_mail(app, morning)
    (digest,) = [
        m
        for m in mail_server.to(office.officer.email)
        if m["X-FOI-Key"].startswith("digest:2026-03-02:")
    ]
    body = digest.get_content()
    assert body.index("Sooner one") < body.index("Later one")
    assert sweep_digests(app, morning + timedelta(days=1)) == 1


def test_ombudsman_staff_are_alerted_before_a_complaints_decision_date(
    app, office, assigned_request
):
    from foi.jobs.sweeps import sweep_complaints
    from foi.models import Complaint
    from tests.factories import make_user

    ombudsman = make_user("ombudsman")
    req = assigned_request()
    complaint = Complaint(
        request_id=req.id,
        lodged_by_id=office.citizen.id,
        ground="overdue",
        text="No answer.",
        status="lodged",
        due_at=req.due_at,
        decision="",
    )
    db.session.add(complaint)
    db.session.commit()
    assert sweep_complaints(app, at_mark(req, 1)) == 1
    assert sweep_complaints(app, at_mark(req, 1) + timedelta(hours=1)) == 0
    assert sweep_complaints(app, req.due_at + timedelta(hours=1)) == 1
    assert sorted(
        k.split(":")[2]
        for k in db.session.scalars(
            select(OutboxMessage.key).where(OutboxMessage.key.like(f"complaint:{complaint.id}:%"))
        )
    ) == ["due1", "overdue"]
    assert all(
        k.endswith(f":u{ombudsman.id}")
        for k in db.session.scalars(
            select(OutboxMessage.key).where(OutboxMessage.key.like("complaint:%"))
        )
    )
