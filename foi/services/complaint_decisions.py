"""The oversight body extends a complaint's time once, and decides it.

An upheld complaint reopens the request with a new deadline for the agency (Constitutional
Law on the Ombudsman, art. 13-1).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask_babel import lazy_gettext as _l

from foi.law import ExtensionNotAllowed
from foi.models import Complaint, InfoRequest, User
from foi.models.base import utcnow
from foi.models.complaint import (
    COMPLAINT_OUTCOMES,
    DECIDED,
    EXTENDED,
    PARTLY_UPHELD,
    UPHELD,
)
from foi.models.request import PUBLIC, REQUESTER
from foi.requests.states import EventKind, request_transition
from foi.services.answering import clean_text
from foi.services.complaints import complaint_clock
from foi.services.db import transaction
from foi.services.deadlines import law_calendar, law_pack, refresh_due, request_law
from foi.services.errors import DomainError, NotAllowed
from foi.services.history import agency_staff, notify_requester, notify_staff, record
from foi.services.law_messages import law_message
from foi.services.permissions import Action, ensure_allowed, ensure_transition
from foi.services.search_index import index_request


def complaint_extend(
    *, actor: User, complaint: Complaint, reason: str, now: datetime | None = None
) -> Complaint:
    """Extend the time to decide once, with written reasons (Ombudsman law art. 13-1.1)."""
    ensure_allowed(actor, complaint.request, Action.DECIDE_COMPLAINT)
    now = now or utcnow()
    if complaint.status == DECIDED:
        raise NotAllowed(_l("This complaint is decided already."))
    if complaint.status == EXTENDED:
        raise NotAllowed(_l("The time to decide can be extended only once."))
    if complaint.due_at < now:
        raise NotAllowed(_l("The time to decide has run out; it can no longer be extended."))
    reason = clean_text(reason or "")
    if not reason:
        raise DomainError(
            _l("Give the reason for the extension; the requester is told."), field="reason"
        )
    try:
        clock = complaint_clock(complaint.request, complaint.lodged_at, extended=True)
    except ExtensionNotAllowed as exc:
        raise NotAllowed(law_message(exc), code=exc.code) from exc
    with transaction():
        complaint.status, complaint.extended_at = EXTENDED, now
        complaint.due_at = clock.due_at
        record(
            complaint.request,
            EventKind.COMPLAINT_EXTENDED,
            actor=actor,
            visibility=REQUESTER,
            at=now,
            text=reason,
            complaint_id=complaint.id,
            due_at=clock.due_at.isoformat(),
            article=clock.article,
        )
        notify_requester(
            complaint.request,
            "complaint_extended",
            f":{complaint.id}",
            complaint=complaint,
            reason=reason,
            oversight=law_pack(request_law(complaint.request)).oversight,
            article=clock.article,
        )
    return complaint


def complaint_decide(
    *,
    actor: User,
    complaint: Complaint,
    outcome: str,
    decision: str,
    answer_by: date | None = None,
    now: datetime | None = None,
) -> Complaint:
    """Record the oversight body's decision, stop its clock and make the decision take effect.

    Upheld, in full or in part: the request is open again (``reopened`` in the state machine)
    and the agency must answer by ``answer_by``, the date the decision sets, or else within
    the law's own period counted from the decision (AZ art. 24.1, as from a new registration).
    The agency's officers and coordinators and the requester are e-mailed; the decision and
    its article join the request's public history. Rejected: the requester is told why.
    """
    req = complaint.request
    ensure_allowed(actor, req, Action.DECIDE_COMPLAINT)
    now = now or utcnow()
    if complaint.status == DECIDED:
        raise NotAllowed(_l("This complaint is decided already."))
    if outcome not in COMPLAINT_OUTCOMES:
        raise DomainError(_l("Choose the outcome."), field="outcome")
    decision = clean_text(decision or "")
    if not decision:
        raise DomainError(_l("Write the decision and its reasons."), field="decision")
    upheld = outcome in (UPHELD, PARTLY_UPHELD)
    calendar = law_calendar(request_law(req))
    if answer_by is not None and not upheld:
        raise DomainError(
            _l("Only an upheld complaint sets a date for the answer."), field="answer_by"
        )
    if answer_by is not None and answer_by <= calendar.local(now).date():
        raise DomainError(_l("Choose a date after today for the answer."), field="answer_by")
    if upheld:
        ensure_transition(req, EventKind.REOPENED)
    article = law_pack(request_law(req)).oversight.article
    was_public = req.is_public
    with transaction():
        complaint.status, complaint.outcome = DECIDED, outcome
        complaint.decision, complaint.decided_at, complaint.decided_by = decision, now, actor
        record(
            req,
            EventKind.COMPLAINT_DECIDED,
            actor=actor,
            # The oversight body's decision is an official act: public once the request is.
            visibility=PUBLIC,
            at=now,
            text=decision,
            complaint_id=complaint.id,
            outcome=outcome,
            late=now > complaint.due_at,
            article=article,
        )
        explanation = ""
        if upheld:
            explanation = _reopen(req, complaint, actor, now, answer_by, article, was_public)
        _notify_decision(req, complaint, explanation)
    return complaint


def _reopen(
    req: InfoRequest,
    complaint: Complaint,
    actor: User,
    now: datetime,
    answer_by: date | None,
    article: str,
    was_public: bool,
) -> str:
    """Open the request again with the decision's deadline; return how the date was counted."""
    previous: dict[str, Any] = {}  # the event's data, stored as JSON
    if req.answered_at is not None:
        # The first answer stays on record in the history; the new one will replace it.
        previous = {
            "previous_outcome": req.outcome,
            "previous_answered_at": req.answered_at.isoformat(),
        }
    request_transition(req, EventKind.REOPENED)
    req.outcome, req.answered_at, req.published_at = None, None, None
    record(
        req,
        EventKind.REOPENED,
        actor=actor,
        visibility=PUBLIC,
        at=now,
        complaint_id=complaint.id,
        complaint_outcome=complaint.outcome,
        until=answer_by.isoformat() if answer_by else None,
        article=article,
        **previous,
    )
    result = refresh_due(req, strict=False)
    if was_public:
        index_request(req, now=now)  # out of the archive until the new answer is published
    return result.explain(req.requester_locale)


def _notify_decision(req: InfoRequest, complaint: Complaint, explanation: str) -> None:
    """E-mail the requester, and the agency's staff when the decision obliges them."""
    notify_requester(
        req,
        "complaint_decided",
        f":{complaint.id}",
        complaint=complaint,
        explanation=explanation,
        oversight=law_pack(request_law(req)).oversight,
    )
    if complaint.outcome in (UPHELD, PARTLY_UPHELD):
        notify_staff(
            req,
            "complaint_upheld",
            f":{complaint.id}",
            people=agency_staff(req.agency_id),
            complaint=complaint,
            explanation=explanation,
            oversight=law_pack(request_law(req)).oversight,
        )
