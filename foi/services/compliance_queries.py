"""The queries behind foi.services.compliance: each figure one grouped, indexed query.

Only counts leave the database, never a request's content (the answered requests' two dates
are read to count working days). The rules these queries count by are written once, in
:mod:`foi.services.compliance`.
"""

from datetime import date, datetime, timedelta

from sqlalchemy import (
    Integer,
    String,
    and_,
    case,
    cast,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB

from foi.extensions import db
from foi.models import Agency, Event, InfoRequest, OutboxMessage, RequestTransfer
from foi.models.outbox import SENT
from foi.models.request import ONLINE
from foi.requests.states import OPEN, EventKind, Outcome, RequestStatus
from foi.services.deadlines import law_calendar

#: The receipt's period (art. 24.5): registration plus 24 hours.
ACKNOWLEDGEMENT = timedelta(hours=24)
#: What a posted receipt's event records (``acknowledgement``) when it went within the period.
POSTED_IN_TIME = "in_time"


def _postgres() -> bool:
    return db.session.get_bind().dialect.name == "postgresql"


def _received(start: datetime | None, end: datetime | None) -> list:
    r = InfoRequest
    where = [r.status != RequestStatus.HELD]  # held: no agency has received it yet
    if start is not None:
        where.append(r.received_at >= start)
    if end is not None:
        where.append(r.received_at < end)
    return where


def _part(now: datetime):
    """Return SQL naming the part (of ``PARTS``) a request the agency holds falls in."""
    r = InfoRequest
    late = and_(r.due_at.is_not(None), r.answered_at.is_not(None), r.answered_at > r.due_at)
    return case(
        (r.status == RequestStatus.WITHDRAWN, "withdrawn"),
        (
            r.status.in_(OPEN),
            case(
                (and_(r.due_at.is_not(None), r.due_at < now), "open_overdue"),
                else_="open_in_time",
            ),
        ),
        (r.outcome == Outcome.REFUSED, case((late, "refused_late"), else_="refused_on_time")),
        else_=case((late, "answered_late"), else_="answered_on_time"),
    )


def _acknowledged(postgres: bool):
    """Return SQL true when the request's receipt reached the requester within 24 hours.

    E-mailed: its outbox message went out in time. On paper: the officer recorded its
    posting, which :func:`receipt_posted_in_time` judged in time when it was recorded.
    """
    r, o, e = InfoRequest, OutboxMessage, Event
    # The receipt's outbox key, as foi.services.filing writes it (unique: one index probe).
    key = literal("req:") + cast(r.id, String) + literal(":acknowledgement")
    sent = select(o.sent_at).where(o.key == key, o.status == SENT).scalar_subquery()
    if postgres:
        hours = int(ACKNOWLEDGEMENT.total_seconds() // 3600)
        emailed = sent <= r.received_at + literal_column(f"interval '{hours} hours'")
        marked = cast(e.data_json, JSONB)["acknowledgement"].astext
    else:
        seconds = int(ACKNOWLEDGEMENT.total_seconds())
        emailed = _micros(sent) - _micros(r.received_at) <= seconds * 10**6
        marked = func.json_extract(e.data_json, "$.acknowledgement")
    # Only a request entered off-line has letters to post: an online one skips the probe.
    posted = and_(
        r.channel != ONLINE,
        exists().where(
            e.request_id == r.id, e.kind == EventKind.LETTER_POSTED, marked == POSTED_IN_TIME
        ),
    )
    return or_(emailed, posted)


def _extended():
    e = Event
    return exists().where(e.request_id == InfoRequest.id, e.kind == EventKind.EXTENDED)


def counts_by_agency(
    start: datetime | None, end: datetime | None, now: datetime, agency_id: int | None
) -> dict[int, dict[str, int]]:
    """Return agency id -> part or figure -> count, for the requests received in the period."""
    r = InfoRequest
    postgres = _postgres()
    acknowledged = _acknowledged(postgres)
    part = _part(now).label("part")
    held = select(
        r.agency_id,
        part,
        func.count(),
        func.count(case((acknowledged, 1))),
        func.count(case((_extended(), 1))),
    ).where(*_received(start, end))
    if agency_id is not None:
        held = held.where(r.agency_id == agency_id)
    result: dict[int, dict[str, int]] = {}
    for agency, name, count, acked, extended in db.session.execute(
        held.group_by(r.agency_id, part)
    ):
        row = result.setdefault(agency, {})
        row[name] = count
        row["acknowledged_on_time"] = row.get("acknowledged_on_time", 0) + acked
        row["extended"] = row.get("extended", 0) + extended

    # Passed on and not back: counted at the sender, once however often it was passed on.
    senders = _senders(agency_id)
    moved = (
        select(senders.c.agency_id, func.count(), func.count(case((acknowledged, 1))))
        .join(r, r.id == senders.c.request_id)
        .where(*_received(start, end), r.agency_id != senders.c.agency_id)
        .group_by(senders.c.agency_id)
    )
    for agency, count, acked in db.session.execute(moved):
        row = result.setdefault(agency, {})
        row["transferred"] = count
        row["acknowledged_on_time"] = row.get("acknowledged_on_time", 0) + acked
    return result


def _senders(agency_id: int | None):
    """Return a subquery of (agency_id, request_id): each agency that passed a request on."""
    t = RequestTransfer
    passed = select(t.from_agency_id.label("agency_id"), t.request_id).distinct()
    if agency_id is not None:
        passed = passed.where(t.from_agency_id == agency_id)
    return passed.subquery()


def channels_by_agency(
    start: datetime | None, end: datetime | None, agency_id: int | None
) -> dict[int, dict[str, int]]:
    """Return agency id -> channel -> count of the requests received (as ``counts_by_agency``)."""
    r = InfoRequest
    held = select(r.agency_id, r.channel, func.count()).where(*_received(start, end))
    if agency_id is not None:
        held = held.where(r.agency_id == agency_id)
    result: dict[int, dict[str, int]] = {}
    for agency, channel, count in db.session.execute(held.group_by(r.agency_id, r.channel)):
        result.setdefault(agency, {})[channel] = count
    # Passed on and not back: counted at the sender too, once however often it was passed on.
    senders = _senders(agency_id)
    moved = (
        select(senders.c.agency_id, r.channel, func.count())
        .join(r, r.id == senders.c.request_id)
        .where(*_received(start, end), r.agency_id != senders.c.agency_id)
        .group_by(senders.c.agency_id, r.channel)
    )
    for agency, channel, count in db.session.execute(moved):
        row = result.setdefault(agency, {})
        row[channel] = row.get(channel, 0) + count
    return result


def added_up(rows) -> dict[str, int]:
    """Return the sum of several agencies' counts, figure by figure."""
    total: dict[str, int] = {}
    for row in rows:
        for name, count in row.items():
            total[name] = total.get(name, 0) + count
    return total


def _answered(start, end):
    r = InfoRequest
    return [
        *_received(start, end),
        r.answered_at.is_not(None),
        r.status.not_in((*OPEN, RequestStatus.WITHDRAWN)),
    ]


def answer_days(start, end, agency_id: int | None, law: str) -> list[int]:
    """Return the working days to answer of one agency's requests (None: of every agency)."""
    if agency_id is None:
        return [d for days in answer_days_by_agency(start, end, law).values() for d in days]
    r = InfoRequest
    rows = db.session.execute(
        select(r.received_at, r.answered_at).where(*_answered(start, end), r.agency_id == agency_id)
    ).all()
    return _working_days(rows, law)


def answer_days_by_agency(start, end, default_law: str) -> dict[int, list[int]]:
    """Return agency id -> working days to answer, each agency counted by its own law."""
    r = InfoRequest
    laws = dict(db.session.execute(select(Agency.id, Agency.law_code)).all())
    pairs: dict[int, list] = {}
    for agency_id, received, answered in db.session.execute(
        select(r.agency_id, r.received_at, r.answered_at).where(*_answered(start, end))
    ):
        pairs.setdefault(agency_id, []).append((received, answered))
    return {a: _working_days(rows, laws.get(a) or default_law) for a, rows in pairs.items()}


def _working_days(rows, law: str) -> list[int]:
    """Return the working days from registration day to answer day of each (received, answered)."""
    if not rows:
        return []
    calendar = law_calendar(law)
    seen: dict[tuple[date, date], int] = {}  # many requests share a pair of days
    days = []
    for received, answered in rows:
        pair = (calendar.local(received).date(), calendar.local(answered).date())
        if pair not in seen:
            seen[pair] = max(0, calendar.working_days_between(*pair))
        days.append(seen[pair])
    return days


def _micros(column):
    """Return SQL for the microseconds since 1970 of a timestamp SQLAlchemy stored in SQLite."""
    # Stored as 'YYYY-MM-DD HH:MM:SS.ffffff'. The seconds are read without the fraction, which
    # strftime would round to the millisecond; the fraction is padded to read as microseconds.
    text = cast(column, String)
    return cast(func.strftime("%s", func.substr(text, 1, 19)), Integer) * 1_000_000 + cast(
        func.substr(text + "000000", 21, 6), Integer
    )
