"""Who works on a request: routing it to a department, claiming it, releasing a claim.

A request routed to a department waits under "Unclaimed" for its officers; one click claims
it. Two officers may click at once: the claim is one conditional UPDATE ("assign it to me if
nobody has it"), so exactly one wins and the other is told who did. The coordinator
reassigns with ``answering.request_assign``; the officer who claimed a request may give it
back with a reason. Each step is an internal event of the request's history.
"""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import update

from foi.extensions import db
from foi.models import InfoRequest, User
from foi.models.base import utcnow
from foi.models.request import INTERNAL
from foi.requests.states import EventKind
from foi.services.db import rows_changed, transaction
from foi.services.departments import department_members, department_of_agency
from foi.services.errors import DomainError, NotAllowed, NotFound
from foi.services.history import notify_staff, record
from foi.services.permissions import Action, ensure_allowed

MAX_REASON = 2000


class AlreadyClaimed(NotAllowed):
    """Another officer claimed the request first; the message names them."""

    def __init__(self, req: InfoRequest) -> None:
        holder = req.assignee.display_name if req.assignee else "?"
        super().__init__(_l("%(name)s has already claimed this request.", name=holder))


def request_route(
    *, actor: User, req: InfoRequest, department_id: int | None, now: datetime | None = None
) -> None:
    """Send the request to one of its agency's departments (None: to no department).

    The department's officers and coordinators are e-mailed, in their languages, with a link
    to the request; the person who routed it is not (they know).
    """
    now = now or utcnow()
    ensure_allowed(actor, req, Action.ROUTE)
    try:
        department = department_of_agency(req.agency_id, department_id) if department_id else None
    except NotFound:
        raise DomainError(
            _l("Choose a department of your agency."), field="department_id"
        ) from None
    if req.department_id == (department.id if department else None):
        raise DomainError(_l("The request is routed there already."), field="department_id")
    with transaction() as session:
        req.department = department
        event = record(
            req,
            EventKind.DEPARTMENT_ROUTED,
            actor=actor,
            visibility=INTERNAL,
            department_id=department.id if department else None,
            # Its name in each language, as it was: the history reads the same after a rename.
            department=(
                {lang: department.name(lang) for lang in ("az", "en", "ru")} if department else None
            ),
            at=now,
        )
        if department is not None:
            session.flush()  # the event's id names the message, once per routing
            members = [p for p in department_members(department.id) if p.id != actor.id]
            if members:
                notify_staff(
                    req, "department_routed", f":{event.id}", people=members, department=department
                )


def request_claim(*, actor: User, req: InfoRequest, now: datetime | None = None) -> None:
    """Take an unclaimed request on oneself; raise AlreadyClaimed when someone was faster."""
    now = now or utcnow()
    if req.assignee_id is not None and req.assignee_id != actor.id:
        raise AlreadyClaimed(req)
    ensure_allowed(actor, req, Action.CLAIM)
    with transaction():
        # Only if nobody has it now: the database decides between two officers clicking at once.
        claimed = rows_changed(
            update(InfoRequest)
            .where(InfoRequest.id == req.id, InfoRequest.assignee_id.is_(None))
            .values(assignee_id=actor.id)
            .execution_options(synchronize_session=False)
        )
        won = claimed == 1
        if won:
            record(req, EventKind.CLAIMED, actor=actor, visibility=INTERNAL, at=now)
    if not won:
        db.session.refresh(req)
        raise AlreadyClaimed(req)


def request_release_claim(
    *, actor: User, req: InfoRequest, reason: str, now: datetime | None = None
) -> None:
    """Give back a request one claimed, saying why; it is unclaimed again for the department."""
    now = now or utcnow()
    ensure_allowed(actor, req, Action.RELEASE_CLAIM)
    reason = " ".join((reason or "").split())[:MAX_REASON]
    if not reason:
        raise DomainError(_l("Say why you release the request."), field="reason")
    with transaction():
        released = rows_changed(
            update(InfoRequest)
            .where(InfoRequest.id == req.id, InfoRequest.assignee_id == actor.id)
            .values(assignee_id=None)
            .execution_options(synchronize_session=False)
        )
        if released != 1:  # a coordinator reassigned it meanwhile
            raise NotAllowed(_l("Only the officer who claimed it can release it."))
        record(req, EventKind.CLAIM_RELEASED, actor=actor, visibility=INTERNAL, text=reason, at=now)
