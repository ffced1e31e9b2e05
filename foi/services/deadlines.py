"""Bridge between stored requests and the pure deadline engine in foi.law."""

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache

from sqlalchemy import select

from foi.extensions import db
from foi.law import (
    CLOCK_KINDS,
    ClockEvent,
    Deadlines,
    EventKind,
    WorkingCalendar,
    calendar_for,
    deadlines,
    get_pack,
)
from foi.models import CalendarException, Event, InfoRequest
from foi.models.calendar import DAY_OFF, WORKING_DAY


@lru_cache(maxsize=8)
def law_pack(code: str):
    """Return the rule pack of law ``code`` (cached: packs never change while running)."""
    return get_pack(code)


def law_calendar(law_code: str) -> WorkingCalendar:
    """Return the law's working-day calendar with the administrators' exceptions applied.

    A day off keeps the administrator's reason, so explanations say why the day was skipped.
    """
    rows = db.session.execute(
        select(CalendarException.day, CalendarException.kind, CalendarException.reason).where(
            CalendarException.law_code == law_code
        )
    ).all()
    return calendar_for(
        law_pack(law_code),
        extra_days_off={d: reason for d, kind, reason in rows if kind == DAY_OFF},
        extra_working_days=frozenset(d for d, kind, _ in rows if kind == WORKING_DAY),
    )


def clock_events(events: list[Event]) -> list[ClockEvent]:
    """Turn a request's events into the events the law's clock counts (pauses, extensions...)."""
    result = []
    for event in events:
        if event.kind in CLOCK_KINDS:
            data = event.data
            until = data.get("until")
            result.append(
                ClockEvent(
                    kind=event.kind,
                    at=event.at,
                    days=data.get("days"),
                    until=datetime.fromisoformat(until).date() if until else None,
                    reason=event.text or "",
                )
            )
    return result


def request_law(req: InfoRequest) -> str:
    """Return the code of the law whose clock the request runs on (its agency's)."""
    return req.agency.law_code if req.agency else "az"


def request_deadlines(
    req: InfoRequest,
    now: datetime | None = None,
    extra_events: Sequence[ClockEvent] = (),
    *,
    calendar: WorkingCalendar | None = None,
    strict: bool = False,
) -> Deadlines:
    """Compute the request's deadlines from its history through the law's rules.

    Pass ``calendar`` to reuse one across many requests of the same law. A stored history is
    recomputed leniently: an extension that a later calendar change made unlawful (e.g. now
    after the moved due date) is ignored and the explanation says so, so pages never fail.
    ``strict=True`` raises ExtensionNotAllowed instead.
    """
    law_code = request_law(req)
    return deadlines(
        law_pack(law_code),
        calendar or law_calendar(law_code),
        req.received_at,
        clock_events(req.events) + list(extra_events),
        urgency=req.urgency,
        now=now,
        strict=strict,
    )


def refresh_due(
    req: InfoRequest, *, calendar: WorkingCalendar | None = None, strict: bool = True
) -> Deadlines:
    """Store the recomputed due date; bump the version when it moved so reminders follow it.

    With ``strict``, an extension just recorded (the last clock event) that the law does not
    allow raises ExtensionNotAllowed, so the service can refuse it; older events never do.
    """
    events = clock_events(req.events)
    strict = strict and bool(events) and events[-1].kind == EventKind.EXTENDED
    result = request_deadlines(req, calendar=calendar, strict=strict)
    due = result.due_at if not result.paused else None
    if req.due_at != due:
        if req.due_at is not None:
            req.deadline_version = (req.deadline_version or 1) + 1
        req.due_at = due
        # The reminder sweep looks again at its next run and schedules the new date's notices.
        req.next_reminder_at = req.received_at if due is not None else None
    return result


def deadline_estimate(
    law_code: str,
    received: datetime,
    *,
    urgency: str | None = None,
    extend_days: int | None = None,
) -> Deadlines:
    """Say when a request received at ``received`` would be due, as the public calculator does.

    Raises LawError when the law refuses: UnknownLaw, UrgencyNotAvailable (no such urgent
    period), ExtensionNotAllowed (an extension the law does not allow, e.g. beyond its ceiling).
    """
    pack = law_pack(law_code)
    events = [ClockEvent(EventKind.EXTENDED, received, days=extend_days)] if extend_days else []
    return deadlines(pack, law_calendar(pack.code), received, events, urgency=urgency)
