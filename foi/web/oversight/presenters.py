"""Complaints in words: statuses, outcomes and the second clock's dates in the law's time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from foi.i18n import current_locale
from foi.labels import COMPLAINT_OUTCOME_LABELS
from foi.models import Complaint, InfoRequest
from foi.models.base import utcnow
from foi.requests.states import Outcome
from foi.services.deadlines import law_calendar, law_pack, request_law

COMPLAINT_STATUS_LABELS = {
    "lodged": (_l("With the oversight body"), "info"),
    "extended": (_l("With the oversight body, time extended"), "warning"),
    "decided": (_l("Decided"), "success"),
}
COMPLAINT_GROUNDS = {
    "overdue": _l("The agency missed its legal deadline"),
    Outcome.REFUSED: _l("The request was refused"),
    Outcome.PARTIAL: _l("The request was only partly answered"),
}


def when(moment: datetime | None, req: InfoRequest) -> str:
    """Format a moment in the request's law's timezone and the reader's language.

    A deadline that ends its day (23:59:59) is shown as the date alone.
    """
    if moment is None:
        return ""
    tz = ZoneInfo(law_pack(request_law(req)).timezone)
    local = moment.astimezone(tz)
    day = format_date(local.date(), "medium", locale=current_locale())
    if local.time() >= time(23, 59):
        return day
    return f"{day}, {format_time(local, 'short', tzinfo=tz, locale=current_locale())}"


def oversight_name(req: InfoRequest) -> str:
    """Return the name of the body that hears complaints under the request's law."""
    body = law_pack(request_law(req)).oversight
    return body.name.get(current_locale()) or body.name["en"]


@dataclass
class ComplaintView:
    """A complaint as the oversight body's list shows it."""

    complaint: Complaint
    status: str
    tone: str
    ground: str
    lodged: str
    due: str
    overdue: bool
    outcome: str
    decided: str


def complaint_view(complaint: Complaint, now: datetime | None = None) -> ComplaintView:
    """Describe a complaint for a page: its state, its dates, whether the body is late."""
    now = now or utcnow()
    req = complaint.request
    label, tone = COMPLAINT_STATUS_LABELS[complaint.status]
    overdue = complaint.is_pending and complaint.due_at < now
    return ComplaintView(
        complaint=complaint,
        status=str(label),
        tone="danger" if overdue else tone,
        ground=str(COMPLAINT_GROUNDS.get(complaint.ground, complaint.ground)),
        lodged=when(complaint.lodged_at, req),
        due=when(complaint.due_at, req),
        overdue=overdue,
        outcome=str(COMPLAINT_OUTCOME_LABELS.get(complaint.outcome or "", "")),
        decided=when(complaint.decided_at, req),
    )


@dataclass
class QueueItem:
    """One thing waiting for the oversight body: a complaint, or an overdue request."""

    req: InfoRequest
    complaint: ComplaintView | None
    what: str
    since: datetime
    since_text: str
    waiting: str
    urgent: bool
    overdue: bool


def _waiting_since(req: InfoRequest, since: datetime, now: datetime) -> str:
    """Say how long something has waited: working days, or hours on an urgent clock."""
    if req.urgency:  # arts. 24.2-24.3 count hours: so does the queue, and it says so
        hours = max(0, int((now - since).total_seconds() // 3600))
        return ngettext(
            "%(num)d hour (urgent: counted in hours)",
            "%(num)d hours (urgent: counted in hours)",
            hours,
        )
    calendar = law_calendar(request_law(req))
    days = max(
        0, calendar.working_days_between(calendar.local(since).date(), calendar.local(now).date())
    )
    return ngettext("%(num)d working day", "%(num)d working days", days)


def oversight_queue(
    complaints: list[Complaint], overdue: list[InfoRequest], now: datetime
) -> list[QueueItem]:
    """Put the undecided complaints and the overdue requests in one queue, the oldest first.

    A complaint waits from the day it was lodged; an overdue request without one from its
    missed due date. Both are counted in working days, urgent requests in hours.
    """
    items = []
    complained = set()
    for complaint in complaints:
        if not complaint.is_pending:
            continue
        req = complaint.request
        complained.add(req.id)
        view = complaint_view(complaint, now)
        items.append(
            QueueItem(
                req=req,
                complaint=view,
                what=str(_l("Complaint: %(ground)s", ground=view.ground)),
                since=complaint.lodged_at,
                since_text=view.lodged,
                waiting=_waiting_since(req, complaint.lodged_at, now),
                urgent=bool(req.urgency),
                overdue=view.overdue,
            )
        )
    for req in overdue:
        if req.id in complained or req.due_at is None:
            continue
        items.append(
            QueueItem(
                req=req,
                complaint=None,
                what=str(_l("Overdue, no complaint yet")),
                since=req.due_at,
                since_text=when(req.due_at, req),
                waiting=_waiting_since(req, req.due_at, now),
                urgent=bool(req.urgency),
                overdue=True,
            )
        )
    return sorted(items, key=lambda item: (item.since, item.req.id))
