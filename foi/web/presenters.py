"""Turn requests and events into the words people read on pages."""

from dataclasses import dataclass
from datetime import date, datetime

from flask import has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from foi.i18n import current_locale, date_text, datetime_text
from foi.labels import (  # noqa: F401 - re-exported for pages
    CHANNEL_LABELS,
    COMPLAINT_OUTCOME_LABELS,
    EVENT_TITLES,
    OUTCOME_LABELS,
    POST_LETTER_LABELS,
    STATUS_LABELS,
    UNASSIGN_REASONS,
    URGENCY_LABELS,
)
from foi.models import Event, InfoRequest
from foi.models.base import utcnow
from foi.models.moderation import RATE_LIMIT
from foi.models.request import INTERNAL
from foi.requests.states import EventKind
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
    """How much time the agency has left, in words, and its state for the colour."""

    text: str
    state: str  # ok, soon, overdue, paused, closed


def due_info(req: InfoRequest, now: datetime | None = None) -> DueInfo:
    """Say how much time the agency has left, in working days, or how late it is."""
    now = now or utcnow()
    if req.hidden_reason == RATE_LIMIT and req.hidden_at is not None:
        return DueInfo(str(_l("Waiting for the administrators' check")), "closed")
    if not req.is_open:
        return DueInfo(str(STATUS_LABELS[req.status][0]), "closed")
    if req.due_at is None:
        return DueInfo(str(_l("Clock paused")), "paused")
    if req.urgency:  # hour-based periods (arts. 24.2-24.3): count hours, not days
        hours = int((req.due_at - now).total_seconds() // 3600)
        if hours < 0:
            return DueInfo(
                ngettext("overdue by %(num)d hour", "overdue by %(num)d hours", -hours), "overdue"
            )
        return DueInfo(ngettext("due in %(num)d hour", "due in %(num)d hours", hours), "soon")
    # The stored due date is current (refresh_due keeps it); only the calendar is needed here.
    calendar = _calendar(request_law(req))
    left = calendar.working_days_between(
        calendar.local(now).date(), calendar.local(req.due_at).date()
    )
    if now > req.due_at:
        late = max(1, -left)
        return DueInfo(
            ngettext("overdue by %(num)d working day", "overdue by %(num)d working days", late),
            "overdue",
        )
    if left <= 0:
        return DueInfo(str(_l("due today")), "soon")
    return DueInfo(
        ngettext("due in %(num)d working day", "due in %(num)d working days", left),
        "soon" if left <= 2 else "ok",
    )


@dataclass
class TimelineItem:
    """One event of a request's timeline, in words."""

    at_text: str
    title: str
    body: str | None
    actor: str | None
    tone: str


def timeline(events: list[Event], show_actor: bool = False) -> list[TimelineItem]:
    """Return the events as the timeline people read (titles, texts, who did it)."""
    items = []
    for event in events:
        title = str(EVENT_TITLES.get(event.kind, event.kind))
        data = event.data
        if event.kind == EventKind.ANSWERED and data.get("outcome") in OUTCOME_LABELS:
            title = f"{title}: {OUTCOME_LABELS[data['outcome']]}"
        if event.kind == EventKind.TRANSFERRED and data.get("to_agency"):
            title = f"{title}: {data['to_agency']}"
        if event.kind == EventKind.COMPLAINT_DECIDED and data.get("outcome"):
            outcome = COMPLAINT_OUTCOME_LABELS.get(data["outcome"], data["outcome"])
            title = f"{title}: {outcome}" + (f" ({data['article']})" if data.get("article") else "")
        if event.kind == EventKind.REOPENED:
            if data.get("until"):
                due = date_text(date.fromisoformat(data["until"]))
                title = f"{title}: " + _l("answer due by %(date)s", date=due)
            if data.get("article"):
                title = f"{title} ({data['article']})"
        if event.kind == EventKind.FILED and data.get("channel") in CHANNEL_LABELS:
            title = f"{title}: {CHANNEL_LABELS[data['channel']]}"
        if event.kind == EventKind.LETTER_POSTED and data.get("letter") in POST_LETTER_LABELS:
            posted = date_text(date.fromisoformat(data["posted_on"]))
            title = f"{title}: {POST_LETTER_LABELS[data['letter']]}, {posted}"
        if event.kind == EventKind.EXTENDED and data.get("days"):
            title = f"{title} (+{data['days']})"
        if event.kind == EventKind.ASSIGNED and data.get("assignee"):
            title = f"{title}: {data['assignee']}"
        elif event.kind == EventKind.ASSIGNED and data.get("previous"):
            why = UNASSIGN_REASONS.get(data.get("reason"), "")
            unassigned = _l("Unassigned")
            title = f"{unassigned}: {data['previous']}" + (f" ({why})" if why else "")
        if event.kind == EventKind.DEPARTMENT_ROUTED:
            names = data.get("department") or {}
            title = (
                f"{title}: {names.get(current_locale()) or names.get('az', '')}"
                if names
                else str(_l("Routed to no department"))
            )
        items.append(
            TimelineItem(
                at_text=datetime_text(event.at, "short"),
                title=title,
                body=event.text or None,
                actor=event.actor.display_name if show_actor and event.actor else None,
                tone="warning" if event.visibility == INTERNAL else "neutral",
            )
        )
    return items


def due_date_text(req: InfoRequest) -> str:
    """Return the request's due date as people read it."""
    return date_text(req.due_at)


_BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"))
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
)


def device_label(user_agent: str) -> str:
    """Say which browser on which system a login came from ("Firefox, Linux"), as best we can.

    Enough for a person to recognise their own devices in the list of logins; what is not
    recognised is shown as "unknown browser".
    """
    text = user_agent or ""
    browser = next((name for mark, name in _BROWSERS if mark in text), None)
    if browser is None and "Safari/" in text:
        browser = "Safari"
    system = next((name for mark, name in _SYSTEMS if mark in text), None)
    parts = [browser or str(_l("unknown browser"))] + ([system] if system else [])
    return ", ".join(parts)
