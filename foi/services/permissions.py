"""Who may do what with a request, decided once: ``allowed_actions(user, req)``.

An action is allowed when two things hold: the person's relation to the request (its
requester, staff or coordinator of its agency, the oversight body) lets them do it, and the
request's status allows the action's event (``foi.requests.states``). Services enforce it with
:func:`ensure_allowed`; views and templates only show what :func:`allowed_actions` returns.

Privacy by default: a person who may not see a request learns nothing about it (NotFound, a
404, never a 403), and so does one who sees it but whose role does not give the action (an
officer trying a coordinator's approval). A move the status refuses is a NotAllowed whose
message says why.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from flask_babel import lazy_gettext as _l

from foi.models.user import ADMIN, COORDINATOR, OMBUDSMAN, STAFF_ROLES
from foi.requests.states import (
    EventKind,
    RequestStatus,
    TransitionNotAllowed,
    check_transition,
    is_allowed,
)
from foi.services.errors import NotAllowed, NotFound


class Action(StrEnum):
    """Something a person can do with a request."""

    VIEW = "view"
    ASSIGN = "assign"  # give it to a colleague, or take it from one: the coordinator's
    ROUTE = "route"  # send it to one of the agency's departments
    CLAIM = "claim"  # take an unclaimed request on oneself
    RELEASE_CLAIM = "release_claim"  # give back a request one claimed, saying why
    NOTE = "note"
    MESSAGE = "message"  # write to the requester, with no effect on the clock
    TRANSFER = "transfer"
    ASK_CLARIFICATION = "ask_clarification"
    EXTEND = "extend"
    ANSWER = "answer"  # an answer of any outcome, a refusal included
    REDACT_ANSWER = "redact_answer"  # remove passages from the text to publish
    REDACT_FILES = "redact_files"
    PUBLISH = "publish"  # approve the answer for the archive
    DECLINE = "decline"  # keep the answer out of the archive
    REVIEW_FILES = "review_files"  # decide on held files; see their findings' details
    CLARIFY = "clarify"  # the requester answers the agency's question
    WITHDRAW = "withdraw"
    COMPLAIN = "complain"
    DECIDE_COMPLAINT = "decide_complaint"
    FLAG = "flag"  # ask the site's administrators to look at it (spam, abuse)
    MODERATE = "moderate"  # hide it (or a file) from the archive and the queue, or restore it
    WRITE_TO_AGENCY = "write_to_agency"  # the oversight body writes to the agency about it
    REPLY_TO_OVERSIGHT = "reply_to_oversight"  # the agency answers the oversight body's letter


class Role(StrEnum):
    """How a person stands to one request (not their account's role alone)."""

    REQUESTER = "requester"  # the citizen who filed it
    STAFF = "staff"  # an officer or coordinator of the agency that holds it
    COORDINATOR = "coordinator"  # a coordinator of that agency
    OVERSIGHT = "oversight"  # the oversight body (Ombudsman): every request, read-only
    MODERATOR = "moderator"  # a site administrator: decides flags, sees nothing else of it


#: Each action: the event it records (whose allowed statuses bound it) and who may do it.
RULES: dict[Action, tuple[EventKind | None, frozenset[Role]]] = {
    Action.VIEW: (None, frozenset({Role.REQUESTER, Role.STAFF, Role.OVERSIGHT})),
    Action.ASSIGN: (EventKind.ASSIGNED, frozenset({Role.COORDINATOR})),
    Action.ROUTE: (EventKind.DEPARTMENT_ROUTED, frozenset({Role.STAFF})),
    Action.CLAIM: (EventKind.CLAIMED, frozenset({Role.STAFF})),
    Action.RELEASE_CLAIM: (EventKind.CLAIM_RELEASED, frozenset({Role.STAFF})),
    Action.NOTE: (EventKind.NOTE, frozenset({Role.STAFF})),
    Action.MESSAGE: (EventKind.MESSAGE_SENT, frozenset({Role.STAFF})),
    Action.TRANSFER: (EventKind.TRANSFERRED, frozenset({Role.STAFF})),
    Action.ASK_CLARIFICATION: (EventKind.CLARIFICATION_REQUESTED, frozenset({Role.STAFF})),
    Action.EXTEND: (EventKind.EXTENDED, frozenset({Role.STAFF})),
    Action.ANSWER: (EventKind.ANSWERED, frozenset({Role.STAFF})),
    Action.REDACT_ANSWER: (EventKind.ANSWER_REDACTED, frozenset({Role.STAFF})),
    Action.REDACT_FILES: (EventKind.FILE_REDACTED, frozenset({Role.STAFF})),
    Action.PUBLISH: (EventKind.PUBLISHED, frozenset({Role.COORDINATOR})),
    Action.DECLINE: (EventKind.PUBLICATION_DECLINED, frozenset({Role.COORDINATOR})),
    Action.REVIEW_FILES: (None, frozenset({Role.COORDINATOR})),
    Action.CLARIFY: (EventKind.CLARIFICATION_RECEIVED, frozenset({Role.REQUESTER})),
    Action.WITHDRAW: (EventKind.WITHDRAWN, frozenset({Role.REQUESTER})),
    Action.COMPLAIN: (EventKind.COMPLAINT_LODGED, frozenset({Role.REQUESTER})),
    Action.DECIDE_COMPLAINT: (None, frozenset({Role.OVERSIGHT})),
    Action.FLAG: (EventKind.FLAGGED, frozenset({Role.STAFF, Role.OVERSIGHT, Role.MODERATOR})),
    Action.MODERATE: (EventKind.HIDDEN, frozenset({Role.MODERATOR})),
    Action.WRITE_TO_AGENCY: (EventKind.OVERSIGHT_LETTER, frozenset({Role.OVERSIGHT})),
    Action.REPLY_TO_OVERSIGHT: (EventKind.OVERSIGHT_REPLY, frozenset({Role.STAFF})),
}

#: Narrower rules for one status: once published, only the coordinator may still redact
#: a file (the copy goes public at once).
NARROWER: dict[tuple[Action, RequestStatus], frozenset[Role]] = {
    (Action.REDACT_FILES, RequestStatus.PUBLISHED): frozenset({Role.COORDINATOR}),
}


def _may_claim(user: Any, req: Any) -> bool:
    """Tell whether ``req`` is unclaimed and in ``user``'s reach.

    An officer of a department claims what is routed to it or to no department; an officer
    of no department and a coordinator claim anything of the agency.
    """
    if getattr(req, "assignee_id", None) is not None:
        return False
    routed_to = getattr(req, "department_id", None)
    mine = getattr(user, "department_id", None)
    return routed_to is None or mine is None or mine == routed_to or user.role == COORDINATOR


def _holds_claim(user: Any, req: Any) -> bool:
    """Tell whether ``user`` is the officer ``req`` is assigned to."""
    return getattr(req, "assignee_id", None) == user.id


#: Actions that depend on the request's own state beyond its status, with the reason a
#: person is given when they try one anyway.
CONDITIONS: dict[Action, tuple[Callable[[Any, Any], bool], Any]] = {
    Action.CLAIM: (
        _may_claim,
        _l("This request is already claimed, or routed to another department."),
    ),
    Action.RELEASE_CLAIM: (_holds_claim, _l("Only the officer who claimed it can release it.")),
}


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_requester(user: Any, req: Any) -> bool:
    """Tell whether ``user`` filed ``req``."""
    return _authenticated(user) and req.requester_id == user.id


def is_staff_of(user: Any, req: Any) -> bool:
    """Tell whether ``user`` is an officer or coordinator of the agency holding ``req``.

    A held request (its requester's address is not confirmed) has not reached the agency.
    """
    return (
        _authenticated(user)
        and user.role in STAFF_ROLES
        and user.agency_id == req.agency_id
        and req.status != RequestStatus.HELD
    )


def is_coordinator_of(user: Any, req: Any) -> bool:
    """Tell whether ``user`` coordinates the agency holding ``req``."""
    return is_staff_of(user, req) and user.role == COORDINATOR


def is_oversight(user: Any) -> bool:
    """Tell whether ``user`` speaks for the oversight body, which sees every request."""
    return _authenticated(user) and user.role == OMBUDSMAN


def roles_of(user: Any, req: Any) -> frozenset[Role]:
    """Return how ``user`` stands to ``req``: requester, staff, coordinator, oversight."""
    roles = set()
    if is_requester(user, req):
        roles.add(Role.REQUESTER)
    if is_staff_of(user, req):
        roles.add(Role.STAFF)
        if user.role == COORDINATOR:
            roles.add(Role.COORDINATOR)
    if is_oversight(user) and req.status != RequestStatus.HELD:
        roles.add(Role.OVERSIGHT)
    if _authenticated(user) and user.role == ADMIN:
        roles.add(Role.MODERATOR)
    return frozenset(roles)


def _who(action: Action, status: RequestStatus | None) -> frozenset[Role]:
    _event, who = RULES[action]
    return NARROWER.get((action, status), who) if status is not None else who


def allowed_actions(user: Any, req: Any) -> set[Action]:
    """Return every action ``user`` may take on ``req`` in its current status."""
    roles = roles_of(user, req)
    if not roles:
        return set()
    status = RequestStatus(req.status) if req.status is not None else None
    allowed = set()
    for action, (event, _) in RULES.items():
        if not roles & _who(action, status):
            continue
        if action in CONDITIONS and not CONDITIONS[action][0](user, req):
            continue
        if event is None or is_allowed(status, event):
            allowed.add(action)
    return allowed


def ensure_visible(user: Any, req: Any) -> None:
    """Raise NotFound unless ``user`` may see ``req`` at all."""
    if req is None or not roles_of(user, req) & RULES[Action.VIEW][1]:
        raise NotFound()


def ensure_allowed(user: Any, req: Any, action: Action) -> None:
    """Raise unless ``user`` may take ``action`` on ``req`` now.

    NotFound when the person may not see the request or their role does not give the action
    (they learn nothing); NotAllowed, with the state machine's reason, when only the status
    refuses it.
    """
    roles = roles_of(user, req) if req is not None else frozenset()
    # Administrators see no request's pages, but moderate every one.
    if not roles & (RULES[Action.VIEW][1] | {Role.MODERATOR}):
        raise NotFound()
    status = RequestStatus(req.status) if req.status is not None else None
    event, who = RULES[action]
    if roles & _who(action, status):
        if event is not None:
            ensure_transition(req, event)
        if action in CONDITIONS and not CONDITIONS[action][0](user, req):
            raise NotAllowed(CONDITIONS[action][1])
        return
    if event is not None and roles & who and not is_allowed(status, event):
        ensure_transition(req, event)  # the status is the reason: say so
    raise NotFound()


def transition_refused(exc: TransitionNotAllowed) -> NotAllowed:
    """Return the domain error for a refused move, translated for whoever reads it."""
    # The key is an English msgid marked in foi.requests.states; lazy, so the reader's
    # language is used when the page or the API problem is rendered.
    return NotAllowed(_l(exc.key))


def ensure_transition(req: Any, event: EventKind) -> None:
    """Raise NotAllowed unless the request's status allows an event of kind ``event``."""
    try:
        check_transition(req, event)
    except TransitionNotAllowed as exc:
        raise transition_refused(exc) from exc


#: The people the documentation's table shows, each a stand-in with a role and an agency.
SAMPLE_PEOPLE: tuple[tuple[str, dict[str, Any]], ...] = (
    ("requester", {"id": 1, "role": "citizen", "agency_id": None}),
    ("other citizen", {"id": 2, "role": "citizen", "agency_id": None}),
    ("officer of its agency", {"id": 3, "role": "officer", "agency_id": 10}),
    ("coordinator of its agency", {"id": 4, "role": COORDINATOR, "agency_id": 10}),
    ("staff of another agency", {"id": 5, "role": COORDINATOR, "agency_id": 11}),
    ("admin", {"id": 6, "role": "admin", "agency_id": None}),
    ("ombudsman", {"id": 7, "role": OMBUDSMAN, "agency_id": None}),
)


class _Sample:
    """A signed-in person or a request for the table, with just the fields permissions read."""

    is_authenticated = True

    def __init__(self, **fields: Any) -> None:
        self.__dict__.update(fields)


def permissions_table() -> str:
    """Return who may do what as a Markdown table: actions × people → statuses allowed.

    Computed by asking :func:`allowed_actions` about stand-in people and a request in each
    status; docs/architecture.md holds the table and a test checks it matches the code.
    """
    header = ["action", *(name for name, _fields in SAMPLE_PEOPLE)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for action in Action:
        cells = [f"`{action}`"]
        for _name, fields in SAMPLE_PEOPLE:
            person = _Sample(**fields)
            statuses = [
                status
                for status in RequestStatus
                if action
                in allowed_actions(person, _Sample(requester_id=1, agency_id=10, status=status))
            ]
            if len(statuses) == len(RequestStatus):
                cells.append("all")
            else:
                cells.append(", ".join(statuses) or "—")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
