"""The daily digest: each officer's open requests, the nearest legal due date first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select

from foi import links
from foi.extensions import db
from foi.mail.bulk import Mail, enqueue_many
from foi.models import Agency, InfoRequest, OutboxMessage, User
from foi.models.user import COORDINATOR, STAFF_ROLES
from foi.requests.states import OPEN
from foi.services.deadlines import law_pack

#: Local hour (in the law's timezone) from which the day's digest is sent.
DIGEST_HOUR = 8
_CHUNK = 200


@dataclass
class DigestLine:
    """One request in an officer's daily digest."""

    reference: str
    subject: str
    due_at: datetime | None
    overdue: bool


def digest_key(day: str, user_id: int) -> str:
    """Return the outbox key of one person's digest of ``day``: one digest a day at most."""
    return f"digest:{day}:u{user_id}"


def digests_send(*, now: datetime, hour: int = DIGEST_HOUR) -> int:
    """Enqueue today's digest for every officer and coordinator with open requests.

    An officer's digest lists the requests assigned to them; a coordinator's also lists the
    agency's requests nobody is assigned to. One digest per person and local day (the outbox key
    holds the day), so running this again the same day adds nothing. Return how many were
    enqueued.
    """
    staff = db.session.execute(
        select(
            User.id,
            User.email,
            User.display_name,
            User.locale,
            User.role,
            User.agency_id,
            Agency.law_code,
        )
        .join(Agency, Agency.id == User.agency_id)
        .where(User.role.in_(STAFF_ROLES), User.active.is_(True))
        .order_by(User.id)
    ).all()
    waiting = {}
    for person in staff:
        local = now.astimezone(ZoneInfo(law_pack(person.law_code).timezone))
        if local.hour >= hour:
            waiting[digest_key(local.date().isoformat(), person.id)] = person
    sent = 0
    keys = list(waiting)
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        done = set(
            db.session.scalars(select(OutboxMessage.key).where(OutboxMessage.key.in_(chunk)))
        )
        todo = [(key, waiting[key]) for key in chunk if key not in done]
        lines = _open_requests([person for _key, person in todo], now)
        link = links.officer_queue()
        mails = [
            Mail(
                key,
                p.email,
                "staff_digest",
                p.locale,
                {"user": p, "rows": lines[p.id], "link": link},
            )
            for key, p in todo
            if lines.get(p.id)
        ]
        sent += len(enqueue_many(mails, now))
        # Per chunk, like the reminders' sweep: every officer's digest in one transaction
        # would hold the write lock for the whole run.
        db.session.commit()
    return sent


def _open_requests(people, now: datetime) -> dict[int, list[DigestLine]]:
    """Return each person's open requests, the nearest due date first."""
    if not people:
        return {}
    officers = {p.id for p in people}
    coordinated = {p.agency_id: p.id for p in people if p.role == COORDINATOR}
    r = InfoRequest
    stmt = select(r.reference, r.subject, r.due_at, r.assignee_id, r.agency_id).where(
        r.status.in_(OPEN),
        or_(
            r.assignee_id.in_(officers),
            and_(r.assignee_id.is_(None), r.agency_id.in_(list(coordinated))),
        ),
    )
    result: dict[int, list[DigestLine]] = {}
    for ref, subject, due_at, assignee_id, agency_id in db.session.execute(stmt):
        owner = assignee_id if assignee_id is not None else coordinated.get(agency_id)
        if owner is None:
            continue
        overdue = due_at is not None and due_at < now
        result.setdefault(owner, []).append(DigestLine(ref, subject, due_at, overdue))
    for lines in result.values():
        lines.sort(key=lambda line: (line.due_at is None, line.due_at or now, line.reference))
    return result
