"""Send what is due in the outbox, with retry and backoff."""
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select

from foi.extensions import db
from foi.mail.smtp import PermanentFailure, TemporaryFailure, build_message, send
from foi.models import OutboxMessage
from foi.models.outbox import FAILED, PENDING, SENT

BACKOFF_MINUTES = (1, 5, 15, 60, 180)


def deliver_pending(now: datetime, limit: int = 500) -> dict:
    """Try each pending message whose time has come; commit after each one.

    Committing per message means a crash loses at most the message in flight, and the row is
    marked sent right after the server accepted it.
    """
    config = current_app.config
    give_up = timedelta(hours=config["MAIL_GIVE_UP_AFTER_HOURS"])
    counts = {"sent": 0, "retry": 0, "failed": 0}
    ids = db.session.scalars(
        select(OutboxMessage.id).where(OutboxMessage.status == PENDING,
                                       OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.id).limit(limit)).all()
    for message_id in ids:
        msg = db.session.get(OutboxMessage, message_id)
        if msg is None or msg.status != PENDING:
            continue
        msg.attempts += 1
        try:
            send(config, build_message(config["MAIL_FROM"], msg.to_addr, msg.subject,
                                       msg.body_text, msg.key))
        except TemporaryFailure as exc:
            msg.last_error = str(exc)[:1000]
            if now - msg.created_at >= give_up:
                msg.status = FAILED
                counts["failed"] += 1
            else:
                delay = BACKOFF_MINUTES[min(msg.attempts, len(BACKOFF_MINUTES)) - 1]
                msg.next_attempt_at = now + timedelta(minutes=delay)
                counts["retry"] += 1
        except PermanentFailure as exc:
            msg.last_error = str(exc)[:1000]
            msg.status = FAILED
            counts["failed"] += 1
        else:
            msg.status = SENT
            msg.sent_at = now
            counts["sent"] += 1
        db.session.commit()
        if counts["retry"] and msg.status == PENDING:
            # The server is down: leave the rest for the next run instead of timing out on each.
            break
    return counts
