"""Complaints to the oversight body: lodge, extend once, decide (the second clock).

For Azerbaijan the oversight body is the Ombudsman (Law on the Right to Obtain Information,
art. 42.1.2), who examines a complaint within 10 working days, extendable once by 10 with
written notice (Constitutional Law on the Ombudsman, art. 13-1.1). Other laws bring their own
body and periods through their rule pack.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from foi.extensions import db
from foi.law import Deadlines, ExtensionNotAllowed, complaint_deadlines, complaint_window
from foi.models import Complaint, InfoRequest, User
from foi.models.base import utcnow
from foi.models.complaint import COMPLAINT_OUTCOMES, DECIDED, EXTENDED, LODGED, PENDING_STATUSES
from foi.models.request import OPEN_STATUSES, PARTIAL, REFUSED, REQUESTER
from foi.models.user import OMBUDSMAN
from foi.services.answering import clean_text
from foi.services.db import transaction
from foi.services.deadlines import law_calendar, law_pack, request_law
from foi.services.errors import DomainError, NotAllowed, NotFound
from foi.services.history import record
from foi.services.selectors import request_by_reference

OVERDUE = "overdue"
TEXT_MAX = 20000


@dataclass(frozen=True)
class ComplaintOption:
    """Whether the requester may complain now, on what ground, and until when."""

    ground: str | None  # overdue, refused, partial; None: nothing to complain about
    pending: Complaint | None  # a complaint the oversight body has not decided yet
    window: Deadlines | None  # the last moment to complain, when the law sets one
    window_closed: bool = False

    @property
    def allowed(self) -> bool:
        return self.ground is not None and self.pending is None and not self.window_closed


def complaint_ground(req: InfoRequest, now: datetime) -> str | None:
    """Return why the requester may complain: an overdue, refused or partly refused request."""
    if req.status in OPEN_STATUSES and req.due_at is not None and req.due_at < now:
        return OVERDUE
    if req.status not in OPEN_STATUSES and req.outcome in (REFUSED, PARTIAL):
        return req.outcome
    return None


def _window(req: InfoRequest, ground: str | None, now: datetime) -> Deadlines | None:
    """Return the time limit to complain, counted from the refusal or from the missed due date."""
    if ground is None:
        return None
    code = request_law(req)
    pack = law_pack(code)
    if pack.complaint_window is None:
        return None
    start = req.due_at if ground == OVERDUE else (req.answered_at or req.updated_at)
    return complaint_window(pack, law_calendar(code), start, now=now)


def complaint_option(req: InfoRequest, now: datetime | None = None) -> ComplaintOption:
    """Tell the requester's page whether and until when a complaint can be lodged."""
    now = now or utcnow()
    ground = complaint_ground(req, now)
    pending = next((c for c in req.complaints if c.status in PENDING_STATUSES), None)
    window = _window(req, ground, now)
    return ComplaintOption(ground, pending, window,
                           window_closed=window is not None and window.is_overdue(now))


def _complaint_clock(req: InfoRequest, lodged_at: datetime, extended: bool) -> Deadlines:
    code = request_law(req)
    try:
        return complaint_deadlines(law_pack(code), law_calendar(code), lodged_at,
                                   extended=extended)
    except LookupError as exc:
        raise NotAllowed(_l("This law sets no deadline for the oversight body.")) from exc


def complaint_lodge(*, requester: User, req: InfoRequest, text: str,
                    now: datetime | None = None) -> Complaint:
    """Lodge a complaint with the oversight body about an overdue or refused request."""
    if not requester.is_authenticated or req.requester_id != requester.id:
        raise NotFound()
    now = now or utcnow()
    option = complaint_option(req, now)
    if option.ground is None:
        raise NotAllowed(_l("You can complain when the request is overdue, refused or partly "
                            "refused."))
    if option.pending is not None:
        raise NotAllowed(_l("Your complaint is with the oversight body already."))
    if option.window_closed:
        raise NotAllowed(_l("The time limit for a complaint has passed."))
    text = clean_text(text or "")
    if not text:
        raise DomainError(_l("Say what you complain about."), field="text")
    if len(text) > TEXT_MAX:
        raise DomainError(_l("Keep the complaint under 20,000 characters."), field="text")
    clock = _complaint_clock(req, now, extended=False)
    with transaction() as session:
        complaint = Complaint(request=req, lodged_by=requester, lodged_at=now,
                              ground=option.ground, text=text, status=LODGED,
                              due_at=clock.due_at, decision="")
        session.add(complaint)
        session.flush()
        record(req, "complaint_lodged", actor=requester, visibility=REQUESTER, at=now,
               text=text, complaint_id=complaint.id, ground=option.ground,
               due_at=clock.due_at.isoformat(), article=clock.article)
    return complaint


def _ensure_oversight(actor: User) -> None:
    if not (actor.is_authenticated and actor.role == OMBUDSMAN):
        raise NotFound()


def complaint_extend(*, actor: User, complaint: Complaint, reason: str,
                     now: datetime | None = None) -> Complaint:
    """Extend the time to decide once, with written reasons (Ombudsman law art. 13-1.1)."""
    _ensure_oversight(actor)
    now = now or utcnow()
    if complaint.status == DECIDED:
        raise NotAllowed(_l("This complaint is decided already."))
    if complaint.status == EXTENDED:
        raise NotAllowed(_l("The time to decide can be extended only once."))
    if complaint.due_at < now:
        raise NotAllowed(_l("The time to decide has run out; it can no longer be extended."))
    reason = clean_text(reason or "")
    if not reason:
        raise DomainError(_l("Give the reason for the extension; the requester is told."),
                          field="reason")
    try:
        clock = _complaint_clock(complaint.request, complaint.lodged_at, extended=True)
    except ExtensionNotAllowed as exc:
        raise NotAllowed(_l("This law allows no extension of the time to decide.")) from exc
    with transaction():
        complaint.status, complaint.extended_at = EXTENDED, now
        complaint.due_at = clock.due_at
        record(complaint.request, "complaint_extended", actor=actor, visibility=REQUESTER,
               at=now, text=reason, complaint_id=complaint.id,
               due_at=clock.due_at.isoformat(), article=clock.article)
    return complaint


def complaint_decide(*, actor: User, complaint: Complaint, outcome: str, decision: str,
                     now: datetime | None = None) -> Complaint:
    """Record the oversight body's decision and stop its clock."""
    _ensure_oversight(actor)
    now = now or utcnow()
    if complaint.status == DECIDED:
        raise NotAllowed(_l("This complaint is decided already."))
    if outcome not in COMPLAINT_OUTCOMES:
        raise DomainError(_l("Choose the outcome."), field="outcome")
    decision = clean_text(decision or "")
    if not decision:
        raise DomainError(_l("Write the decision and its reasons."), field="decision")
    with transaction():
        complaint.status, complaint.outcome = DECIDED, outcome
        complaint.decision, complaint.decided_at, complaint.decided_by = decision, now, actor
        record(complaint.request, "complaint_decided", actor=actor, visibility=REQUESTER,
               at=now, text=decision, complaint_id=complaint.id, outcome=outcome,
               late=now > complaint.due_at)
    return complaint


# --- Reads for the oversight body -------------------------------------------------------------

def complaints_for_oversight(actor: User, *, pending_only: bool = False,
                             limit: int = 200) -> list[Complaint]:
    """Return complaints, undecided ones first by due date, then the latest decided."""
    _ensure_oversight(actor)
    pending = list(db.session.scalars(
        select(Complaint).where(Complaint.status.in_(PENDING_STATUSES))
        .order_by(Complaint.due_at, Complaint.id).limit(limit)))
    if pending_only:
        return pending
    decided = list(db.session.scalars(
        select(Complaint).where(Complaint.status == DECIDED)
        .order_by(Complaint.decided_at.desc()).limit(max(0, limit - len(pending)))))
    return pending + decided


def complaint_for_oversight(actor: User, complaint_id: int) -> Complaint:
    _ensure_oversight(actor)
    complaint = db.session.get(Complaint, complaint_id)
    if complaint is None:
        raise NotFound()
    return complaint


def request_for_oversight(actor: User, reference: str) -> InfoRequest:
    """Return any request for the oversight body's read-only dossier."""
    _ensure_oversight(actor)
    req = request_by_reference(reference)
    if req is None:
        raise NotFound()
    return req
