"""Who works on a request: routing it to a department, claiming it, releasing a claim.

A request routed to a department waits under "Unclaimed" for its officers; one click claims
it. Two officers may click at once: the claim is one conditional UPDATE ("assign it to me if
nobody has it"), so exactly one wins and the other is told who did. The coordinator
reassigns with ``answering.request_assign``; the officer who claimed a request may give it
back with a reason. Each step is an internal event of the request's history.
"""

from collections.abc import Sequence
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import update

from foi import links
from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import Department, InfoRequest, User
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
    *,
    actor: User,
    req: InfoRequest,
    department_id: int | None,
    now: datetime | None = None,
    notify: bool = True,
) -> int | None:
    """Send the request to one of its agency's departments (None: to no department).

    The department's officers and coordinators are e-mailed, in their languages, with a link
    to the request; the person who routed it is not (they know). ``notify=False`` leaves the
    e-mail to the caller: a bulk routing writes each member one summary instead (see
    ``department_routed_summary``). Return the routing event's id.
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
        session.flush()  # the event's id names the message, once per routing
        event_id = event.id
        if department is not None and notify:
            _notify_routed(actor, req, department, event_id)
    return event_id


def _notify_routed(actor: User, req: InfoRequest, department: Department, event_id: int) -> None:
    members = [p for p in department_members(department.id) if p.id != actor.id]
    if members:
        notify_staff(
            req, "department_routed", f":{event_id}", people=members, department=department
        )


def department_routed_summary(
    *, actor: User, department_id: int, routed: Sequence[tuple[InfoRequest, int]]
) -> None:
    """E-mail each member of the department once about the requests just routed to it together.

    ``routed`` pairs each request routed by one bulk action with its routing event's id (from
    ``request_route(notify=False)``). A member gets one message listing them all (reference,
    subject, legal due date, link), in their language, not one per request; the person who
    routed them gets none. The first event's id names the message: a batch is told once. One
    request alone gets the same e-mail as a routing from its own page.
    """
    if not routed:
        return
    # Every request of a batch is of the actor's agency (the bulk selection sees no other).
    department = department_of_agency(routed[0][0].agency_id, department_id)
    with transaction():
        if len(routed) == 1:
            req, event_id = routed[0]
            _notify_routed(actor, req, department, event_id)
            return
        first_event = min(event_id for _req, event_id in routed)
        rows = [
            {
                "reference": req.reference,
                "subject": req.subject,
                "due_at": req.due_at,
                "link": links.staff_request(req.reference),
            }
            for req, _event_id in sorted(routed, key=lambda pair: pair[1])
        ]
        for person in department_members(department.id):
            if person.id == actor.id:
                continue
            enqueue(
                f"dept:{department.id}:routed:e{first_event}+{len(rows)}:u{person.id}",
                person.email,
                "staff_department_routed_many",
                person.locale,
                user=person,
                department=department,
                rows=rows,
                link=links.officer_queue(),
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
