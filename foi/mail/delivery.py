"""Send what is due in the outbox, with retry and backoff; let administrators retry.

Delivery is at-least-once with the smallest window we can give: a row is marked sent and
committed right after the SMTP server accepted the message, one commit per message. If the
process dies between the server's "250 OK" and that commit (a few milliseconds), the message is
sent again on the next run, with the same Message-ID (see :func:`foi.mail.smtp.message_id`), so
a mail store that drops duplicates by Message-ID still shows it once. Nothing is ever lost: a row
stays pending until a server accepted it or delivery gave up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from smtplib import SMTPRecipientsRefused, SMTPResponseException

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select, update

from foi.extensions import db
from foi.mail.smtp import PermanentFailure, Sender, TemporaryFailure, build_message
from foi.models import OutboxMessage, User
from foi.models.outbox import FAILED, PENDING, SENT
from foi.models.user import ADMIN
from foi.services.audit import audit_record
from foi.services.db import transaction
from foi.services.errors import DomainError, NotFound

log = logging.getLogger("foi.mail")

#: Minutes to wait after the 1st, 2nd, ... failed attempt; the last value repeats.
BACKOFF_MINUTES = (1, 5, 15, 60, 180)
STATUSES = (PENDING, FAILED, SENT)


def backoff(attempts: int) -> timedelta:
    """Return how long to wait after the ``attempts``-th failed attempt."""
    return timedelta(minutes=BACKOFF_MINUTES[min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1])


def deliver_pending(
    now: datetime, limit: int = 1000, keep_going: Callable[[], bool] = lambda: True
) -> dict[str, int]:
    """Try each pending message whose time has come; commit after each one.

    A 4xx answer or an unreachable server puts the message back with a growing delay, until
    ``MAIL_GIVE_UP_AFTER_HOURS`` after it was enqueued (or retried by an administrator); a 5xx
    answer fails it at once. When the server is unreachable the run stops, leaving the rest for
    later instead of waiting for a time-out on each message. Only one scheduler delivers at a
    time (the lease in :mod:`foi.jobs.lock`): ``keep_going`` is asked before each message, and
    the run stops as soon as this process may no longer be sure it holds the lease.
    """
    config = current_app.config
    give_up = timedelta(hours=config["MAIL_GIVE_UP_AFTER_HOURS"])
    counts = {"sent": 0, "retry": 0, "failed": 0}
    table = OutboxMessage.__table__
    with Sender(config) as sender:
        while True:
            rows = db.session.execute(
                select(
                    table.c.id,
                    table.c.key,
                    table.c.to_addr,
                    table.c.subject,
                    table.c.body_text,
                    table.c.attempts,
                    table.c.created_at,
                    table.c.retried_at,
                )
                .where(table.c.status == PENDING, table.c.next_attempt_at <= now)
                .order_by(table.c.next_attempt_at, table.c.id)
                .limit(limit)
            ).all()
            db.session.rollback()  # end the read: a SQLite reader must not block other writers
            for row in rows:
                if not keep_going():
                    return counts
                outcome, values = _attempt(sender, config, row, now, give_up)
                counts[outcome] += 1
                db.session.execute(
                    update(table)
                    .where(table.c.id == row.id, table.c.status == PENDING)
                    .values(attempts=row.attempts + 1, **values)
                )
                # One commit per message, the outbox's own: the at-least-once window closes
                # here, so a crash re-sends at most the message that was on the wire.
                db.session.commit()
                if outcome == "retry" and values["last_error"].startswith("connection:"):
                    return counts  # the server is down: the rest waits for the next run
            if len(rows) < limit:
                return counts
            log.info("mail: %s so far", counts)


def _attempt(sender: Sender, config, row, now: datetime, give_up: timedelta) -> tuple[str, dict]:
    """Send one message; return the outcome and the columns to store."""
    try:
        sender.send(
            build_message(config["MAIL_FROM"], row.to_addr, row.subject, row.body_text, row.key)
        )
    except TemporaryFailure as exc:
        refused = isinstance(exc.__cause__, (SMTPResponseException, SMTPRecipientsRefused))
        error = f"{'refused' if refused else 'connection'}: {exc}"[:1000]
        if now - (row.retried_at or row.created_at) >= give_up:
            return "failed", {"status": FAILED, "last_error": error}
        return "retry", {"next_attempt_at": now + backoff(row.attempts + 1), "last_error": error}
    except PermanentFailure as exc:
        return "failed", {"status": FAILED, "last_error": f"rejected: {exc}"[:1000]}
    return "sent", {"status": SENT, "sent_at": now, "last_error": ""}


def outbox_retry(*, actor: User, message_id: int, now: datetime) -> OutboxMessage:
    """Put a failed or waiting message back in the queue to be tried at once.

    The give-up period starts again from now, so a message that failed after days of outage
    gets a fresh chance.
    """
    if actor.role != ADMIN:
        raise NotFound()
    with transaction():
        msg = db.session.get(OutboxMessage, message_id)
        if msg is None:
            raise NotFound()
        if msg.status == SENT:
            raise DomainError(_l("This message was already sent."))
        msg.status = PENDING
        msg.next_attempt_at = now
        msg.retried_at = now
        audit_record(actor, "outbox_retried", "outbox", object_id=msg.id, label=msg.to_addr, at=now)
    return msg


def outbox_retry_failed(*, actor: User, now: datetime) -> int:
    """Retry every failed message; return how many were put back in the queue."""
    if actor.role != ADMIN:
        raise NotFound()
    with transaction():
        rows = db.session.scalars(select(OutboxMessage).where(OutboxMessage.status == FAILED))
        count = 0
        for msg in rows:
            msg.status, msg.next_attempt_at, msg.retried_at = PENDING, now, now
            count += 1
        audit_record(actor, "outbox_retried_failed", "outbox", label=str(count), at=now)
    return count


def outbox_page(
    *, status: str | None = None, query: str = "", page: int = 1, per_page: int = 50
) -> tuple[list[OutboxMessage], int]:
    """Return one page of outbox messages, newest first, and the total that match."""
    stmt = select(OutboxMessage)
    if status in STATUSES:
        stmt = stmt.where(OutboxMessage.status == status)
    query = query.strip()
    if query:
        like = f"%{query}%"
        stmt = stmt.where(
            or_(
                OutboxMessage.to_addr.ilike(like),
                OutboxMessage.key.ilike(like),
                OutboxMessage.subject.ilike(like),
            )
        )
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery()))
    rows = db.session.scalars(
        stmt.order_by(OutboxMessage.id.desc()).offset((max(page, 1) - 1) * per_page).limit(per_page)
    ).all()
    return list(rows), total or 0


def outbox_counts() -> dict[str, int]:
    """Return how many messages are in each status."""
    return dict(
        db.session.execute(
            select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        ).all()
    )
