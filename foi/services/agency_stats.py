"""What an agency's public page reports about how it answers, counted by the database.

Only counts leave the database, never a request's content.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Integer, and_, cast, extract, func, literal_column, select

from foi.extensions import db
from foi.models import Agency, InfoRequest
from foi.requests.states import Outcome, RequestStatus
from foi.services.compliance import Compliance, compliance


@dataclass
class AgencyStatistics:
    """What an agency's public page reports about how it answers."""

    #: Every request it received, split as foi.services.compliance defines (all time).
    compliance: Compliance = field(default_factory=Compliance)
    published: int = 0
    #: year answered -> outcome -> count, oldest year first.
    outcomes_by_year: dict[int, dict[str, int]] = field(default_factory=dict)
    #: channel -> requests received that way, adding up to ``compliance.received``.
    channels: dict[str, int] = field(default_factory=dict)


def agency_statistics(agency: Agency, *, now: datetime | None = None) -> AgencyStatistics:
    """Count an agency's requests: the compliance figures, answers published, outcomes by year.

    Only counts leave the database, never a request's content, so unpublished requests are
    counted too (the law's duty to answer covers them all). The figures of how it answers are
    :func:`foi.services.compliance.compliance`'s, the one definition every page uses; the
    years of the outcome chart are those of the UTC moment of the answer.
    """
    r = InfoRequest
    mine = and_(r.agency_id == agency.id, r.status != RequestStatus.HELD)  # held: not received
    answered = r.answered_at.is_not(None)
    postgres = db.session.get_bind().dialect.name == "postgresql"
    published = db.session.scalar(
        select(func.count()).where(mine, r.status == RequestStatus.PUBLISHED)
    )
    figures = compliance(agency, now=now)
    stats = AgencyStatistics(
        compliance=figures, published=published or 0, channels=figures.channels
    )
    year = _utc_year(r.answered_at, postgres)
    by_year: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(tuple(Outcome), 0))
    for answered_year, outcome, count in db.session.execute(
        select(year, r.outcome, func.count())
        .where(mine, answered, r.outcome.in_(tuple(Outcome)))
        .group_by(year, r.outcome)
    ):
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
