"""What an agency's public page reports about how it answers, counted by the database.

Only counts leave the database, never a request's content.
"""
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import (
    Integer,
    String,
    and_,
    case,
    cast,
    extract,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
)

from foi.extensions import db
from foi.models import Agency, InfoRequest
from foi.models.request import OUTCOMES, PUBLISHED


@dataclass
class AgencyStatistics:
    """What an agency's public page reports about how it answers."""

    received: int = 0
    answered: int = 0
    answered_on_time: int = 0
    published: int = 0
    median_days: float | None = None
    #: year answered -> outcome -> count, oldest year first.
    outcomes_by_year: dict[int, dict[str, int]] = field(default_factory=dict)

    @property
    def on_time_percent(self) -> int | None:
        """Return the share of answers given by the legal due date, or None before any."""
        if not self.answered:
            return None
        return round(100 * self.answered_on_time / self.answered)


def agency_statistics(agency: Agency) -> AgencyStatistics:
    """Count an agency's requests: received, answered on time, days to answer, outcomes by year.

    Only counts leave the database, never a request's content, so unpublished requests are
    counted too (the law's duty to answer covers them all). An answer counts as on time when
    it came by the stored due date, extensions included; one given while the clock was stopped
    (no due date) counts as on time. The database counts (an agency may hold tens of thousands
    of requests); the years are those of the UTC moment of the answer.
    """
    r = InfoRequest
    mine = r.agency_id == agency.id
    answered = r.answered_at.is_not(None)
    postgres = db.session.get_bind().dialect.name == "postgresql"
    totals = db.session.execute(select(
        func.count(),
        func.count(r.answered_at),
        func.count(case((and_(answered, or_(r.due_at.is_(None), r.answered_at <= r.due_at)),
                         1))),
        func.count(case((r.status == PUBLISHED, 1))),
    ).where(mine)).one()
    stats = AgencyStatistics(received=totals[0], answered=totals[1],
                             answered_on_time=totals[2], published=totals[3])
    if stats.answered:
        stats.median_days = round(statistics.median(
            [d.total_seconds() / 86400 for d in _middle_durations(mine, stats.answered,
                                                                   postgres)]), 1)

    year = _utc_year(r.answered_at, postgres)
    by_year: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(OUTCOMES, 0))
    for answered_year, outcome, count in db.session.execute(
            select(year, r.outcome, func.count())
            .where(mine, answered, r.outcome.in_(OUTCOMES)).group_by(year, r.outcome)):
        by_year[int(answered_year)][outcome] = count
    stats.outcomes_by_year = {y: by_year[y] for y in sorted(by_year)}
    return stats


def _utc_year(column, postgres: bool):
    """Return SQL for the year of a stored moment, in UTC as Python reads it, on either engine."""
    if postgres:
        # timestamptz fields are extracted in the session's time zone; the stored value is UTC.
        # A literal, not a parameter: GROUP BY must repeat the select's expression exactly.
        return extract("year", func.timezone(literal_column("'UTC'"), column))
    # SQLite's text starts with the UTC year: read it as it is, no date parsing per row.
    return cast(func.substr(column, 1, 4), Integer)


def _middle_durations(mine, answered: int, postgres: bool) -> list[timedelta]:
    """Return the one or two middle durations of the ``answered`` requests ``mine`` selects.

    Python takes their median, exactly as :func:`statistics.median` would of all of them: SQL
    only finds the middle rows, sorting by the exact duration (an interval on PostgreSQL; on
    SQLite, whose timestamps are text, whole seconds from ``strftime('%s')`` plus the six
    digits after the point, as ``julianday`` would round to milliseconds). PostgreSQL's
    ``percentile_cont`` would average the two in SQL, and its average can differ from Python's
    in the last bit, enough to round a median on x.x5 days the other way (answers after 2793
    and 2823 minutes: 1.95 exactly gives 1.9, Python's 1.9500000000000002 gives 2.0).
    """
    r = InfoRequest
    if postgres:
        took = r.answered_at - r.received_at
    else:
        took = _sqlite_micros(r.answered_at) - _sqlite_micros(r.received_at)
    rows = db.session.execute(
        select(r.received_at, r.answered_at).where(mine, r.answered_at.is_not(None))
        .order_by(took).limit(2 - answered % 2).offset((answered - 1) // 2)).all()
    return [answered_at - received_at for received_at, answered_at in rows]


def _sqlite_micros(column):
    """Return SQL for the microseconds since 1970 of a timestamp SQLAlchemy stored in SQLite."""
    # Stored as 'YYYY-MM-DD HH:MM:SS.ffffff'. The seconds are read without the fraction, which
    # strftime would round to the millisecond (.9995 makes the next second); the fraction is
    # padded so that a shorter one, or none, still reads as microseconds.
    text = type_coerce(column, String)
    return (cast(func.strftime("%s", func.substr(text, 1, 19)), Integer) * 1_000_000
            + cast(func.substr(text + "000000", 21, 6), Integer))
