"""Reads: who may see which request, queues, lists. No writes here."""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, true

from foi.extensions import db
from foi.i18n import sort_key
from foi.law.events import OVERSIGHT_LETTER_KINDS
from foi.models import (
    Agency,
    Document,
    Event,
    InfoRequest,
    ModerationFlag,
    OutboxMessage,
    Response,
    User,
)
from foi.models.base import MAX_ID
from foi.models.request import INTERNAL, PUBLIC
from foi.models.user import COORDINATOR
from foi.requests.states import OPEN, RequestStatus
from foi.services.counters import counts_by_status, published_by_agency
from foi.services.db import count_of
from foi.services.errors import NotFound
from foi.services.permissions import is_requester, is_staff_of
from foi.text import fold_pattern

PER_PAGE = 25
#: Words of a queue search that count; the rest are ignored (each one is a scan).
MAX_QUEUE_WORDS = 8


def request_by_reference(reference: str) -> InfoRequest | None:
    """Return the request with ``reference``, whoever may see it, or None."""
    if "\x00" in reference:  # no reference holds NUL, and PostgreSQL cannot compare it
        return None
    return db.session.scalar(select(InfoRequest).where(InfoRequest.reference == reference))


def request_for_requester(user: User, reference: str) -> InfoRequest:
    """Return ``user``'s own request ``reference``; NotFound for anyone else's."""
    req = request_by_reference(reference)
    if req is None or not is_requester(user, req):
        raise NotFound()
    return req


def request_for_staff(user: User, reference: str) -> InfoRequest:
    """Return request ``reference`` of ``user``'s agency; NotFound for another agency's."""
    req = request_by_reference(reference)
    if req is None or not is_staff_of(user, req):
        raise NotFound()
    return req


def request_published(reference: str) -> InfoRequest:
    """Return the published request ``reference``; NotFound when it is not public."""
    req = request_by_reference(reference)
    if req is None or not req.is_public:  # hidden by moderation: gone from the archive
        raise NotFound()
    return req


def events_for(req: InfoRequest, audience: str) -> list[Event]:
    """Return the events an audience may read: 'public', 'requester', 'oversight' or 'staff'."""
    if audience == "staff":
        return list(req.events)
    if audience == "oversight":  # what the requester sees, and its letters with the agency
        return [
            e for e in req.events if e.visibility != INTERNAL or e.kind in OVERSIGHT_LETTER_KINDS
        ]
    if audience == "requester":
        return [e for e in req.events if e.visibility != INTERNAL]
    return [e for e in req.events if e.visibility == PUBLIC]


def requests_of(user: User) -> list[InfoRequest]:
    """Return the requests ``user`` filed, newest first."""
    return list(
        db.session.scalars(
            select(InfoRequest)
            .where(InfoRequest.requester_id == user.id)
            .order_by(InfoRequest.created_at.desc(), InfoRequest.id)
        )
    )


def requests_grouped(requests_: list[InfoRequest]) -> list[list[InfoRequest]]:
    """Group a requester's list: requests sent together stay together, in the list's order."""
    groups: dict[int, list[InfoRequest]] = {}
    out: list[list[InfoRequest]] = []
    for req in requests_:
        if req.group_id is None:
            out.append([req])
        elif req.group_id in groups:
            groups[req.group_id].append(req)
        else:
            groups[req.group_id] = [req]
            out.append(groups[req.group_id])
    return out


def _group_others_where(req: InfoRequest, condition) -> list[InfoRequest]:
    """Return the other requests of ``req``'s group that meet ``condition``, oldest first."""
    if req.group_id is None:
        return []
    return list(
        db.session.scalars(
            select(InfoRequest)
            .where(InfoRequest.group_id == req.group_id, InfoRequest.id != req.id, condition)
            .order_by(InfoRequest.id)
        )
    )


def group_others(req: InfoRequest) -> list[InfoRequest]:
    """Return the other requests sent together with ``req``, as its requester sees them."""
    return _group_others_where(req, InfoRequest.requester_id == req.requester_id)


def group_published(req: InfoRequest) -> list[InfoRequest]:
    """Return the other published requests sent together with ``req``: the archive's view."""
    return _group_others_where(req, InfoRequest.is_public)


def _queue_statement(
    user: User,
    *,
    status: str | None = None,
    assignee: str | None = None,
    urgent: bool = False,
    q: str = "",
    due: str | None = None,
    department: str | None = None,
    now: datetime,
):
    """Return the query of the agency's requests filtered as asked, most urgent first."""
    stmt = select(InfoRequest).where(
        InfoRequest.agency_id == user.agency_id,
        InfoRequest.status != RequestStatus.HELD,  # not with the agency yet
        InfoRequest.hidden_at.is_(None),  # taken out of the queue by moderation
    )
    if status == "open" or not status:
        stmt = stmt.where(InfoRequest.status.in_(OPEN))
    elif status in tuple(RequestStatus):
        stmt = stmt.where(InfoRequest.status == status)
    if assignee == "me":
        stmt = stmt.where(InfoRequest.assignee_id == user.id)
    elif assignee == "none":
        stmt = stmt.where(InfoRequest.assignee_id.is_(None))
    elif assignee == "unclaimed":
        stmt = stmt.where(InfoRequest.assignee_id.is_(None), _within_reach(user))
    elif assignee and assignee.isdigit():
        stmt = stmt.where(InfoRequest.assignee_id == int(assignee))
    if department == "none":
        stmt = stmt.where(InfoRequest.department_id.is_(None))
    elif department and department.isdigit():
        stmt = stmt.where(InfoRequest.department_id == int(department))
    if urgent:
        stmt = stmt.where(InfoRequest.urgency.is_not(None))
    if due == "overdue":
        stmt = stmt.where(InfoRequest.due_at < now)
    elif due == "soon":
        stmt = stmt.where(InfoRequest.due_at >= now, InfoRequest.due_at < now + timedelta(days=3))
    if q.strip():
        stmt = _queue_search(stmt, q)
    # Paused requests have no due date: after the dated ones, oldest first.
    return stmt.order_by(InfoRequest.due_at.is_(None), InfoRequest.due_at, InfoRequest.id)


def officer_queue(user: User, *, now: datetime, page: int = 1, **filters: Any):
    """Return a page of the agency's requests, most urgent deadline first, filtered as asked.

    ``assignee="unclaimed"``: nobody's, and routed to the user's department or to none (an
    officer of no department and a coordinator see every unclaimed request). The filters are
    those of :func:`_queue_statement`.
    """
    stmt = _queue_statement(user, now=now, **filters)
    return db.paginate(stmt, page=page, per_page=PER_PAGE, error_out=False)


def officer_queue_matching(
    user: User, *, now: datetime, limit: int, **filters: Any
) -> tuple[list[InfoRequest], int]:
    """Return up to ``limit`` requests of the queue's filter, in its order, and how many match.

    The same selection as the queue's pages (bulk actions on "all matching this filter").
    """
    stmt = _queue_statement(user, now=now, **filters)
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    return list(db.session.scalars(stmt.limit(limit))), total or 0


def _within_reach(user: User):
    """Return the condition "routed where ``user`` may claim it" (see permissions._may_claim)."""
    if user.department_id is None or user.role == COORDINATOR:
        return true()
    return or_(InfoRequest.department_id == user.department_id, InfoRequest.department_id.is_(None))


def _queue_search(stmt, q: str):
    """Keep the requests where every word of ``q`` is found, folded as the archive folds.

    A word is looked for in the reference, the subject and text, the answer, and the
    requester's name and e-mail address: the queue is its agency's staff's own, so they may
    find a request by who sent it (the caller has already kept to the user's agency).
    """
    requester = db.aliased(User)
    stmt = stmt.join(requester, requester.id == InfoRequest.requester_id).outerjoin(
        Response, Response.request_id == InfoRequest.id
    )
    columns = (
        InfoRequest.reference,
        InfoRequest.subject,
        InfoRequest.body,
        Response.body,
        requester.display_name,
        requester.email,
    )
    for word in q.split()[:MAX_QUEUE_WORDS]:
        pattern = fold_pattern(word[:100])
        stmt = stmt.where(or_(*(column.regexp_match(pattern) for column in columns)))
    return stmt


def queue_counts(user: User, now: datetime) -> dict[str, int]:
    """Return the numbers on the officer's queue tabs: open, overdue, mine, to approve."""
    base = select(func.count(InfoRequest.id)).where(
        InfoRequest.agency_id == user.agency_id,
        InfoRequest.status.in_(OPEN),
        InfoRequest.hidden_at.is_(None),
    )
    return {
        "open": count_of(base),
        "overdue": count_of(base.where(InfoRequest.due_at < now)),
        "mine": count_of(base.where(InfoRequest.assignee_id == user.id)),
        "unclaimed": count_of(base.where(InfoRequest.assignee_id.is_(None), _within_reach(user))),
        "approvals": count_of(
            select(func.count(InfoRequest.id)).where(
                InfoRequest.agency_id == user.agency_id,
                InfoRequest.status == RequestStatus.ANSWERED,
                InfoRequest.hidden_at.is_(None),
            )
        ),
    }


def awaiting_approval(user: User) -> list[InfoRequest]:
    """Return the agency's answered requests waiting for the coordinator, oldest answer first."""
    return list(
        db.session.scalars(
            select(InfoRequest)
            .where(
                InfoRequest.agency_id == user.agency_id,
                InfoRequest.status == RequestStatus.ANSWERED,
                InfoRequest.hidden_at.is_(None),
            )
            .order_by(InfoRequest.answered_at)
        )
    )


def colleagues(user: User) -> list[User]:
    """Return the active officers and coordinators of ``user``'s agency, by name."""
    return list(
        db.session.scalars(
            select(User)
            .where(
                User.agency_id == user.agency_id,
                User.active.is_(True),
                User.role.in_(("officer", "coordinator")),
            )
            .order_by(User.display_name)
        )
    )


def overdue_requests(now: datetime, limit: int = 200) -> list[InfoRequest]:
    """Return the open requests past their due moment, the longest overdue first."""
    return list(
        db.session.scalars(
            select(InfoRequest)
            .where(InfoRequest.status.in_(OPEN), InfoRequest.due_at < now)
            .order_by(InfoRequest.due_at)
            .limit(limit)
        )
    )


# --- Files ------------------------------------------------------------------------------------


def request_file(req: InfoRequest, doc_id: int) -> Document:
    """Return file ``doc_id`` of ``req``; NotFound for a file of another request or none."""
    doc = db.session.get(Document, doc_id)
    if doc is None or doc.request_id != req.id or doc.hidden_at is not None:
        raise NotFound()  # a file hidden by moderation is served to nobody
    return doc


def published_file(req: InfoRequest, doc_id: int) -> Document:
    """Return a released file of the published ``req``; NotFound for any other."""
    doc = request_file(req, doc_id)
    if not doc.public:
        raise NotFound()
    return doc


# --- Agencies ---------------------------------------------------------------------------------


def agencies_by_name(locale: str, *, active_only: bool = False) -> list[Agency]:
    """Return the agencies in the alphabetical order of ``locale`` (only active ones if asked)."""
    stmt = select(Agency)
    if active_only:
        stmt = stmt.where(Agency.active.is_(True))
    return sorted(db.session.scalars(stmt), key=lambda a: sort_key(a.name(locale), locale))


def agencies_by_az_name() -> list[Agency]:
    """Return every agency ordered by its Azerbaijani name, as the database sorts it."""
    return list(db.session.scalars(select(Agency).order_by(Agency.name_az)))


def agencies_by_id() -> dict[int, Agency]:
    """Return every agency by its id (to name the agencies of a page of search results)."""
    return {a.id: a for a in db.session.scalars(select(Agency))}


def agency_by_id(agency_id: int) -> Agency | None:
    """Return agency ``agency_id``, or None."""
    return db.session.get(Agency, agency_id)


def agency_by_slug(slug: str) -> Agency | None:
    """Return the agency whose address is ``slug``, or None."""
    return db.session.scalar(select(Agency).where(Agency.slug == slug))


def agency_by_key(key: str) -> Agency | None:
    """Return the agency named by its id or its slug, or None for one nobody knows."""
    if "\x00" in key:  # no slug holds NUL, and PostgreSQL cannot compare text holding it
        return None
    if key.isascii() and key.isdigit():
        # Larger numbers overflow the database's integer: no agency has such an id.
        return db.session.get(Agency, int(key)) if len(key) <= 10 and int(key) <= MAX_ID else None
    return agency_by_slug(key)


# --- The public archive -----------------------------------------------------------------------


def archive_totals() -> tuple[int, int]:
    """Return how many requests are published and how many were filed with an agency.

    Read from the counts kept with every change (``foi.services.counters``), not the requests.
    """
    counts = counts_by_status()
    # Held requests have reached no agency: they are nobody's requests yet.
    total = sum(n for status, n in counts.items() if status != RequestStatus.HELD)
    return counts.get(RequestStatus.PUBLISHED, 0), total


def published_counts_by_agency() -> dict[int, int]:
    """Return how many requests each agency has in the archive (published, not hidden)."""
    return published_by_agency()


# --- Accounts and the administrator's overview ------------------------------------------------


def user_by_id(user_id: int) -> User | None:
    """Return account ``user_id``, or None."""
    return db.session.get(User, user_id)


def admin_overview() -> dict:
    """Return the administrator's home figures: agencies, accounts, requests, mail by status."""

    def count(model) -> int:
        return db.session.scalar(select(func.count()).select_from(model)) or 0

    mail = dict(
        db.session.execute(
            select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        ).all()
    )
    return {
        "agencies": count(Agency),
        "users": count(User),
        "requests": count(InfoRequest),
        "mail": mail,
        "flags": db.session.scalar(
            select(func.count(ModerationFlag.id)).where(ModerationFlag.resolved_at.is_(None))
        ),
    }
