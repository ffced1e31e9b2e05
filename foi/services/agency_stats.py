"""What an agency's public page reports about how it answers, counted by the database.

Only counts leave the database, never a request's content.
"""

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Integer, and_, cast, extract, func, literal_column, or_, select

from foi.extensions import db
from foi.models import Agency, AgencyFigures, InfoRequest
from foi.models.base import utcnow
from foi.requests.states import Outcome, RequestStatus
from foi.services.compliance import Compliance, compliance
from foi.services.counters import published_by_agency
from foi.services.db import transaction


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


def agency_figures(
    agency: Agency, *, now: datetime | None = None
) -> tuple[AgencyStatistics, datetime]:
    """Return the agency's statistics as last counted (:func:`agency_figures_refresh`), and when.

    Counting grows with the agency's requests (about 0.2 s at 25,000 of them), so its public
    page reads the scheduler's last count instead, one row. Only the number of published
    answers is read live, from the counters every publication keeps. An agency not counted
    yet (just created, or no scheduler running) is counted now.
    """
    row = db.session.get(AgencyFigures, agency.id)
    if row is None:
        now = now or utcnow()
        return agency_statistics(agency, now=now), now
    stats = _loads(row.figures)
    stats.published = published_by_agency().get(agency.id, 0)
    return stats, row.counted_at


def agency_figures_refresh(*, now: datetime | None = None, max_age: timedelta) -> int:
    """Count again every agency counted more than ``max_age`` ago, or never; return how many.

    One transaction per agency, so a long round holds no lock for long and what is done stays
    done. Run by the scheduler's sweep (``FOI_STATISTICS_SECONDS``).
    """
    now = now or utcnow()
    stale = db.session.scalars(
        select(Agency)
        .outerjoin(AgencyFigures, AgencyFigures.agency_id == Agency.id)
        .where(or_(AgencyFigures.counted_at.is_(None), AgencyFigures.counted_at <= now - max_age))
        .order_by(Agency.id)
    ).all()
    for agency in stale:
        with transaction() as session:
            figures = _dumps(agency_statistics(agency, now=now))
            session.merge(AgencyFigures(agency_id=agency.id, counted_at=now, figures=figures))
    return len(stale)


def _dumps(stats: AgencyStatistics) -> str:
    return json.dumps(asdict(stats))


def _loads(text: str) -> AgencyStatistics:
    data = json.loads(text)
    return AgencyStatistics(
        compliance=Compliance(**data["compliance"]),
        published=data["published"],
        # JSON keys are strings; the chart's years are numbers.
        outcomes_by_year={int(y): counts for y, counts in data["outcomes_by_year"].items()},
        channels=data["channels"],
    )


def _utc_year(column, postgres: bool):
    """Return SQL for the year of a stored moment, in UTC as Python reads it, on either engine."""
    if postgres:
        # timestamptz fields are extracted in the session's time zone; the stored value is UTC.
        # A literal, not a parameter: GROUP BY must repeat the select's expression exactly.
        return extract("year", func.timezone(literal_column("'UTC'"), column))
    # SQLite's text starts with the UTC year: read it as it is, no date parsing per row.
    return cast(func.substr(column, 1, 4), Integer)
