"""Administrators' calendar exceptions, and the open deadlines each change moves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from foi.extensions import db
from foi.law import pack_codes
from foi.models import Agency, CalendarException, InfoRequest, User
from foi.models.base import utcnow
from foi.models.calendar import DAY_OFF, WORKING_DAY
from foi.models.request import PUBLIC
from foi.models.user import ADMIN
from foi.requests.states import OPEN, EventKind
from foi.services.audit import audit_record
from foi.services.db import transaction
from foi.services.deadlines import law_calendar, law_pack, refresh_due
from foi.services.errors import DomainError, NotFound
from foi.services.history import record
from foi.services.public_content import public_content_changed

KINDS = (DAY_OFF, WORKING_DAY)
REASON_MAX = 300


@dataclass(frozen=True)
class DeadlineMove:
    """One open request whose due date a calendar change moved."""

    reference: str
    old_due_at: datetime
    new_due_at: datetime | None


def _ensure_admin(actor: User | None) -> None:
    """Let administrators in; ``None`` is the console (``flask foi calendar``)."""
    if actor is not None and not (actor.is_authenticated and actor.role == ADMIN):
        raise NotFound()


def _check_law(law_code: str) -> None:
    if law_code not in pack_codes():
        raise DomainError(_l("Choose a law from the list."), field="law")


def calendar_exceptions(law_code: str, year: int | None = None) -> list[CalendarException]:
    """Return the administrators' exceptions of a law, by date, optionally for one year."""
    stmt = select(CalendarException).where(CalendarException.law_code == law_code)
    if year is not None:
        stmt = stmt.where(
            CalendarException.day >= date(year, 1, 1), CalendarException.day <= date(year, 12, 31)
        )
    return list(db.session.scalars(stmt.order_by(CalendarException.day)))


def _exception_on(law_code: str, day: date) -> CalendarException | None:
    return db.session.scalar(
        select(CalendarException).where(
            CalendarException.law_code == law_code, CalendarException.day == day
        )
    )


def calendar_exception_add(
    *,
    actor: User | None,
    law_code: str,
    day: date,
    kind: str,
    reason: str = "",
    now: datetime | None = None,
) -> list[DeadlineMove]:
    """Declare a day off or a working day, and move every open deadline it affects.

    Each moved request gets a public ``deadline_moved`` event saying why, and its deadline
    version is bumped so reminders follow the new date. Nobody is e-mailed: the request page
    and the reminders carry the change.
    """
    now = now or utcnow()
    _ensure_admin(actor)
    _check_law(law_code)
    if kind not in KINDS:
        raise DomainError(_l("Choose a day off or a working day."), field="kind")
    if not isinstance(day, date):
        raise DomainError(_l("Enter a date such as 2026-12-25."), field="day")
    reason = " ".join((reason or "").split())
    if len(reason) > REASON_MAX:
        raise DomainError(_l("Keep the reason under 300 characters."), field="reason")
    if _exception_on(law_code, day) is not None:
        raise DomainError(_l("This day already has an exception; remove it first."), field="day")
    # The law's own calendar, before this change: refuse changes that change nothing.
    current = law_calendar(law_code)
    if kind == DAY_OFF and not current.is_working_day(day):
        raise DomainError(_l("This day is already a day off."), field="day")
    if kind == WORKING_DAY and current.is_working_day(day):
        raise DomainError(_l("This day is already a working day."), field="day")
    with transaction() as session:
        session.add(CalendarException(law_code=law_code, day=day, kind=kind, reason=reason))
        session.flush()
        change = "day_off_added" if kind == DAY_OFF else "working_day_added"
        audit_record(actor, change, "calendar", label=f"{law_code} {day}", reason=reason, at=now)
        return _recompute(actor, law_code, day, change, reason, now=now)


def calendar_exception_remove(
    *,
    actor: User | None,
    law_code: str,
    day: date,
    kind: str | None = None,
    reason: str = "",
    now: datetime | None = None,
) -> list[DeadlineMove]:
    """Withdraw an exception, and move every open deadline back as the law's calendar says.

    ``kind``, when given, must match the stored exception (a guard against a stale page);
    ``reason`` is kept in the moved requests' events.
    """
    now = now or utcnow()
    _ensure_admin(actor)
    _check_law(law_code)
    found = _exception_on(law_code, day)
    if found is None or (kind is not None and found.kind != kind):
        raise DomainError(_l("There is no such exception on this day."), field="day")
    with transaction() as session:
        change = "day_off_removed" if found.kind == DAY_OFF else "working_day_removed"
        reason = " ".join((reason or found.reason or "").split())[:REASON_MAX]
        session.delete(found)
        session.flush()
        audit_record(actor, change, "calendar", label=f"{law_code} {day}", reason=reason, at=now)
        return _recompute(actor, law_code, day, change, reason, now=now)


def _affected(law_code: str, day: date) -> list[InfoRequest]:
    """Return open requests of the law received by the end of the day and due on or after it."""
    tz = ZoneInfo(law_pack(law_code).timezone)
    start = datetime.combine(day, time.min, tzinfo=tz)
    end = start + timedelta(days=1)
    return list(
        db.session.scalars(
            select(InfoRequest)
            .join(Agency, InfoRequest.agency_id == Agency.id)
            .where(
                Agency.law_code == law_code,
                InfoRequest.status.in_(OPEN),
                InfoRequest.received_at < end,
                InfoRequest.due_at >= start,
            )
            .options(selectinload(InfoRequest.events))  # each recomputation replays the history
            .order_by(InfoRequest.id)
        )
    )


def _recompute(
    actor: User | None,
    law_code: str,
    day: date,
    change: str,
    reason: str,
    *,
    now: datetime | None = None,
) -> list[DeadlineMove]:
    """Recompute the affected deadlines with the calendar as it now stands."""
    now = now or utcnow()
    calendar = law_calendar(law_code)
    public_content_changed(now=now)  # the public deadline calculator reads the calendar
    moves = []
    for req in _affected(law_code, day):
        old = req.due_at
        if old is None:  # not reached: the query reads requests with a due date only
            continue
        # strict=False: an extension granted under the old calendar may no longer fit the
        # law's ceiling once the original date moves; the history must still recompute.
        refresh_due(req, calendar=calendar, strict=False)
        if req.due_at == old:
            continue
        tz = law_pack(law_code).timezone
        record(
            req,
            EventKind.DEADLINE_MOVED,
            actor=actor,
            visibility=PUBLIC,
            at=now,
            text=moved_text(change, day, reason, old, req.due_at, req.lang, tz),
            change=change,
            day=day.isoformat(),
            reason=reason,
            old_due_at=old.isoformat(),
            new_due_at=req.due_at.isoformat() if req.due_at else None,
        )
        moves.append(DeadlineMove(req.reference, old, req.due_at))
    return moves


def _when(moment: datetime, lang: str, tz: str) -> str:
    """Format a due moment in the law's timezone: the date alone when it ends the day."""
    local = moment.astimezone(ZoneInfo(tz))
    if local.time() >= time(23, 59):
        return format_date(local.date(), "medium", locale=lang)
    return format_datetime(local, "medium", tzinfo=ZoneInfo(tz), locale=lang)


def moved_text(
    change: str, day: date, reason: str, old: datetime, new: datetime | None, lang: str, tz: str
) -> str:
    """Say, in the request's language, why its due date moved and from when to when."""
    lang = lang if lang in ("az", "en", "ru") else "az"
    with force_locale(lang):
        on = format_date(day, "medium", locale=lang)
        why = {
            "day_off_added": gettext("%(day)s declared a day off by the administrator", day=on),
            "working_day_added": gettext("%(day)s made a working day by the administrator", day=on),
            "day_off_removed": gettext("The administrator withdrew the day off on %(day)s", day=on),
            "working_day_removed": gettext(
                "The administrator withdrew the working day on %(day)s", day=on
            ),
        }[change]
        if reason:
            why = f"{why} ({reason})"
        if new is None:
            return gettext("%(why)s: the clock is paused.", why=why)
        return gettext(
            "%(why)s: due date moved from %(old)s to %(new)s.",
            why=why,
            old=_when(old, lang, tz),
            new=_when(new, lang, tz),
        )
