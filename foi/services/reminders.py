"""Deadline reminders and overdue notices, enqueued exactly once in effect.

Each open request waiting for a notice has a row in ``reminder_schedule``: when the sweep should
next look at it. The sweep reads only rows whose moment has come (from that table's index),
decides which notice is due *now*, enqueues it under a key naming the request, the notice and
the deadline version, and moves the row to the next notice's moment, or drops it. Outbox rows,
the history event and the new moment commit together, one batch at a time, so:

- a crash mid-sweep loses nothing (uncommitted batches are redone) and repeats nothing (committed
  ones have moved on, and a redone batch finds its keys already in the outbox);
- after a day with the server off, only the nearest notice is sent (the due-day reminder, or
  the overdue notice), not one per missed run;
- a second sweep running at the same time skips rows the first one holds (PostgreSQL) or
  redoes its batch when SQLite's lock or a stale read stops it; either way the outbox skips a
  key already there and no history event is written for it;
- a moved deadline (extension, transfer, clarification) bumps the version: the new date gets its
  own reminders and the old date's are never sent.

What each notice says, and to whom, is ``reminder_notices``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import bindparam, delete, func, select, true, tuple_, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import aliased

from foi.extensions import db
from foi.law.calendar import WorkingCalendar
from foi.mail.bulk import Mail, driver_cursor, enqueue_many, insert_rows
from foi.models import Agency, Event, InfoRequest, ReminderSchedule, RequestContact, User
from foi.models.request import INTERNAL
from foi.requests.states import EventKind, RequestStatus
from foi.services.reminder_notices import AgencyNames, DueRequest, Person, SweepContext, notices_due

log = logging.getLogger("foi.jobs")

#: Working days before the due date at which the assigned officer is reminded (0: the due day).
DEFAULT_REMINDER_DAYS = (3, 1, 0)
#: A row whose notice could not be built is looked at again this much later, not every minute.
POISON_DELAY = timedelta(hours=1)
_CONFLICT_RETRIES = 5


@dataclass
class SweepResult:
    """What one sweep did: requests looked at, requests notified, messages enqueued."""

    looked_at: int = 0
    notified: int = 0
    messages: int = 0
    batches: int = 0


def first_day_within(cal: WorkingCalendar, due_day: date, mark: int) -> date:
    """Return the first day from which at most ``mark`` working days remain until ``due_day``."""
    day, left = due_day, 0
    while True:
        before = left + (1 if cal.is_working_day(day) else 0)
        if before > mark:
            return day
        day, left = day - timedelta(days=1), before


def reminder_plan(
    cal: WorkingCalendar, due_at: datetime, now: datetime, marks: tuple[int, ...]
) -> tuple[str | None, int, datetime]:
    """Decide the notice due at ``now`` and when to look next.

    Return ``(kind, working_days_left, next_at)``: kind is ``"overdue"``, ``"due<N>"`` for the
    nearest threshold reached (only that one: missed thresholds are not sent late), or None.
    ``next_at`` is local midnight of the day the next threshold is reached, or the due moment
    itself (for the overdue notice), always after ``now``.
    """
    if now >= due_at:
        return "overdue", 0, due_at
    today = cal.local(now).date()
    due_day = cal.local(due_at).date()
    left = cal.working_days_between(today, due_day)
    reached = [m for m in sorted(marks) if left <= m]
    kind = f"due{reached[0]}" if reached else None
    later = [m for m in marks if m < (reached[0] if reached else left)]
    next_at = due_at
    if later:
        day = first_day_within(cal, due_day, max(later))
        next_at = min(due_at, cal.start_of_day(day).astimezone(due_at.tzinfo))
    if next_at <= now:  # a due day that is not a working day: look again tomorrow
        next_at = min(due_at, cal.start_of_day(today + timedelta(days=1)))
    return kind, left, next_at


def _load_batch(
    now: datetime, batch: int, after: tuple | None
) -> tuple[list[DueRequest], tuple | None]:
    """Read the next ``batch`` requests waiting at ``now``, after the place ``after``.

    Return them and the place of the last one. Reading on from the last place rather than from
    the start matters on PostgreSQL: the entries this sweep has just moved stay in the index
    until vacuumed, and every batch would step over all of them again. A moved row never
    waits at ``now`` again (its next moment is later), so nothing is passed over.
    """
    requester, assignee = aliased(User), aliased(User)
    r, s = InfoRequest, ReminderSchedule
    stmt = (
        select(
            r.id,
            r.reference,
            r.subject,
            r.status,
            r.due_at,
            r.deadline_version,
            r.agency_id,
            Agency.law_code,
            Agency.name_az,
            Agency.name_en,
            Agency.name_ru,
            assignee.id,
            assignee.email,
            assignee.display_name,
            assignee.locale,
            assignee.active,
            requester.id,
            # Received off-line from a person with no account: the contact written down
            # (no e-mail address: the requester's notice goes by post, none is sent).
            func.coalesce(requester.email, RequestContact.email, ""),
            func.coalesce(requester.display_name, RequestContact.name, ""),
            func.coalesce(requester.locale, r.lang),
            s.next_at,
        )
        .select_from(s)
        .join(r, r.id == s.request_id)
        .join(Agency, Agency.id == r.agency_id)
        .outerjoin(requester, requester.id == r.requester_id)
        .outerjoin(RequestContact, RequestContact.request_id == r.id)
        .outerjoin(assignee, assignee.id == r.assignee_id)
        .where(s.next_at <= now)
        .where(tuple_(s.next_at, s.request_id) > after if after else true())
        .order_by(s.next_at, s.request_id)
        .limit(batch)
    )
    if db.session.get_bind().dialect.name == "postgresql":
        # Two sweeps at once (the lease lost mid-run) share the work instead of colliding;
        # refresh_due moving the same request waits for this batch, then has the last word.
        stmt = stmt.with_for_update(of=s, skip_locked=True)
    result, place = [], None
    for row in db.session.execute(stmt):
        (
            rid,
            ref,
            subject,
            status,
            due_at,
            version,
            agency_id,
            law,
            n_az,
            n_en,
            n_ru,
            a_id,
            a_email,
            a_name,
            a_locale,
            a_active,
            q_id,
            q_email,
            q_name,
            q_locale,
            place,
        ) = row
        place = (place, rid)
        result.append(
            DueRequest(
                rid,
                ref,
                subject,
                status,
                due_at,
                version,
                agency_id,
                law,
                AgencyNames(n_az, n_en, n_ru),
                Person(a_id, a_email, a_name, a_locale) if a_id and a_active else None,
                Person(q_id, q_email, q_name, q_locale),
            )
        )
    return result, place


def _sweep_batch(
    now: datetime,
    batch: int,
    marks: tuple[int, ...],
    ctx: SweepContext,
    result: SweepResult,
    after: tuple | None,
) -> tuple[int, tuple | None]:
    """Process and commit one batch; return how many requests it looked at and where it ended."""
    requests, place = _load_batch(now, batch, after)
    if not requests:
        db.session.rollback()
        return 0, after
    ctx.coordinators_of({r.agency_id for r in requests})
    moves: list[dict[str, int | datetime | None]] = []
    events: list[tuple[int, str, set[str]]] = []
    mails: list[Mail] = []
    for req in requests:
        if req.status != RequestStatus.AWAITING or req.due_at is None:
            moves.append({"rid": req.id, "nxt": None})
            continue
        try:
            kind, left, next_at = reminder_plan(ctx.calendar(req.law_code), req.due_at, now, marks)
            notices = notices_due(req, kind, left, ctx) if kind else []
        except Exception:  # one broken row must not stop every other reminder
            log.exception("reminders: request %s skipped for now", req.id)
            moves.append({"rid": req.id, "nxt": now + POISON_DELAY})
            continue
        moves.append({"rid": req.id, "nxt": None if kind == "overdue" else next_at})
        if notices and kind:  # notices come only with a kind of reminder
            mails.extend(notices)
            events.append((req.id, kind, {n.key for n in notices}))
    added_keys = enqueue_many(mails, now, ctx.renderer)
    notified = 0
    event_rows = []
    for request_id, kind, keys in events:
        if keys & added_keys:
            notified += 1
            event_rows.append(
                {
                    "request_id": request_id,
                    "kind": EventKind.REMINDER_SENT.value,
                    "at": now,
                    "actor_id": None,
                    "visibility": INTERNAL,
                    "text": "",
                    "data_json": json.dumps({"kind": kind}),
                }
            )
    insert_rows(Event.__table__, event_rows)
    _move(moves)
    # A sweep commits per batch, not per use case: one transaction over the whole archive
    # would hold SQLite's write lock for minutes, and a lost lease would lose all of it.
    db.session.commit()
    result.looked_at += len(requests)
    result.notified += notified
    result.messages += len(added_keys)
    result.batches += 1
    return len(requests), place


def _move(moves: list[dict]) -> None:
    """Store each request's next moment; drop the schedule row when nothing more is due."""
    table = ReminderSchedule.__table__
    later = [m for m in moves if m["nxt"] is not None]
    done = [m["rid"] for m in moves if m["nxt"] is None]
    if db.session.get_bind().dialect.name == "postgresql":
        # One statement instead of one UPDATE or DELETE per row; arrays sent in binary.
        driver_cursor().execute(
            "WITH moved AS (UPDATE reminder_schedule AS s SET next_at = m.nxt "
            "FROM unnest(CAST(%(ids)b AS integer[]), CAST(%(nxts)b AS timestamptz[])) "
            "AS m(id, nxt) WHERE s.request_id = m.id) "
            "DELETE FROM reminder_schedule WHERE request_id = ANY(CAST(%(done)b AS integer[]))",
            {"ids": [m["rid"] for m in later], "nxts": [m["nxt"] for m in later], "done": done},
        )
        return
    if later:
        db.session.execute(
            update(table)
            .where(table.c.request_id == bindparam("rid"))
            .values(next_at=bindparam("nxt", type_=table.c.next_at.type)),
            later,
        )
    if done:
        db.session.execute(delete(table).where(table.c.request_id.in_(done)))


def reminders_sweep(
    *,
    now: datetime,
    reminder_days: tuple[int, ...] = DEFAULT_REMINDER_DAYS,
    batch: int = 1000,
    keep_going: Callable[[], bool] = lambda: True,
) -> SweepResult:
    """Enqueue the due-soon reminders and overdue notices that are due at ``now``.

    Reminders go to the assigned officer (or the coordinators when nobody is assigned) when
    ``reminder_days`` working days or fewer are left; once the due moment passes, the
    coordinators and the assignee get an overdue notice, and the requester one saying where and
    by when to complain. Commits after each batch of ``batch`` requests; stops early when
    ``keep_going()`` turns false (the scheduler lost its lease).
    """
    marks = tuple(sorted(set(reminder_days)))
    result, ctx = SweepResult(), SweepContext()
    conflicts, place = 0, None
    while keep_going():
        try:
            seen, place = _sweep_batch(now, batch, marks, ctx, result, place)
        except (IntegrityError, OperationalError) as exc:
            # Another sweep wrote the same keys, or held SQLite's write lock too long: redo.
            db.session.rollback()
            conflicts += 1  # in a row: two sweeps in lockstep collide on every batch
            if conflicts > _CONFLICT_RETRIES:
                raise
            log.warning("reminders: batch redone after %s", exc.__class__.__name__)
            continue
        conflicts = 0
        if seen:
            log.info(
                "reminders: batch %d committed (%d requests, %d messages so far)",
                result.batches,
                result.looked_at,
                result.messages,
            )
        if seen < batch:
            break
    return result
