"""Letters owed on paper to a requester without e-mail: which, and the day each was posted.

Each letter (receipt, clarification question, message, extension, transfer, answer or
refusal) waits on the request's page as a PDF to print and post (``letters``) until the
officer records the day it was posted; a receipt posted in time counts as acknowledged in the
statistics (``compliance``).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l

from foi.models import Event, InfoRequest, User
from foi.models.base import utcnow
from foi.models.request import REQUESTER
from foi.requests.states import EventKind
from foi.services.compliance import receipt_posted_in_time
from foi.services.compliance_queries import POSTED_IN_TIME
from foi.services.db import transaction
from foi.services.errors import DomainError, NotFound
from foi.services.history import record
from foi.services.permissions import ensure_visible, is_staff_of

#: Entered more than this after it was received, a request needs the reason in its history.

#: The letters a requester is owed, by the event that owes them.
LETTER_EVENTS = {
    EventKind.FILED: "receipt",
    EventKind.CLARIFICATION_REQUESTED: "clarification",
    EventKind.MESSAGE_SENT: "message",
    EventKind.EXTENDED: "extension",
    EventKind.TRANSFERRED: "transfer",
    EventKind.ANSWERED: "answer",
}


@dataclass(frozen=True)
class PostLetter:
    """A letter the requester is owed on paper: the event that owes it, and when it was posted."""

    event: Event
    kind: str  # receipt, extension, transfer, answer, refusal
    posted_on: date | None

    @property
    def is_posted(self) -> bool:
        """Tell whether the officer recorded the letter's posting."""
        return self.posted_on is not None


def letters_to_post(req: InfoRequest) -> list[PostLetter]:
    """Return the letters of a request answered by post, oldest first, posted or not.

    Nothing for a request whose requester reads e-mail: those letters were e-mailed.
    """
    if not req.is_offline or not req.answers_by_post:
        return []
    posted = {
        e.data.get("event_id"): date.fromisoformat(e.data["posted_on"])
        for e in req.events
        if e.kind == EventKind.LETTER_POSTED
    }
    letters = []
    for event in req.events:
        kind = LETTER_EVENTS.get(event.kind)
        if kind is None:
            continue
        if kind == "answer" and event.data.get("outcome") == "refused":
            kind = "refusal"
        letters.append(PostLetter(event, kind, posted.get(event.id)))
    return letters


def post_letter(req: InfoRequest, event_id: int) -> PostLetter:
    """Return the letter owed for event ``event_id`` of ``req``, or raise NotFound."""
    for letter in letters_to_post(req):
        if letter.event.id == event_id:
            return letter
    raise NotFound()


def letter_posted_record(
    *,
    actor: User,
    req: InfoRequest,
    event_id: int,
    posted_on: date | None,
    today: date | None = None,
    now: datetime | None = None,
) -> None:
    """Record the day a letter owed to the requester was posted (or handed over)."""
    now = now or utcnow()
    ensure_visible(actor, req)
    if not is_staff_of(actor, req):
        raise NotFound()
    letter = post_letter(req, event_id)
    if posted_on is None:
        raise DomainError(_l("Give the day the letter was posted."), field="posted_on")
    today = today or now.astimezone(UTC).date()
    if posted_on > today:
        raise DomainError(_l("The day of posting cannot be in the future."), field="posted_on")
    if posted_on < letter.event.at.date() - timedelta(days=1):
        raise DomainError(
            _l("The letter cannot have been posted before it was written."), field="posted_on"
        )
    if letter.is_posted:
        raise DomainError(_l("This letter's posting is recorded already."), field="posted_on")
    judged: dict[str, Any] = {}  # the event's data, stored as JSON
    if letter.kind == "receipt":  # the statistics count a receipt posted in time as sent
        in_time = receipt_posted_in_time(req, posted_on)
        judged["acknowledgement"] = POSTED_IN_TIME if in_time else "late"
    with transaction():
        record(
            req,
            EventKind.LETTER_POSTED,
            actor=actor,
            visibility=REQUESTER,
            event_id=event_id,
            letter=letter.kind,
            posted_on=posted_on.isoformat(),
            **judged,
            at=now,
        )


def waiting_letters(req: InfoRequest) -> list[PostLetter]:
    """Return the letters still waiting to be posted."""
    return [letter for letter in letters_to_post(req) if not letter.is_posted]
