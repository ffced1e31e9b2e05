"""Complaints in words: statuses, outcomes and the second clock's dates in the law's time."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from flask_babel import lazy_gettext as _l

from foi.i18n import current_locale
from foi.models import Complaint, InfoRequest
from foi.models.base import utcnow
from foi.services.deadlines import law_pack, request_law

COMPLAINT_STATUS_LABELS = {
    "lodged": (_l("With the oversight body"), "info"),
    "extended": (_l("With the oversight body, time extended"), "warning"),
    "decided": (_l("Decided"), "success"),
}
COMPLAINT_OUTCOME_LABELS = {
    "upheld": _l("Complaint upheld"),
    "partly_upheld": _l("Complaint partly upheld"),
    "rejected": _l("Complaint rejected"),
}
COMPLAINT_GROUNDS = {
    "overdue": _l("The agency missed its legal deadline"),
    "refused": _l("The request was refused"),
    "partial": _l("The request was only partly answered"),
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
        complaint=complaint, status=str(label), tone="danger" if overdue else tone,
        ground=str(COMPLAINT_GROUNDS.get(complaint.ground, complaint.ground)),
        lodged=when(complaint.lodged_at, req), due=when(complaint.due_at, req),
        overdue=overdue,
        outcome=str(COMPLAINT_OUTCOME_LABELS.get(complaint.outcome or "", "")),
        decided=when(complaint.decided_at, req))
