"""How agencies answer: one definition of the figures, for every page, PDF, CSV and the API.

The agency page, the statistics page, the annual report, its CSV and ``/api/v1/statistics``
all read :func:`compliance` or :func:`year_statistics`, so a figure means the same everywhere.
The rules (articles of Azerbaijan's law; other rule packs cite their own):

- **Received.** A request counts in the period holding its registration moment
  (``received_at``: an online request is registered the day it arrives, art. 24.5), in the
  law's time zone. A held request (filed from an unconfirmed account) is not received yet.
- **Eight parts with no overlap and nothing left out**, decided in this order:

  1. *transferred* — the agency passed it to the agency holding the information (art. 23.1)
     and no longer holds it. The receiving agency counts the same request in its present
     state, so across agencies a transferred request counts once at each agency it reached.
  2. *withdrawn* — the requester withdrew it.
  3. *open_in_time* / *open_overdue* — still unanswered (awaiting an answer or a
     clarification); overdue once its due date has passed: 7 working days (art. 24.1, 24.5),
     24 or 48 hours when urgent (art. 24.2, 24.3), moved by a clarification (art. 24.4, 24.6),
     an extension (art. 25) or a transfer (art. 23.1). While the agency waits for a
     clarification the clock is stopped: in time.
  4. *refused_on_time* / *refused_late* — answered with a refusal in full (art. 21.3).
  5. *answered_on_time* / *answered_late* — answered otherwise: information given, in part
     (a partial refusal gives some), or "not held". On time means by the due date as it stood
     when the answer came; an answer given while the clock was stopped is on time.

- **Acknowledged on time** — the receipt with the reference number and due date (art. 24.5)
  reached the requester within 24 hours of registration: e-mailed (an e-mail still waiting or
  failed is not an acknowledgement) or, for a requester with no e-mail address, posted as a
  letter by the day those 24 hours end in the law's time zone (only the day of posting is
  recorded: :func:`receipt_posted_in_time`).
- **By channel** — the requests received, by how they arrived: online, or off-line by post,
  phone, in person, e-mail to the agency or fax (entered by staff, ``foi.services.offline``),
  each counted in the period holding the moment the agency received it, and at each agency it
  reached exactly as *received* counts it: an agency's channels add up to its received.
- **Extended** — the agency extended the deadline (art. 25); among requests it holds.
- **Median working days to answer** — from the registration day to the answer's day, counted
  in the law's working-day calendar with the administrators' days off, over the requests
  answered or refused; ``None`` before any.
- **Share on time** — answered or refused on time, out of every request whose answer is given
  or overdue (received less transferred, withdrawn and open in time). A request left
  unanswered past its due date counts against the agency, like a late answer.

Only counts leave the database, never a request's content. Each figure is one grouped,
indexed query (``foi.services.compliance_queries``; ``ix_info_request_statistics`` of migration
0008, ``ix_request_transfer_from`` of 0017); only the answered requests' two dates are read
to count working days.
"""

import statistics
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select

from foi.extensions import db
from foi.models import Agency, InfoRequest
from foi.models.base import utcnow
from foi.models.request import CHANNELS
from foi.services.compliance_queries import (
    ACKNOWLEDGEMENT,
    added_up,
    answer_days,
    answer_days_by_agency,
    channels_by_agency,
    counts_by_agency,
)
from foi.services.deadlines import law_pack

#: The eight parts of ``received``, in the order of the definition.
PARTS = (
    "answered_on_time",
    "answered_late",
    "refused_on_time",
    "refused_late",
    "transferred",
    "withdrawn",
    "open_in_time",
    "open_overdue",
)
#: Every figure, in the order the API, the CSV and the tables give them.
FIGURES = ("received", *PARTS, "acknowledged_on_time", "extended", "median_working_days_to_answer")


@dataclass(frozen=True)
class Compliance:
    """The figures of one agency (or of all) over one period; see the module's rules."""

    received: int = 0
    answered_on_time: int = 0
    answered_late: int = 0
    refused_on_time: int = 0
    refused_late: int = 0
    transferred: int = 0
    withdrawn: int = 0
    open_in_time: int = 0
    open_overdue: int = 0
    acknowledged_on_time: int = 0
    extended: int = 0
    median_working_days_to_answer: float | None = None
    #: channel (foi.models.request.CHANNELS, every one, in order) -> requests received that way.
    channels: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def due_or_decided(self) -> int:
        """Return how many requests had to be answered by now: answered, refused or overdue."""
        return self.received - self.transferred - self.withdrawn - self.open_in_time

    @property
    def on_time(self) -> int:
        """Return how many were answered or refused within the time limit."""
        return self.answered_on_time + self.refused_on_time

    @property
    def on_time_percent(self) -> int | None:
        """Return the share answered on time of those due by now, or None when none is due."""
        if not self.due_or_decided:
            return None
        return round(100 * self.on_time / self.due_or_decided)

    @property
    def late(self) -> int:
        """Return how many were answered or refused after the time limit."""
        return self.answered_late + self.refused_late

    def as_dict(self) -> dict:
        """Return the figures under the API's names, in their order."""
        values = asdict(self)
        return {name: values[name] for name in FIGURES}


@dataclass(frozen=True)
class AgencyRow:
    """One agency's line in the site's statistics."""

    agency: Agency
    figures: Compliance


@dataclass(frozen=True)
class YearStatistics:
    """A year's figures for the whole site, by agency and by month of registration."""

    year: int
    total: Compliance
    agencies: list[AgencyRow]
    #: (first day of the month, figures of the requests registered in it), January first.
    months: list[tuple[date, Compliance]]
    counted_at: datetime
    #: channel (foi.models.request.CHANNELS) -> requests received that way, every channel.
    channels: dict[str, int] = field(default_factory=dict)


def period_of_year(year: int, law_code: str | None = None) -> tuple[datetime, datetime]:
    """Return the first moment of ``year`` and of the next one in the law's time zone."""
    zone = ZoneInfo(law_pack(law_code or site_law()).timezone)
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


def site_law() -> str:
    """Return the code of the law the site runs under (``FOI_LAW``, Azerbaijan's by default)."""
    return current_app.config.get("LAW", "az")


def compliance(
    agency: Agency | None = None,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    now: datetime | None = None,
) -> Compliance:
    """Return the figures of ``agency`` (None: of every agency added up) for [start, end)."""
    now = now or utcnow()
    agency_id = agency.id if agency is not None else None
    counts = counts_by_agency(start, end, now, agency_id)
    channels = received_by_channel(agency, start=start, end=end)
    if agency_id is not None:
        row = counts.get(agency_id, {})
    else:
        row = added_up(counts.values())
    law = agency.law_code if agency is not None else site_law()
    return _figures(row, _median(answer_days(start, end, agency_id, law)), channels)


def year_statistics(year: int, *, now: datetime | None = None) -> YearStatistics:
    """Return ``year``'s figures for the site, each agency and each month (one definition).

    Cacheable as a whole: it depends on the year and the moment of counting only.
    """
    now = now or utcnow()
    start, end = period_of_year(year)
    counts = counts_by_agency(start, end, now, None)
    channels = channels_by_agency(start, end, None)
    days_by_agency = answer_days_by_agency(start, end, site_law())
    agencies = db.session.scalars(select(Agency).where(Agency.id.in_(list(counts)))).all()
    rows = [
        AgencyRow(
            a,
            _figures(
                counts[a.id],
                _median(days_by_agency.get(a.id, [])),
                _every_channel(channels.get(a.id, {})),
            ),
        )
        for a in agencies
    ]
    all_days = [d for days in days_by_agency.values() for d in days]
    total = _figures(
        added_up(counts.values()), _median(all_days), _every_channel(added_up(channels.values()))
    )
    months = []
    zone = start.tzinfo
    for month in range(1, 13):
        first = datetime(year, month, 1, tzinfo=zone)
        after = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=zone)
        if first > now:
            break
        month_counts = added_up(counts_by_agency(first, after, now, None).values())
        months.append((first.date(), _figures(month_counts, None)))
    return YearStatistics(year, total, rows, months, now, total.channels)


def received_by_channel(
    agency: Agency | None = None, *, start: datetime | None = None, end: datetime | None = None
) -> dict[str, int]:
    """Count the requests ``agency`` (None: every agency) received in [start, end), by channel.

    Counted as ``received`` is, so the channels add up to it: a request transferred on counts
    at the agency it left too, and every agency's counts are added up for all of them. Every
    channel is listed, in the order of ``CHANNELS``, those with no request as 0.
    """
    agency_id = agency.id if agency is not None else None
    rows = channels_by_agency(start, end, agency_id)
    counts = rows.get(agency_id, {}) if agency_id is not None else added_up(rows.values())
    return _every_channel(counts)


def _every_channel(counts: dict[str, int]) -> dict[str, int]:
    return {channel: counts.get(channel, 0) for channel in CHANNELS}


def receipt_posted_in_time(req: InfoRequest, posted_on: date) -> bool:
    """Tell whether a receipt posted on ``posted_on`` counts as acknowledged on time (art. 24.5).

    The officer records the day of posting, not the hour: a receipt posted by the day on which
    :data:`ACKNOWLEDGEMENT` after the request's registration ends, in the time zone of the
    agency's law, is in time.
    """
    zone = ZoneInfo(law_pack(req.agency.law_code).timezone)
    return posted_on <= (req.received_at + ACKNOWLEDGEMENT).astimezone(zone).date()


def _figures(
    row: dict[str, int], median: float | None, channels: dict[str, int] | None = None
) -> Compliance:
    parts = {name: row.get(name, 0) for name in PARTS}
    return Compliance(
        received=sum(parts.values()),
        **parts,
        acknowledged_on_time=row.get("acknowledged_on_time", 0),
        extended=row.get("extended", 0),
        median_working_days_to_answer=median,
        channels=channels or {},
    )


def _median(days: list[int]) -> float | None:
    return float(statistics.median(days)) if days else None
