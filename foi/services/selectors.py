"""Reads: who may see which request, queues, lists. No writes here."""
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select

from foi.extensions import db
from foi.models import Event, InfoRequest, User
from foi.models.request import ANSWERED, INTERNAL, OPEN_STATUSES, PUBLIC, PUBLISHED, STATUSES
from foi.services.errors import NotFound

PER_PAGE = 25


def request_by_reference(reference: str) -> InfoRequest | None:
    if "\x00" in reference:  # no reference holds NUL, and PostgreSQL cannot compare it
        return None
    return db.session.scalar(select(InfoRequest).where(InfoRequest.reference == reference))


def request_for_requester(user: User, reference: str) -> InfoRequest:
    req = request_by_reference(reference)
    if req is None or not user.is_authenticated or req.requester_id != user.id:
        raise NotFound()
    return req


def request_for_staff(user: User, reference: str) -> InfoRequest:
    req = request_by_reference(reference)
    if req is None or not user.is_authenticated or not user.is_staff \
            or req.agency_id != user.agency_id:
        raise NotFound()
    return req


def request_published(reference: str) -> InfoRequest:
    req = request_by_reference(reference)
    if req is None or req.status != PUBLISHED:
        raise NotFound()
    return req


def events_for(req: InfoRequest, audience: str) -> list[Event]:
    """Return the events a given audience may read: 'public', 'requester' or 'staff'."""
    if audience == "staff":
        return list(req.events)
    if audience == "requester":
        return [e for e in req.events if e.visibility != INTERNAL]
    return [e for e in req.events if e.visibility == PUBLIC]


def requests_of(user: User) -> list[InfoRequest]:
    return list(db.session.scalars(
        select(InfoRequest).where(InfoRequest.requester_id == user.id)
        .order_by(InfoRequest.created_at.desc())))


def officer_queue(user: User, *, status: str | None = None, assignee: str | None = None,
                  urgent: bool = False, q: str = "", due: str | None = None,
                  now: datetime, page: int = 1):
    """Return the agency's requests, most urgent deadline first, filtered as asked."""
    stmt = select(InfoRequest).where(InfoRequest.agency_id == user.agency_id)
    if status == "open" or not status:
        stmt = stmt.where(InfoRequest.status.in_(OPEN_STATUSES))
    elif status in STATUSES:
        stmt = stmt.where(InfoRequest.status == status)
    if assignee == "me":
        stmt = stmt.where(InfoRequest.assignee_id == user.id)
    elif assignee == "none":
        stmt = stmt.where(InfoRequest.assignee_id.is_(None))
    elif assignee and assignee.isdigit():
        stmt = stmt.where(InfoRequest.assignee_id == int(assignee))
    if urgent:
        stmt = stmt.where(InfoRequest.urgency.is_not(None))
    if due == "overdue":
        stmt = stmt.where(InfoRequest.due_at < now)
    elif due == "soon":
        stmt = stmt.where(InfoRequest.due_at >= now, InfoRequest.due_at < now + timedelta(days=3))
    if q.strip():
        like = f"%{q.strip()}%"
        stmt = stmt.where(or_(InfoRequest.reference.ilike(like), InfoRequest.subject.ilike(like),
                              InfoRequest.body.ilike(like)))
    # Paused requests have no due date: after the dated ones, oldest first.
    stmt = stmt.order_by(InfoRequest.due_at.is_(None), InfoRequest.due_at, InfoRequest.id)
    return db.paginate(stmt, page=page, per_page=PER_PAGE, error_out=False)


def queue_counts(user: User, now: datetime) -> dict[str, int]:
    base = select(func.count(InfoRequest.id)).where(
        InfoRequest.agency_id == user.agency_id, InfoRequest.status.in_(OPEN_STATUSES))
    return {
        "open": db.session.scalar(base),
        "overdue": db.session.scalar(base.where(InfoRequest.due_at < now)),
        "mine": db.session.scalar(base.where(InfoRequest.assignee_id == user.id)),
        "approvals": db.session.scalar(select(func.count(InfoRequest.id)).where(
            InfoRequest.agency_id == user.agency_id, InfoRequest.status == ANSWERED)),
    }


def awaiting_approval(user: User) -> list[InfoRequest]:
    return list(db.session.scalars(
        select(InfoRequest).where(InfoRequest.agency_id == user.agency_id,
                                  InfoRequest.status == ANSWERED)
        .order_by(InfoRequest.answered_at)))


def colleagues(user: User) -> list[User]:
    return list(db.session.scalars(
        select(User).where(User.agency_id == user.agency_id, User.active.is_(True),
                           User.role.in_(("officer", "coordinator")))
        .order_by(User.display_name)))


def published_requests(ids: list[int]) -> dict[int, InfoRequest]:
    rows = db.session.scalars(select(InfoRequest).where(
        InfoRequest.id.in_(ids), InfoRequest.status == PUBLISHED))
    return {r.id: r for r in rows}


