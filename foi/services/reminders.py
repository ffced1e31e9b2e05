"""Deadline reminders and overdue notices, keyed so that each is enqueued once."""
from datetime import datetime, timedelta

from flask import url_for
from sqlalchemy import select

from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import InfoRequest
from foi.models.request import AWAITING
from foi.models.user import COORDINATOR
from foi.services.deadlines import law_calendar
from foi.services.history import agency_staff, record


def _working_days_until(calendar, start: datetime, end: datetime) -> int:
    """Count working days after ``start``'s date up to and including ``end``'s date."""
    day, count = start.date(), 0
    while day < end.date():
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            count += 1
    return count


def reminders_enqueue(now: datetime, reminder_days=(3, 1, 0), batch: int = 1000) -> int:
    """Enqueue due-soon reminders and overdue notices for open requests; return how many.

    Each message's key holds the request, the kind and the deadline version: running the
    sweep again, or after a crash, adds nothing; a moved deadline gets its own reminders.
    """
    horizon = now + timedelta(days=max(reminder_days) + 10)  # weekends and holidays in between
    sent = 0
    calendars = {}
    stmt = (select(InfoRequest).where(InfoRequest.status == AWAITING,
                                      InfoRequest.due_at.is_not(None),
                                      InfoRequest.due_at <= horizon)
            .order_by(InfoRequest.due_at).execution_options(yield_per=batch))
    for req in db.session.scalars(stmt):
        law = req.agency.law_code
        calendar = calendars.setdefault(law, law_calendar(law))
        link = url_for("officer.request_detail", reference=req.reference, _external=True)
        if req.due_at < now:
            key = f"req:{req.id}:overdue:v{req.deadline_version}"
            people = agency_staff(req.agency_id, (COORDINATOR,))
            if req.assignee:
                people.append(req.assignee)
            added = False
            for person in people:
                added |= enqueue(f"{key}:u{person.id}", person.email, "staff_overdue",
                                 person.locale, req=req, user=person, link=link)
            added |= enqueue(f"{key}:requester", req.requester.email, "requester_overdue",
                             req.requester.locale, req=req, user=req.requester,
                             link=url_for("citizen.request_detail", reference=req.reference,
                                          _external=True))
            if added:
                record(req, "reminder_sent", visibility="internal", at=now, kind="overdue")
                sent += 1
            continue
        left = _working_days_until(calendar, now, req.due_at)
        # Only the nearest threshold: after a day with the server off, one notice, not three.
        due_marks = [d for d in sorted(reminder_days) if left <= d]
        if not due_marks:
            continue
        mark = due_marks[0]
        people = [req.assignee] if req.assignee else agency_staff(req.agency_id, (COORDINATOR,))
        added = False
        for person in people:
            added |= enqueue(f"req:{req.id}:due{mark}:v{req.deadline_version}:u{person.id}",
                             person.email, "staff_due_soon", person.locale, req=req,
                             user=person, link=link, days_left=left)
        if added:
            record(req, "reminder_sent", visibility="internal", at=now, kind=f"due{mark}")
            sent += 1
    db.session.commit()
    return sent
