"""Complaints to the oversight body: whether one may be lodged, lodging it, the body's reads.

The second clock: extending and deciding are in ``complaint_decisions``.

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

from foi import links
from foi.extensions import db
from foi.law import Deadlines, complaint_deadlines, complaint_window
from foi.mail.outbox import enqueue
from foi.models import Complaint, InfoRequest, User
from foi.models.base import utcnow
from foi.models.complaint import (
    DECIDED,
    LODGED,
    PENDING_STATUSES,
)
from foi.models.request import REQUESTER
from foi.models.user import COORDINATOR, OMBUDSMAN
from foi.requests.states import OPEN, EventKind, Outcome
from foi.services.answering import clean_text
from foi.services.db import transaction
from foi.services.deadlines import law_calendar, law_pack, request_law
from foi.services.errors import DomainError, NotAllowed, NotFound
from foi.services.history import agency_staff, notify_requester, notify_staff, record
from foi.services.permissions import Action, ensure_allowed, is_oversight
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
        """Whether the requester may complain now: a ground, none pending, still in time."""
        return self.ground is not None and self.pending is None and not self.window_closed


def complaint_ground(req: InfoRequest, now: datetime) -> str | None:
    """Return why the requester may complain: an overdue, refused or partly refused request."""
    if req.status in OPEN and req.due_at is not None and req.due_at < now:
        return OVERDUE
    if req.status not in OPEN and req.outcome in (Outcome.REFUSED, Outcome.PARTIAL):
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
    if start is None:  # overdue without a due date: not reached, a paused clock is never late
        return None
    return complaint_window(pack, law_calendar(code), start, now=now)


def complaint_option(req: InfoRequest, now: datetime | None = None) -> ComplaintOption:
    """Tell the requester's page whether and until when a complaint can be lodged."""
    now = now or utcnow()
    ground = complaint_ground(req, now)
    pending = next((c for c in req.complaints if c.status in PENDING_STATUSES), None)
    window = _window(req, ground, now)
    return ComplaintOption(
        ground, pending, window, window_closed=window is not None and window.is_overdue(now)
    )


def complaint_clock(req: InfoRequest, lodged_at: datetime, extended: bool) -> Deadlines:
    """Return the oversight body's deadlines for a complaint lodged at ``lodged_at``."""
    code = request_law(req)
    try:
        return complaint_deadlines(law_pack(code), law_calendar(code), lodged_at, extended=extended)
    except LookupError as exc:
        raise NotAllowed(_l("This law sets no deadline for the oversight body.")) from exc


def complaint_lodge(
    *, requester: User, req: InfoRequest, text: str, now: datetime | None = None
) -> Complaint:
    """Lodge a complaint with the oversight body about an overdue or refused request."""
    ensure_allowed(requester, req, Action.COMPLAIN)
    now = now or utcnow()
    option = complaint_option(req, now)
    if option.ground is None:
        raise NotAllowed(
            _l("You can complain when the request is overdue, refused or partly refused.")
        )
    if option.pending is not None:
        raise NotAllowed(_l("Your complaint is with the oversight body already."))
    if option.window_closed:
        raise NotAllowed(_l("The time limit for a complaint has passed."))
    text = clean_text(text or "")
    if not text:
        raise DomainError(_l("Say what you complain about."), field="text")
    if len(text) > TEXT_MAX:
        raise DomainError(_l("Keep the complaint under 20,000 characters."), field="text")
    clock = complaint_clock(req, now, extended=False)
    with transaction() as session:
        complaint = Complaint(
            request=req,
            lodged_by=requester,
            lodged_at=now,
            ground=option.ground,
            text=text,
            status=LODGED,
            due_at=clock.due_at,
            decision="",
        )
        session.add(complaint)
        session.flush()
        record(
            req,
            EventKind.COMPLAINT_LODGED,
            actor=requester,
            visibility=REQUESTER,
            at=now,
            text=text,
            complaint_id=complaint.id,
            ground=option.ground,
            due_at=clock.due_at.isoformat(),
            article=clock.article,
        )
        _notify_lodged(req, complaint, clock.article)
    return complaint


def _notify_lodged(req: InfoRequest, complaint: Complaint, article: str) -> None:
    """Tell the requester, the oversight body's staff and the agency's coordinators."""
    oversight = law_pack(request_law(req)).oversight
    context = {"complaint": complaint, "oversight": oversight, "article": article}
    notify_requester(req, "complaint_lodged", f":{complaint.id}", **context)
    for person in oversight_staff():
        enqueue(
            f"complaint:{complaint.id}:lodged:u{person.id}",
            person.email,
            "staff_complaint_lodged",
            person.locale,
            req=req,
            user=person,
            link=links.absolute("oversight.dossier", reference=req.reference),
            **context,
        )
    notify_staff(
        req,
        "complaint_lodged",
        f":{complaint.id}",
        people=agency_staff(req.agency_id, (COORDINATOR,)),
        **context,
    )


def oversight_staff() -> list[User]:
    """Return the oversight body's active accounts, who decide complaints."""
    return list(
        db.session.scalars(
            select(User).where(User.role == OMBUDSMAN, User.active.is_(True)).order_by(User.id)
        )
    )


def _ensure_oversight(actor: User) -> None:
    if not is_oversight(actor):
        raise NotFound()


# --- Reads for the oversight body -------------------------------------------------------------


def complaints_for_oversight(
    actor: User, *, pending_only: bool = False, limit: int = 200
) -> list[Complaint]:
    """Return complaints, undecided ones first by due date, then the latest decided."""
    _ensure_oversight(actor)
    pending = list(
        db.session.scalars(
            select(Complaint)
            .where(Complaint.status.in_(PENDING_STATUSES))
            .order_by(Complaint.due_at, Complaint.id)
            .limit(limit)
        )
    )
    if pending_only:
        return pending
    decided = list(
        db.session.scalars(
            select(Complaint)
            .where(Complaint.status == DECIDED)
            .order_by(Complaint.decided_at.desc())
            .limit(max(0, limit - len(pending)))
        )
    )
    return pending + decided


def complaint_for_oversight(actor: User, complaint_id: int) -> Complaint:
    """Return complaint ``complaint_id`` to the oversight body; NotFound for anyone else."""
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
