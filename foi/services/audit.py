"""The administrators' audit log: every action of staff and administrators, in one list.

It reads the histories already written: a request's events, an account's changes and the
site's own entries (``audit_entry``: the law calendar, the outbox, the agency directory,
dismissed moderation flags). Citizens' own actions are theirs, not staff's, and stay out.
Internal notes are not shown: the log says that an officer wrote a note, not what it says.

The client's address comes from :data:`client_address`, which the web layer sets for each
request; the scheduler and the command line leave it empty.
"""

from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, literal, or_, select, union_all
from sqlalchemy.orm import aliased

from foi.extensions import db
from foi.models import AccountEvent, AuditEntry, Event, InfoRequest, User
from foi.models.base import utcnow
from foi.models.user import CITIZEN

#: The address of the person acting in this request (set by foi.web for each request).
client_address: ContextVar[str | None] = ContextVar("client_address", default=None)

PER_PAGE = 50
EXPORT_LIMIT = 100_000


def audit_record(
    actor: User | None,
    action: str,
    object_type: str,
    *,
    object_id: int | None = None,
    label: str = "",
    at: datetime | None = None,
    **data,
) -> AuditEntry:
    """Append an entry to the site's audit log, inside the caller's transaction."""
    entry = AuditEntry(
        actor=actor,
        address=client_address.get(),
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_label=label[:200],
        at=at or utcnow(),
    )
    entry.data = data
    db.session.add(entry)
    return entry


@dataclass(frozen=True)
class AuditFilters:
    """What the administrator looks for: words of the actor, the action, the object, a period."""

    actor: str = ""
    action: str = ""
    object: str = ""
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class AuditLine:
    """One action: who, when, what, on which object, from which address."""

    at: datetime
    actor_name: str
    actor_email: str
    actor_role: str
    address: str
    source: str  # request, account or site
    action: str
    object_type: str
    object_label: str
    detail: str


def _sources():
    """Return one SELECT per history, each with the same columns."""
    account = aliased(User)
    requests = select(
        Event.at.label("at"),
        Event.actor_id.label("actor_id"),
        Event.address.label("address"),
        literal("request").label("source"),
        Event.kind.label("action"),
        literal("request").label("object_type"),
        InfoRequest.reference.label("object_label"),
        literal("").label("detail"),  # the text may be an internal note or a refusal's reasons
        Event.id.label("id"),
    ).join(InfoRequest, InfoRequest.id == Event.request_id)
    accounts = select(
        AccountEvent.at,
        AccountEvent.actor_id,
        AccountEvent.address,
        literal("account"),
        AccountEvent.kind,
        literal("account"),
        account.email,
        AccountEvent.data_json,
        AccountEvent.id,
    ).join(account, account.id == AccountEvent.user_id)
    site = select(
        AuditEntry.at,
        AuditEntry.actor_id,
        AuditEntry.address,
        literal("site"),
        AuditEntry.action,
        AuditEntry.object_type,
        AuditEntry.object_label,
        AuditEntry.data_json,
        AuditEntry.id,
    )
    return union_all(requests, accounts, site).subquery("audit")


def _statement(filters: AuditFilters):
    audit = _sources()
    actor = aliased(User)
    stmt = (
        select(audit, actor.display_name, actor.email, actor.role)
        .join(actor, actor.id == audit.c.actor_id)
        .where(actor.role != CITIZEN)
    )
    if filters.actor.strip():
        like = f"%{filters.actor.strip()}%"
        stmt = stmt.where(or_(actor.display_name.ilike(like), actor.email.ilike(like)))
    if filters.action:
        stmt = stmt.where(audit.c.action == filters.action)
    if filters.object.strip():
        stmt = stmt.where(audit.c.object_label.ilike(f"%{filters.object.strip()}%"))
    if filters.since:
        stmt = stmt.where(audit.c.at >= filters.since)
    if filters.until:
        stmt = stmt.where(audit.c.at < filters.until)
    return stmt, audit


def _line(row) -> AuditLine:
    return AuditLine(
        at=row.at,
        actor_name=row.display_name,
        actor_email=row.email,
        actor_role=row.role,
        address=row.address or "",
        source=row.source,
        action=row.action,
        object_type=row.object_type,
        object_label=row.object_label or "",
        detail="" if row.detail in (None, "", "{}") else row.detail,
    )


def audit_page(filters: AuditFilters, page: int = 1) -> tuple[list[AuditLine], int]:
    """Return one page of the log, newest first, and how many lines match."""
    stmt, audit = _statement(filters)
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery()))
    rows = db.session.execute(
        stmt.order_by(audit.c.at.desc(), audit.c.source, audit.c.id.desc())
        .limit(PER_PAGE)
        .offset((max(page, 1) - 1) * PER_PAGE)
    )
    return [_line(r) for r in rows], total or 0


def audit_lines(filters: AuditFilters) -> Iterator[AuditLine]:
    """Yield every matching line (at most EXPORT_LIMIT), newest first, for the CSV export."""
    stmt, audit = _statement(filters)
    rows = db.session.execute(
        stmt.order_by(audit.c.at.desc(), audit.c.source, audit.c.id.desc()).limit(EXPORT_LIMIT)
    )
    for row in rows:
        yield _line(row)


def audit_actions() -> list[tuple[str, str]]:
    """Return every (source, action) the log holds, for the filter's choices."""
    stmt, audit = _statement(AuditFilters())
    sub = stmt.subquery()
    rows = db.session.execute(select(sub.c.source, sub.c.action).distinct())
    return sorted((source, action) for source, action in rows)
