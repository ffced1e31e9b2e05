"""Requests counted by agency and status, kept in the transaction that changes them.

Every flush that adds a request, moves one to another status or agency, hides or shows one
again (moderation), or deletes one also
updates its ``request_count`` rows (one upsert each, ``n = n + delta``), so the counts commit or
roll back with the change and two workers never lose each other's increments. Public pages read
these few rows (:func:`counts_by_status`, :func:`published_by_agency`) instead of the requests
table. Rows written in bulk, past the ORM (the benchmarks' loader), are counted again with
:func:`recount` (``flask foi recount``).
"""

from collections import Counter
from typing import Any

from sqlalchemy import delete, event, func, inspect, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import History

from foi.extensions import db
from foi.models import InfoRequest, RequestCount
from foi.requests.states import RequestStatus

Key = tuple[int | None, str | None, bool]  # agency, status, hidden by moderation


def _committed(obj: InfoRequest, name: str) -> Any:
    history: History = inspect(obj).attrs[name].load_history()  # loads a value expired since
    before = history.deleted or history.unchanged
    return before[0] if before else None


def _committed_key(obj: InfoRequest) -> Key:
    hidden = _committed(obj, "hidden_at") is not None
    return (_committed(obj, "agency_id"), _committed(obj, "status"), hidden)


def _current_agency(obj: InfoRequest) -> int | None:
    # A request moved by relationship (``req.agency = other``) has its new agency_id only
    # after the flush writes it: read the relationship's new value first.
    added: list[Any] = list(inspect(obj).attrs.agency.history.added)
    if added and added[0] is not None:
        return added[0].id
    return obj.agency_id


def _deltas(session: Session) -> Counter[Key]:
    deltas: Counter[Key] = Counter()
    for obj in session.new:
        if isinstance(obj, InfoRequest):
            status = obj.status or RequestStatus.AWAITING.value
            deltas[(_current_agency(obj), status, obj.hidden_at is not None)] += 1
    for obj in session.dirty:
        if isinstance(obj, InfoRequest) and session.is_modified(obj):
            before = _committed_key(obj)
            after = (_current_agency(obj), obj.status, obj.hidden_at is not None)
            if before != after:
                deltas[before] -= 1
                deltas[after] += 1
    for obj in session.deleted:
        if isinstance(obj, InfoRequest):
            deltas[_committed_key(obj)] -= 1
    return deltas


def _apply(session: Session, deltas: Counter[Key]) -> None:
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = RequestCount.__table__
    changes = sorted(  # one order of row locks in every transaction: no deadlock between two
        (agency_id, str(status), hidden, delta)
        for (agency_id, status, hidden), delta in deltas.items()
        if delta and agency_id is not None and status is not None
    )
    for agency_id, status, hidden, delta in changes:
        stmt = insert(table).values(agency_id=agency_id, status=status, hidden=hidden, n=delta)
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=[table.c.agency_id, table.c.status, table.c.hidden],
                set_={"n": table.c.n + stmt.excluded.n},
            )
        )


@event.listens_for(Session, "before_flush")
def _count_changes(session: Session, _context, _instances) -> None:
    deltas = _deltas(session)
    if deltas:
        _apply(session, deltas)


def recount() -> None:
    """Count every request again, in the caller's transaction (after loading rows in bulk)."""
    db.session.execute(delete(RequestCount))
    hidden = InfoRequest.hidden_at.is_not(None)
    rows = db.session.execute(
        select(InfoRequest.agency_id, InfoRequest.status, hidden, func.count()).group_by(
            InfoRequest.agency_id, InfoRequest.status, hidden
        )
    ).all()
    if rows:
        db.session.execute(
            RequestCount.__table__.insert(),
            [{"agency_id": a, "status": s, "hidden": h, "n": n} for a, s, h, n in rows],
        )


def counts_by_status() -> dict[str, int]:
    """Return how many requests are in each status, all agencies together (hidden included)."""
    return {
        status: int(n)
        for status, n in db.session.execute(
            select(RequestCount.status, func.sum(RequestCount.n))
            .group_by(RequestCount.status)
            .having(func.sum(RequestCount.n) > 0)
        )
    }


def published_by_agency() -> dict[int, int]:
    """Return how many requests each agency has in the archive: published, not hidden."""
    return dict(
        db.session.execute(
            select(RequestCount.agency_id, RequestCount.n).where(
                RequestCount.status == RequestStatus.PUBLISHED.value,
                RequestCount.hidden.is_(False),
                RequestCount.n > 0,
            )
        ).all()
    )
