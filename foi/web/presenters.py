"""Turn requests and events into the words people read on pages."""
from dataclasses import dataclass
from datetime import datetime

from flask import has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from foi.i18n import date_text, datetime_text
from foi.labels import (  # noqa: F401 - re-exported for pages
    EVENT_TITLES,
    OUTCOME_LABELS,
    STATUS_LABELS,
    UNASSIGN_REASONS,
    URGENCY_LABELS,
)
from foi.models import Event, InfoRequest
from foi.models.base import utcnow
from foi.models.request import INTERNAL
from foi.services.deadlines import law_calendar, request_law


def _calendar(law_code: str):
    """Return the law's calendar, built once per request for a whole list of requests."""
    # Kept on the request, not on g: tests (and jobs) keep one app context across requests.
    cache = request.environ.setdefault("foi.law_calendars", {}) if has_request_context() else {}
    if law_code not in cache:
        cache[law_code] = law_calendar(law_code)
    return cache[law_code]




@dataclass
class DueInfo:
    text: str
    state: str  # ok, soon, overdue, paused, closed


def due_info(req: InfoRequest, now: datetime | None = None) -> DueInfo:
    """Say how much time the agency has left, in working days, or how late it is."""
    now = now or utcnow()
    if not req.is_open:
        return DueInfo(str(STATUS_LABELS[req.status][0]), "closed")
    if req.due_at is None:
        return DueInfo(str(_l("Clock paused")), "paused")
    if req.urgency:  # hour-based periods (arts. 24.2-24.3): count hours, not days
        hours = int((req.due_at - now).total_seconds() // 3600)
        if hours < 0:
            return DueInfo(ngettext("overdue by %(num)d hour", "overdue by %(num)d hours",
                                    -hours), "overdue")
        return DueInfo(ngettext("due in %(num)d hour", "due in %(num)d hours", hours), "soon")
    # The stored due date is current (refresh_due keeps it); only the calendar is needed here.
    calendar = _calendar(request_law(req))
    left = calendar.working_days_between(calendar.local(now).date(),
                                         calendar.local(req.due_at).date())
    if now > req.due_at:
        late = max(1, -left)
        return DueInfo(ngettext("overdue by %(num)d working day",
                                "overdue by %(num)d working days", late), "overdue")
    if left <= 0:
        return DueInfo(str(_l("due today")), "soon")
    return DueInfo(ngettext("due in %(num)d working day", "due in %(num)d working days", left),
                   "soon" if left <= 2 else "ok")


@dataclass
class TimelineItem:
    at_text: str
    title: str
    body: str | None
    actor: str | None
    tone: str


def timeline(events: list[Event], show_actor: bool = False) -> list[TimelineItem]:
    items = []
    for event in events:
        title = str(EVENT_TITLES.get(event.kind, event.kind))
        data = event.data
        if event.kind == "answered" and data.get("outcome") in OUTCOME_LABELS:
            title = f"{title}: {OUTCOME_LABELS[data['outcome']]}"
        if event.kind == "transferred" and data.get("to_agency"):
            title = f"{title}: {data['to_agency']}"
        if event.kind == "extended" and data.get("days"):
            title = f"{title} (+{data['days']})"
        if event.kind == "assigned" and data.get("assignee"):
            title = f"{title}: {data['assignee']}"
        elif event.kind == "assigned" and data.get("previous"):
            why = UNASSIGN_REASONS.get(data.get("reason"), "")
            unassigned = _l("Unassigned")
            title = f"{unassigned}: {data['previous']}" + (f" ({why})" if why else "")
        items.append(TimelineItem(
            at_text=datetime_text(event.at, "short"), title=title, body=event.text or None,
            actor=event.actor.display_name if show_actor and event.actor else None,
            tone="warning" if event.visibility == INTERNAL else "neutral"))
    return items


def due_date_text(req: InfoRequest) -> str:
    return date_text(req.due_at)
