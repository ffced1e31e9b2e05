"""Alerts for the complaint stage: the oversight body's own deadline to decide.

The complaint model belongs to another part of foi and may not exist yet. When it does, this
sweep expects a ``Complaint`` in ``foi.models`` with ``id``, ``request_id``, ``due_at`` (the
decision deadline, e.g. AZ Constitutional Law on the Ombudsman, art. 13-1.1) and either
``decided_at`` (NULL while open) or ``status`` ("open" while open). Without it the sweep does
nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

import foi.models
from foi.extensions import db
from foi.law.calendar import WorkingCalendar
from foi.mail.bulk import Mail, enqueue_many
from foi.models import Agency, InfoRequest, User
from foi.models.user import OMBUDSMAN
from foi.services.db import transaction
from foi.services.deadlines import law_calendar, law_pack, request_law
from foi.services.history import notify_requester
from foi.services.reminders import DEFAULT_REMINDER_DAYS, reminder_plan


def complaint_model():
    """Return the Complaint model if this installation has one and it fits, else None."""
    model = getattr(foi.models, "Complaint", None)
    if model is None or not all(hasattr(model, a) for a in ("id", "request_id", "due_at")):
        return None
    if not (hasattr(model, "decided_at") or hasattr(model, "status")):
        return None
    return model


def complaint_reminders_sweep(
    *, now: datetime, reminder_days: tuple[int, ...] = DEFAULT_REMINDER_DAYS
) -> int:
    """Remind the oversight body's staff of complaints nearing or past their decision date.

    Keys hold the complaint, the notice and the due moment, so an extended complaint deadline
    gets its own alerts. Return how many messages were enqueued.
    """
    model = complaint_model()
    if model is None:
        return 0
    still_open = (
        model.decided_at.is_(None) if hasattr(model, "decided_at") else model.status == "open"
    )
    rows = db.session.execute(
        select(model.id, model.due_at, InfoRequest.reference, Agency.law_code)
        .join(InfoRequest, InfoRequest.id == model.request_id)
        .join(Agency, Agency.id == InfoRequest.agency_id)
        .where(still_open, model.due_at.is_not(None))
    ).all()
    staff = db.session.execute(
        select(User.id, User.email, User.display_name, User.locale).where(
            User.role == OMBUDSMAN, User.active.is_(True)
        )
    ).all()
    calendars: dict[str, WorkingCalendar] = {}
    mails: list[Mail] = []
    late: list[tuple[int, str]] = []  # complaints past their decision date, for the requester
    for complaint_id, due_at, reference, law in rows:
        cal = calendars.setdefault(law, law_calendar(law))
        kind, left, _next = reminder_plan(cal, due_at, now, tuple(sorted(set(reminder_days))))
        if kind is None:
            continue
        stamp = due_at.strftime("%Y%m%dT%H%M")
        if kind == "overdue":
            late.append((complaint_id, stamp))
        for person in staff:
            mails.append(
                Mail(
                    f"complaint:{complaint_id}:{kind}:{stamp}:u{person.id}",
                    person.email,
                    "staff_complaint_due",
                    person.locale,
                    {
                        "user": person,
                        "reference": reference,
                        "due_at": due_at,
                        "days_left": left,
                        "overdue": kind == "overdue",
                    },
                )
            )
    with transaction():
        added = enqueue_many(mails, now)
        for complaint_id, stamp in late:
            _tell_requester_overdue(model, complaint_id, stamp)
    return len(added)


def _tell_requester_overdue(model, complaint_id: int, stamp: str) -> None:
    """Tell the requester, once per decision date, that the oversight body is late."""
    complaint = db.session.get(model, complaint_id)
    if complaint is None:  # removed since the sweep read it: nobody left to tell
        return
    req = complaint.request
    notify_requester(
        req,
        "complaint_overdue",
        f":{complaint_id}:{stamp}",
        complaint=complaint,
        oversight=law_pack(request_law(req)).oversight,
    )
