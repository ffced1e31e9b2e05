"""Bulk actions from the officer's queue: one action on many requests, each on its own.

Each selected request goes through the same single-request service its own page calls (which
checks the permission with ``ensure_allowed``), each in its own transaction: a request
refused for its own reason (its extension already used, claimed by a colleague, not answered
yet) is listed with that reason and left exactly as it was, and the others are done.

The selection is ticked references or "all matching this filter", which re-runs the queue's
own selector (capped at ``FOI_BULK_MAX``). A request the officer may not see is never touched:
it is not part of a filter's selection, and a reference that is not theirs (typed into a
tampered form) is reported "not found", as if it did not exist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

from foi.models import InfoRequest, User
from foi.models.reply import CLARIFY, EXTEND, MESSAGE, ReplyTemplate
from foi.models.user import COORDINATOR
from foi.services import answering, claims, publishing
from foi.services.errors import DomainError, NotFound
from foi.services.permissions import Action
from foi.services.replies import replies_of_kind, reply_text
from foi.services.selectors import officer_queue_matching, request_for_staff


@dataclass(frozen=True)
class BulkAction:
    """One bulk action: the permission its service checks, its name, and who may pick it."""

    action: Action
    label: Any
    coordinator_only: bool = False


#: The actions the queue offers, in the order of its menu.
BULK_ACTIONS: dict[str, BulkAction] = {
    "claim": BulkAction(Action.CLAIM, _l("Claim them")),
    "assign": BulkAction(Action.ASSIGN, _l("Assign to a colleague"), coordinator_only=True),
    "route": BulkAction(Action.ROUTE, _l("Route to a department")),
    "note": BulkAction(Action.NOTE, _l("Add an internal note")),
    "extend": BulkAction(Action.EXTEND, _l("Extend the deadline")),
    "message": BulkAction(Action.MESSAGE, _l("Send the requesters a standard message")),
    # A standard question: the clock waits for each requester's answer.
    "clarify": BulkAction(
        Action.ASK_CLARIFICATION, _l("Ask the requesters a standard clarification question")
    ),
    "approve": BulkAction(Action.PUBLISH, _l("Approve for publication"), coordinator_only=True),
}


def bulk_actions_for(user: User) -> list[str]:
    """Return the bulk actions ``user``'s role can ever take, in the menu's order."""
    return [
        name
        for name, spec in BULK_ACTIONS.items()
        if not spec.coordinator_only or user.role == COORDINATOR
    ]


@dataclass(frozen=True)
class BulkOutcome:
    """What happened to one request: done (with a note, maybe), or refused and why."""

    reference: str
    done: bool
    reason: Any = None  # a lazy string: said in the reader's language when shown
    note: Any = None
    known: bool = True  # False: no request of the officer's agency has this reference


@dataclass
class BulkResult:
    """What a bulk action did, request by request, and whether the selection was capped."""

    action: str
    outcomes: list[BulkOutcome] = field(default_factory=list)
    matching: int | None = None  # how many matched the filter ("all matching" only)
    capped: bool = False

    @property
    def done(self) -> list[BulkOutcome]:
        """Return the requests the action was done to."""
        return [o for o in self.outcomes if o.done]

    @property
    def refused(self) -> list[BulkOutcome]:
        """Return the requests refused, each with its reason."""
        return [o for o in self.outcomes if not o.done]


@dataclass(frozen=True)
class BulkSelection:
    """The requests a bulk action is to take, and the references that named none of them."""

    requests: list[InfoRequest]
    missing: list[str]
    matching: int | None = None
    capped: bool = False


def bulk_selection(
    actor: User,
    *,
    references: Sequence[str] = (),
    filters: dict[str, Any] | None = None,
    now: datetime,
    limit: int,
) -> BulkSelection:
    """Return the requests named by ``references``, or all matching ``filters``, up to ``limit``.

    With ``filters`` (the queue's: status, assignee, urgent, q, due, department) the queue's
    selector is run again on the server, so the selection is what the filter matches now.
    References the actor may not see are returned as missing, never as requests.
    """
    if filters is not None:
        found, total = officer_queue_matching(actor, now=now, limit=limit, **filters)
        return BulkSelection(found, [], matching=total, capped=total > limit)
    wanted = list(dict.fromkeys(r.strip() for r in references if r and r.strip()))
    capped = len(wanted) > limit
    found, missing = [], []
    for reference in wanted[:limit]:
        try:
            found.append(request_for_staff(actor, reference[:40]))
        except NotFound:
            missing.append(reference[:40])
    return BulkSelection(found, missing, capped=capped)


def _template(actor: User, template_id: int | None, kind: str, field_name: str) -> ReplyTemplate:
    """Return the actor's agency's standard reply ``template_id`` of ``kind``, or refuse."""
    for template in replies_of_kind(actor.agency_id, kind):
        if template.id == template_id:
            return template
    raise DomainError(_l("Choose one of your agency's standard replies."), field=field_name)


def _published_note(done: publishing.Publication) -> Any:
    if not done.held:
        return None
    return lazy_ngettext(
        "%(num)d file is held for review and is not public yet.",
        "%(num)d files are held for review and are not public yet.",
        len(done.held),
    )


def _caller(actor: User, action: str, params: dict[str, Any]) -> Callable[[InfoRequest], Any]:
    """Return the single-request service call for ``action``, its shared arguments checked.

    Routing is not here: ``requests_bulk_act`` routes with one summary e-mail for the batch.
    """
    if action == "claim":
        return lambda req: claims.request_claim(actor=actor, req=req)
    if action == "assign":
        assignee_id = params.get("assignee_id") or None
        return lambda req: answering.request_assign(actor=actor, req=req, assignee_id=assignee_id)
    if action == "note":
        text = params.get("text") or ""
        return lambda req: answering.request_note(actor=actor, req=req, text=text)
    if action == "extend":
        days = int(params.get("days") or 0)
        if params.get("reply_id"):
            reason_template = _template(actor, params["reply_id"], EXTEND, "extend_reply")
            # Each requester reads the standard reason in their request's language.
            return lambda req: answering.request_extend(
                actor=actor, req=req, days=days, reason=reply_text(reason_template, req)
            )
        reason = params.get("reason") or ""
        return lambda req: answering.request_extend(actor=actor, req=req, days=days, reason=reason)
    if action == "message":
        template = _template(actor, params.get("reply_id"), MESSAGE, "message_reply")
        # Filled from each request, in its language: its reference, due date, the article.
        return lambda req: answering.request_message(
            actor=actor, req=req, text=reply_text(template, req)
        )
    if action == "clarify":
        template = _template(actor, params.get("reply_id"), CLARIFY, "clarify_reply")
        return lambda req: answering.request_ask_clarification(
            actor=actor, req=req, question=reply_text(template, req)
        )
    if action == "approve":
        return lambda req: _published_note(publishing.response_approve(actor=actor, req=req))
    raise NotFound()


def requests_bulk_act(
    *, actor: User, action: str, selection: BulkSelection, params: dict[str, Any]
) -> BulkResult:
    """Take ``action`` on each selected request in turn, each in its own transaction.

    ``params`` are the action's fields (assignee_id, department_id, text, days, reason,
    reply_id). A shared field that is wrong for all (a standard reply of another agency)
    raises DomainError before anything is done; a request's own refusal is its outcome.
    """
    if action not in bulk_actions_for(actor):
        raise DomainError(_l("Choose an action."), field="action")
    # Routed in bulk, a department hears of the batch once: one summary to each member, not one
    # e-mail per request (their inboxes would fill with dozens at once).
    routed: list[tuple[InfoRequest, int]] = []
    department_id = params.get("department_id") or None

    def route(req: InfoRequest) -> None:
        event_id = claims.request_route(
            actor=actor, req=req, department_id=department_id, notify=False
        )
        if department_id and event_id is not None:
            routed.append((req, event_id))

    call = route if action == "route" else _caller(actor, action, params)
    result = BulkResult(action, matching=selection.matching, capped=selection.capped)
    for req in selection.requests:
        reference = req.reference
        try:
            # The service checks ``ensure_allowed(actor, req, permission)`` first thing, and
            # says best why not (a claim names the colleague who has it).
            note = call(req)
        except DomainError as exc:
            result.outcomes.append(BulkOutcome(reference, False, reason=exc.message))
        else:
            result.outcomes.append(BulkOutcome(reference, True, note=note))
    result.outcomes.extend(
        BulkOutcome(reference, False, reason=NotFound().message, known=False)
        for reference in selection.missing
    )
    if routed and department_id:
        claims.department_routed_summary(actor=actor, department_id=department_id, routed=routed)
    return result
