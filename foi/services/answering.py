"""What officers do with a request in their queue."""
import nh3
from flask_babel import lazy_gettext as _l

from foi.extensions import db
from foi.law import LawError
from foi.models import Agency, Document, InfoRequest, Response, User
from foi.models.base import utcnow
from foi.models.document import FROM_AGENCY
from foi.models.request import (
    ANSWERED,
    AWAITING,
    CLARIFICATION,
    INTERNAL,
    OUTCOMES,
    PUBLIC,
    REFUSED,
    REQUESTER,
)
from foi.services.db import transaction
from foi.services.deadlines import law_pack, refresh_due
from foi.services.errors import DomainError, NotAllowed, NotFound
from foi.services.filing import store_uploads
from foi.services.history import notify_requester, notify_staff, record
from foi.services.publishing import publish_if_automatic


def ensure_staff_of(user: User, req: InfoRequest) -> None:
    """Let only officers of the request's agency act on it; others learn nothing (404)."""
    if not (user.is_authenticated and user.is_staff and user.agency_id == req.agency_id):
        raise NotFound()


def _ensure_open(req: InfoRequest) -> None:
    if not req.is_open:
        raise NotAllowed(_l("This request is closed; nothing more can be done to it."))


def clean_text(text: str) -> str:
    """Strip every HTML tag: answers and notes are plain text shown escaped."""
    return nh3.clean(text.strip(), tags=set()) if "<" in text else text.strip()


def request_assign(*, actor: User, req: InfoRequest, assignee_id: int | None) -> None:
    """Give the request to a colleague of the same agency (or to nobody)."""
    ensure_staff_of(actor, req)
    assignee = db.session.get(User, assignee_id) if assignee_id else None
    if assignee_id and (assignee is None or assignee.agency_id != req.agency_id
                        or not assignee.is_staff):
        raise DomainError(_l("Choose a colleague from your agency."), field="assignee_id")
    with transaction():
        req.assignee = assignee
        record(req, "assigned", actor=actor, visibility=INTERNAL,
               assignee=assignee.display_name if assignee else None)
        if assignee and assignee.id != actor.id:
            notify_staff(req, "assigned", f":{utcnow():%Y%m%d%H%M%S}", people=[assignee])


def request_note(*, actor: User, req: InfoRequest, text: str) -> None:
    """Add an internal note: only the agency's staff ever see it."""
    ensure_staff_of(actor, req)
    text = clean_text(text)
    if not text:
        raise DomainError(_l("Write the note first."), field="text")
    with transaction():
        record(req, "note", actor=actor, visibility=INTERNAL, text=text)


def request_transfer(*, actor: User, req: InfoRequest, agency_id: int, reason: str) -> None:
    """Send the request to the agency that holds the information; tell the requester."""
    ensure_staff_of(actor, req)
    _ensure_open(req)
    target = db.session.get(Agency, agency_id)
    if target is None or not target.active or target.id == req.agency_id:
        raise DomainError(_l("Choose another, active agency."), field="agency_id")
    reason = clean_text(reason)
    if not reason:
        raise DomainError(_l("Explain why the other agency holds the information."),
                          field="reason")
    with transaction():
        old = req.agency
        req.agency = target
        req.assignee = None
        req.status = AWAITING
        record(req, "transferred", actor=actor, visibility=PUBLIC, text=reason,
               from_agency=old.name_az, to_agency=target.name_az, to_agency_id=target.id)
        result = refresh_due(req)
        notify_requester(req, "transferred", f":{target.id}", old_agency=old,
                         explanation=result.explain(req.requester.locale))
        notify_staff(req, "new_request", f":t{target.id}")


def request_ask_clarification(*, actor: User, req: InfoRequest, question: str) -> None:
    """Ask the requester what is missing; the clock waits for the answer."""
    ensure_staff_of(actor, req)
    if req.status != AWAITING:
        raise NotAllowed(_l("You can ask for clarification only while the request is open."))
    question = clean_text(question)
    if not question:
        raise DomainError(_l("Write what the requester should clarify."), field="question")
    with transaction():
        req.status = CLARIFICATION
        event = record(req, "clarification_requested", actor=actor, visibility=REQUESTER,
                       text=question)
        refresh_due(req)
        db.session.flush()
        notify_requester(req, "clarification", f":{event.id}", question=question)


def request_clarify(*, requester: User, req: InfoRequest, text: str) -> None:
    """Answer the agency's question; the clock restarts as the law says."""
    if req.requester_id != requester.id:
        raise NotFound()
    if req.status != CLARIFICATION:
        raise NotAllowed(_l("The agency has not asked you anything."))
    text = clean_text(text)
    if not text:
        raise DomainError(_l("Write your answer to the agency's question."), field="text")
    with transaction():
        req.status = AWAITING
        event = record(req, "clarification_received", actor=requester, visibility=REQUESTER,
                       text=text)
        refresh_due(req)
        db.session.flush()
        notify_staff(req, "clarified", f":{event.id}")


def request_extend(*, actor: User, req: InfoRequest, days: int, reason: str) -> None:
    """Extend the deadline within the law's ceiling and tell the requester why."""
    ensure_staff_of(actor, req)
    if req.status != AWAITING:
        raise NotAllowed(_l("Only an open request can be extended."))
    reason = clean_text(reason)
    if not reason:
        raise DomainError(_l("Give the reason the law requires for an extension."),
                          field="reason")
    if days < 1:
        raise DomainError(_l("Extend by at least one working day."), field="days")
    with transaction():
        event = record(req, "extended", actor=actor, visibility=PUBLIC, text=reason, days=days)
        try:
            result = refresh_due(req)
        except LawError as exc:
            raise DomainError(str(exc), field="days") from exc
        db.session.flush()
        notify_requester(req, "extended", f":{event.id}",
                         explanation=result.explain(req.requester.locale))


def request_answer(*, actor: User, req: InfoRequest, outcome: str, text: str,
                   grounds: list[str] = (), uploads=()) -> Response:
    """Answer the request; publish at once if the agency publishes on answer."""
    ensure_staff_of(actor, req)
    if req.status != AWAITING:
        raise NotAllowed(_l("Only an open request can be answered."))
    if outcome not in OUTCOMES:
        raise DomainError(_l("Choose the outcome."), field="outcome")
    text = clean_text(text)
    if not text:
        raise DomainError(_l("Write the answer to the requester."), field="text")
    known = {g.code for g in law_pack(req.agency.law_code).refusal_grounds}
    grounds = [g for g in grounds if g]
    if outcome == REFUSED and not grounds:
        raise DomainError(_l("A refusal must cite its legal grounds."), field="grounds")
    if any(g not in known for g in grounds):
        raise DomainError(_l("Choose grounds from the list."), field="grounds")
    stored = store_uploads(uploads)
    now = utcnow()
    with transaction() as session:
        response = Response(request=req, outcome=outcome, body=text, officer=actor,
                            answered_at=now)
        response.grounds = grounds
        session.add(response)
        for item in stored:
            session.add(Document(request=req, source=FROM_AGENCY, sha256=item.sha256,
                                 filename=item.filename, mime=item.mime, size=item.size,
                                 uploaded_by_id=actor.id))
        req.status, req.outcome, req.answered_at = ANSWERED, outcome, now
        record(req, "answered", actor=actor, visibility=PUBLIC, outcome=outcome, grounds=grounds)
        session.flush()
        notify_requester(req, "answered")
        publish_if_automatic(req, actor)
    return response
