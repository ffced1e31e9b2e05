"""The request's life as one state machine: its statuses, outcomes and the allowed moves.

What a request *is* (awaiting, answered, published...) is stored in ``info_request.status``
for queries, but only this module changes it: a service records an event and calls
:func:`request_transition` with the event's kind, which checks that the move is allowed from
the request's current status and applies it. Events that do not change the status (a note, an
extension, a redaction) are listed too, with the statuses they are allowed in, so permissions
(``foi.services.permissions``) and pages read one table.

The enums are ``StrEnum``: each member equals the string stored in the database, so rows
written before the enums existed keep working and need no migration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from foi.law.events import EventKind
from foi.law.rules import RulePack

__all__ = [
    "OPEN",
    "TRANSITIONS",
    "EventKind",
    "Outcome",
    "RequestStatus",
    "Transition",
    "TransitionNotAllowed",
    "check_transition",
    "is_allowed",
    "request_transition",
    "transitions_table",
]


def gettext_noop(message: str) -> str:
    """Mark ``message`` for extraction; the service layer translates it for its reader."""
    return message


class RequestStatus(StrEnum):
    """Where a request is in its life (stored in ``info_request.status``)."""

    # Filed before the account's e-mail address was confirmed: not with the agency, no clock,
    # seen by its requester only; filed (to AWAITING) when the address is confirmed.
    HELD = "held"
    AWAITING = "awaiting"  # with the agency, clock running
    CLARIFICATION = "clarification"  # waiting for the requester to clarify; clock paused
    ANSWERED = "answered"  # answered, waiting for the coordinator to approve publication
    PUBLISHED = "published"  # answered and in the public archive
    CLOSED = "closed"  # answered, publication declined
    WITHDRAWN = "withdrawn"  # withdrawn by the requester before an answer


#: The statuses in which the agency still owes an answer (a tuple: SQL ``IN`` keeps its order).
OPEN: tuple[RequestStatus, ...] = (RequestStatus.AWAITING, RequestStatus.CLARIFICATION)
#: Every status, in the order of a request's life.
ALL: tuple[RequestStatus, ...] = tuple(RequestStatus)


class Outcome(StrEnum):
    """What the agency's answer gave (stored in ``info_request.outcome``)."""

    GIVEN = "given"
    PARTIAL = "partial"
    REFUSED = "refused"
    NOT_HELD = "not_held"


#: Outcomes a requester may complain about once answered (they withheld something).
REFUSALS: frozenset[Outcome] = frozenset({Outcome.REFUSED, Outcome.PARTIAL})


@dataclass(frozen=True)
class Transition:
    """One allowed move: an event of ``event`` kind in one of ``sources`` leads to ``target``.

    ``target`` None means the status stays what it was. ``None`` in ``sources`` stands for a
    request being created. ``refusal`` is the message (an English msgid, translated by the
    service) for a person who tries it in any other status; ``article`` names the rule pack's
    article that governs the move, when the law has one.
    """

    event: EventKind
    sources: frozenset[RequestStatus | None]
    target: RequestStatus | None
    refusal: str
    article: Callable[[RulePack], str] | None = None

    def next_status(self, current: RequestStatus | None) -> RequestStatus | None:
        """Return the status after the move from ``current``."""
        return self.target if self.target is not None else current


S = RequestStatus
_ANY = frozenset(RequestStatus) - {RequestStatus.HELD}  # any status the agency sees
_OPEN = frozenset(OPEN)
_CLOSED_MESSAGE = gettext_noop("This request is closed; nothing more can be done to it.")


def _period_article(name: str) -> Callable[[RulePack], str]:
    def article(pack: RulePack) -> str:
        period = getattr(pack, name)
        return period.article if period is not None else ""

    return article


TRANSITIONS: dict[EventKind, Transition] = {
    t.event: t
    for t in (
        Transition(
            EventKind.HELD,
            frozenset({None}),
            S.HELD,
            gettext_noop("This request is filed already."),
        ),
        Transition(
            EventKind.FILED,
            frozenset({None, S.HELD}),
            S.AWAITING,
            gettext_noop("This request is filed already."),
            lambda pack: pack.response.article,
        ),
        Transition(EventKind.ASSIGNED, _OPEN, None, _CLOSED_MESSAGE),
        Transition(EventKind.DEPARTMENT_ROUTED, _OPEN, None, _CLOSED_MESSAGE),
        Transition(EventKind.CLAIMED, _OPEN, None, _CLOSED_MESSAGE),
        Transition(EventKind.CLAIM_RELEASED, _OPEN, None, _CLOSED_MESSAGE),
        Transition(EventKind.NOTE, _ANY, None, _CLOSED_MESSAGE),
        Transition(
            EventKind.MESSAGE_SENT,
            frozenset({S.AWAITING, S.CLARIFICATION, S.ANSWERED, S.PUBLISHED, S.CLOSED}),
            None,
            gettext_noop("Its requester withdrew this request: nothing more is sent to them."),
        ),
        Transition(
            EventKind.TRANSFERRED,
            _OPEN,
            S.AWAITING,
            _CLOSED_MESSAGE,
            lambda pack: pack.transfer_article,
        ),
        Transition(
            EventKind.CLARIFICATION_REQUESTED,
            frozenset({S.AWAITING}),
            S.CLARIFICATION,
            gettext_noop("You can ask for clarification only while the request is open."),
            _period_article("clarification"),
        ),
        Transition(
            EventKind.CLARIFICATION_RECEIVED,
            frozenset({S.CLARIFICATION}),
            S.AWAITING,
            gettext_noop("The agency has not asked you anything."),
            lambda pack: pack.clarification_effect_article,
        ),
        Transition(
            EventKind.EXTENDED,
            frozenset({S.AWAITING}),
            None,
            gettext_noop("Only an open request can be extended."),
            _period_article("extension"),
        ),
        Transition(
            EventKind.ANSWERED,
            frozenset({S.AWAITING}),
            S.ANSWERED,
            gettext_noop("Only an open request can be answered."),
            lambda pack: pack.refusal_article,
        ),
        Transition(
            EventKind.ANSWER_REDACTED,
            frozenset({S.ANSWERED}),
            None,
            gettext_noop("Passages can be removed while the answer waits for publication."),
        ),
        Transition(
            EventKind.FILE_REDACTED,
            frozenset({S.ANSWERED, S.PUBLISHED}),
            None,
            gettext_noop("Files can be redacted once the request is answered."),
        ),
        Transition(
            EventKind.PUBLISHED,
            frozenset({S.ANSWERED}),
            S.PUBLISHED,
            gettext_noop("Only an answered request waiting for approval can be published."),
        ),
        Transition(
            EventKind.PUBLICATION_DECLINED,
            frozenset({S.ANSWERED}),
            S.CLOSED,
            gettext_noop("Only an answered request waiting for approval can be declined."),
        ),
        Transition(
            EventKind.WITHDRAWN,
            _OPEN,
            S.WITHDRAWN,
            gettext_noop("Only a request that has not been answered can be withdrawn."),
        ),
        Transition(
            EventKind.REOPENED,
            _OPEN | {S.ANSWERED, S.PUBLISHED, S.CLOSED},
            S.AWAITING,
            gettext_noop("Only a request the agency received can be reopened."),
            lambda pack: pack.oversight.article,
        ),
        Transition(
            EventKind.COMPLAINT_LODGED,
            _ANY - {S.WITHDRAWN},
            None,
            gettext_noop(
                "You can complain when the request is overdue, refused or partly refused."
            ),
            lambda pack: pack.oversight.article,
        ),
    )
}


class TransitionNotAllowed(Exception):
    """An event that the request's current status does not allow.

    ``message`` is an English msgid (the ``key``) that the service layer translates for the
    person who tried.
    """

    def __init__(self, event: EventKind, status: RequestStatus | None, message: str) -> None:
        super().__init__(message)
        self.event = event
        self.status = status
        self.message = message

    @property
    def key(self) -> str:
        """Return the message key (the English msgid) translations are looked up by."""
        return self.message


def _status(req: Any) -> RequestStatus | None:
    return RequestStatus(req.status) if req.status is not None else None


def is_allowed(status: RequestStatus | str | None, event: EventKind) -> bool:
    """Tell whether an event of kind ``event`` may happen to a request in ``status``."""
    transition = TRANSITIONS.get(event)
    if transition is None:
        return True  # events that follow no rule of the request's life (reminders, files)
    return (RequestStatus(status) if status is not None else None) in transition.sources


def check_transition(req: Any, event: EventKind) -> Transition | None:
    """Raise TransitionNotAllowed unless ``req``'s status allows ``event``; return its rule."""
    transition = TRANSITIONS.get(event)
    if transition is None:
        return None
    status = _status(req)
    if status not in transition.sources:
        raise TransitionNotAllowed(event, status, transition.refusal)
    return transition


def request_transition(req: Any, event: EventKind) -> RequestStatus:
    """Check that ``event`` may happen to ``req`` now and move ``req`` to its next status.

    ``req`` is anything with a ``status`` attribute (an ``InfoRequest``): the only place in
    foi that assigns a request's status. Return the new status.
    """
    transition = check_transition(req, event)
    current = _status(req)
    new = transition.next_status(current) if transition is not None else current
    if new is not None and new != current:
        req.status = new
    return new


def transitions_table(pack: RulePack | None = None) -> str:
    """Return the state machine as a Markdown table: events × statuses → next status.

    docs/architecture.md holds this table; a test checks it matches, so it cannot go stale.
    """
    header = ["event", "(new)", *ALL, "law" + (f" ({pack.code})" if pack else "")]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for transition in TRANSITIONS.values():
        cells = [f"`{transition.event}`"]
        for source in (None, *ALL):
            if source in transition.sources:
                after = transition.next_status(source)
                cells.append("=" if after == source else f"→ {after}")
            else:
                cells.append("")
        article = transition.article(pack) if pack and transition.article else ""
        cells.append(article)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
