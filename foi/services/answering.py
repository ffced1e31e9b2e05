"""What officers do with a request in their queue."""

from collections.abc import Sequence
from datetime import datetime

import nh3
from flask_babel import lazy_gettext as _l

from foi.extensions import db
from foi.law import LawError
from foi.models import Agency, InfoRequest, RequestTransfer, Response, User
from foi.models.base import utcnow
from foi.models.document import FROM_AGENCY
from foi.models.request import INTERNAL, PUBLIC, REQUESTER
from foi.requests.states import EventKind, Outcome, request_transition
from foi.services.db import transaction
from foi.services.deadlines import law_pack, refresh_due
from foi.services.errors import DomainError
from foi.services.filing import documents_add, store_uploads
from foi.services.history import notify_requester, notify_staff, record
from foi.services.law_messages import law_message
from foi.services.ocr import documents_ocr_enqueue
from foi.services.permissions import Action, ensure_allowed
from foi.services.publishing import publish_if_automatic


def clean_text(text: str) -> str:
    """Strip every HTML tag: answers and notes are plain text shown escaped."""
    return nh3.clean(text.strip(), tags=set()) if "<" in text else text.strip()


def request_assign(
    *, actor: User, req: InfoRequest, assignee_id: int | None, now: datetime | None = None
) -> None:
    """Give the request to a colleague of the same agency (or to nobody)."""
    now = now or utcnow()
    ensure_allowed(actor, req, Action.ASSIGN)
    assignee = db.session.get(User, assignee_id) if assignee_id else None
    if assignee_id and (
        assignee is None or assignee.agency_id != req.agency_id or not assignee.is_staff
    ):
        raise DomainError(_l("Choose a colleague from your agency."), field="assignee_id")
    with transaction():
        req.assignee = assignee
        record(
            req,
            EventKind.ASSIGNED,
            actor=actor,
            visibility=INTERNAL,
            assignee=assignee.display_name if assignee else None,
            at=now,
        )
        if assignee and assignee.id != actor.id:
            notify_staff(req, "assigned", f":{now:%Y%m%d%H%M%S}", people=[assignee])


def request_note(*, actor: User, req: InfoRequest, text: str, now: datetime | None = None) -> None:
    """Add an internal note: only the agency's staff ever see it."""
    now = now or utcnow()
    ensure_allowed(actor, req, Action.NOTE)
    text = clean_text(text)
    if not text:
        raise DomainError(_l("Write the note first."), field="text")
    with transaction():
        record(req, EventKind.NOTE, actor=actor, visibility=INTERNAL, text=text, at=now)


def request_message(
    *, actor: User, req: InfoRequest, text: str, now: datetime | None = None
) -> None:
    """Write to the requester (e-mailed, or a letter to post); the clock is not touched."""
    now = now or utcnow()
    ensure_allowed(actor, req, Action.MESSAGE)
    text = clean_text(text)
    if not text:
        raise DomainError(_l("Write the message first."), field="text")
    with transaction():
        request_transition(req, EventKind.MESSAGE_SENT)
        event = record(
            req, EventKind.MESSAGE_SENT, actor=actor, visibility=REQUESTER, text=text, at=now
        )
        db.session.flush()
        notify_requester(req, "message", f":{event.id}", message=text)


def request_transfer(
    *, actor: User, req: InfoRequest, agency_id: int, reason: str, now: datetime | None = None
) -> None:
    """Send the request to the agency that holds the information; tell the requester."""
    now = now or utcnow()
    ensure_allowed(actor, req, Action.TRANSFER)
    target = db.session.get(Agency, agency_id)
    if target is None or not target.active or target.id == req.agency_id:
        raise DomainError(_l("Choose another, active agency."), field="agency_id")
    reason = clean_text(reason)
    if not reason:
        raise DomainError(_l("Explain why the other agency holds the information."), field="reason")
    with transaction():
        old = req.agency
        db.session.add(
            RequestTransfer(request=req, from_agency_id=old.id, to_agency_id=target.id, at=now)
        )
        req.agency = target
        req.assignee = None
        req.department = None  # the old agency's departments are not the new one's
        request_transition(req, EventKind.TRANSFERRED)
        record(
            req,
            EventKind.TRANSFERRED,
            actor=actor,
            visibility=PUBLIC,
            text=reason,
            from_agency=old.name_az,
            to_agency=target.name_az,
            to_agency_id=target.id,
            at=now,
        )
        result = refresh_due(req)
        notify_requester(
            req,
            "transferred",
            f":{target.id}",
            old_agency=old,
            reason=reason,
            explanation=result.explain(req.requester_locale),
        )
        # A requester without e-mail was told nothing yet: the new agency posts the letter.
        notify_staff(
            req, "new_request", f":t{target.id}", transfer_letter_to_post=req.answers_by_post
        )


def request_ask_clarification(
    *, actor: User, req: InfoRequest, question: str, now: datetime | None = None
) -> None:
    """Ask the requester what is missing; the clock waits for the answer."""
    now = now or utcnow()
    ensure_allowed(actor, req, Action.ASK_CLARIFICATION)
    question = clean_text(question)
    if not question:
        raise DomainError(_l("Write what the requester should clarify."), field="question")
    with transaction():
        request_transition(req, EventKind.CLARIFICATION_REQUESTED)
        event = record(
            req,
            EventKind.CLARIFICATION_REQUESTED,
            actor=actor,
            visibility=REQUESTER,
            text=question,
            at=now,
        )
        refresh_due(req)
        db.session.flush()
        notify_requester(req, "clarification", f":{event.id}", question=question)


def request_clarify(
    *, requester: User, req: InfoRequest, text: str, now: datetime | None = None
) -> None:
    """Answer the agency's question; the clock restarts as the law says."""
    now = now or utcnow()
    ensure_allowed(requester, req, Action.CLARIFY)
    text = clean_text(text)
    if not text:
        raise DomainError(_l("Write your answer to the agency's question."), field="text")
    with transaction():
        request_transition(req, EventKind.CLARIFICATION_RECEIVED)
        event = record(
            req,
            EventKind.CLARIFICATION_RECEIVED,
            actor=requester,
            visibility=REQUESTER,
            text=text,
            at=now,
        )
        refresh_due(req)
        db.session.flush()
        notify_staff(req, "clarified", f":{event.id}")


def request_extend(
    *, actor: User, req: InfoRequest, days: int, reason: str, now: datetime | None = None
) -> None:
    """Extend the deadline within the law's ceiling and tell the requester why."""
    now = now or utcnow()
    ensure_allowed(actor, req, Action.EXTEND)
    reason = clean_text(reason)
    if not reason:
        raise DomainError(_l("Give the reason the law requires for an extension."), field="reason")
    if days < 1:
        raise DomainError(_l("Extend by at least one working day."), field="days")
    with transaction():
        request_transition(req, EventKind.EXTENDED)
        event = record(
            req, EventKind.EXTENDED, actor=actor, visibility=PUBLIC, text=reason, days=days, at=now
        )
        try:
            result = refresh_due(req)
        except LawError as exc:
            raise DomainError(law_message(exc), field="days", code=exc.code) from exc
        db.session.flush()
        notify_requester(
            req,
            "extended",
            f":{event.id}",
            reason=reason,
            explanation=result.explain(req.requester_locale),
        )


def request_answer(
    *,
    actor: User,
    req: InfoRequest,
    outcome: str,
    text: str,
    grounds: Sequence[str] = (),
    uploads=(),
    now: datetime | None = None,
) -> Response:
    """Answer the request; publish at once if the agency publishes on answer."""
    now = now or utcnow()
    ensure_allowed(actor, req, Action.ANSWER)
    if outcome not in tuple(Outcome):
        raise DomainError(_l("Choose the outcome."), field="outcome")
    text = clean_text(text)
    if not text:
        raise DomainError(_l("Write the answer to the requester."), field="text")
    known = {g.code for g in law_pack(req.agency.law_code).refusal_grounds}
    grounds = [g for g in grounds if g]
    if outcome == Outcome.REFUSED and not grounds:
        raise DomainError(_l("A refusal must cite its legal grounds."), field="grounds")
    if any(g not in known for g in grounds):
        raise DomainError(_l("Choose grounds from the list."), field="grounds")
    stored = store_uploads(uploads)
    with transaction() as session:
        # A request reopened by the oversight body has its first answer: the new one replaces
        # it (the first stays in the history, with the decision that reopened the request).
        response = req.response or Response(request=req)
        response.outcome, response.body, response.public_body = outcome, text, None
        response.officer, response.answered_at = actor, now
        response.approved_by_id = response.approved_at = None
        response.grounds = grounds
        session.add(response)
        documents = documents_add(req, stored, source=FROM_AGENCY, uploader=actor)
        request_transition(req, EventKind.ANSWERED)
        req.outcome, req.answered_at = outcome, now
        record(
            req,
            EventKind.ANSWERED,
            actor=actor,
            visibility=PUBLIC,
            outcome=outcome,
            grounds=grounds,
            at=now,
        )
        session.flush()
        notify_requester(req, "answered")
        publish_if_automatic(req, actor, now=now)
    documents_ocr_enqueue(documents, user=actor)
    return response
