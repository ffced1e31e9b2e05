"""The scheduler's periodic jobs: each opens a context, calls one service and logs what it did.

Every sweep takes ``now`` (the clock is injected in tests and by ``--now``) and is idempotent:
running it twice changes nothing the second time, so a missed run is caught up by the next.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from flask import Flask

from foi.jobs.lock import lease_acquire
from foi.models.base import utcnow

log = logging.getLogger("foi.jobs")


@contextmanager
def job_context(app: Flask) -> Iterator[None]:
    """Push an app context in which ``url_for(..., _external=True)`` builds the site's links."""
    if app.config.get("SERVER_NAME"):
        with app.app_context():
            yield
        return
    with app.test_request_context("/", base_url=app.config["SITE_URL"]):
        yield


def prepare_database(app: Flask) -> None:
    """Tune the scheduler's own database connections for one commit per message.

    SQLite: the write-ahead log (it stays with the file, so web workers keep reading while the
    scheduler writes) and ``synchronous=NORMAL``; PostgreSQL: ``synchronous_commit=off``. Both
    drop the wait for the disk at each commit, so marking a message sent costs microseconds
    instead of milliseconds. A crash of this process loses nothing either way; only a power cut
    or a database crash could forget the last few commits, and then those messages go again
    (the at-least-once window, no wider in kind) or the last batch of a sweep is redone (its
    outbox rows vanish with it, so nothing is doubled).
    """
    from sqlalchemy import event
    from sqlalchemy.exc import OperationalError

    from foi.extensions import db

    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "sqlite":
            try:
                with engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA journal_mode=WAL")
            except OperationalError as exc:  # another process holds a lock: try next start
                log.warning("could not switch SQLite to WAL: %s", exc)
            setting = "PRAGMA synchronous=NORMAL"
        elif engine.dialect.name == "postgresql":
            setting = "SET synchronous_commit = off"
        else:
            return

        @event.listens_for(engine, "connect")
        def _no_wait_for_disk(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute(setting)
            cursor.close()
            if engine.dialect.name == "postgresql":
                dbapi_connection.commit()

        engine.dispose()  # pooled connections reopen with the setting


def sweep_reminders(app: Flask, now: datetime | None = None,
                    keep_going: Callable[[], bool] = lambda: True, batch: int = 1000):
    """Enqueue due-soon reminders and overdue notices; return the sweep's result."""
    from foi.services.reminders import reminders_sweep

    with job_context(app):
        result = reminders_sweep(now=now or utcnow(), reminder_days=app.config["REMINDER_DAYS"],
                                 batch=batch, keep_going=keep_going)
        if result.messages:
            log.info("reminders: %d messages for %d requests", result.messages, result.notified)
        return result


def sweep_digests(app: Flask, now: datetime | None = None) -> int:
    """Enqueue today's digest for each officer who has not had it; return how many."""
    from foi.services.digests import DIGEST_HOUR, digests_send

    with job_context(app):
        count = digests_send(now=now or utcnow(), hour=app.config.get("DIGEST_HOUR", DIGEST_HOUR))
        if count:
            log.info("digests: %d enqueued", count)
        return count


def sweep_complaints(app: Flask, now: datetime | None = None) -> int:
    """Enqueue alerts about complaints nearing their decision date; return how many."""
    from foi.services.complaint_alerts import complaint_reminders_sweep

    with job_context(app):
        count = complaint_reminders_sweep(now=now or utcnow(),
                                          reminder_days=app.config["REMINDER_DAYS"])
        if count:
            log.info("complaints: %d alerts enqueued", count)
        return count


def sweep_mail(app: Flask, now: datetime | None = None) -> dict[str, int]:
    """Deliver the pending e-mail whose time has come; return counts by outcome."""
    from foi.mail.delivery import deliver_pending

    with job_context(app):
        counts = deliver_pending(now or utcnow())
        if any(counts.values()):
            log.info("mail: %s", counts)
        return counts


def sweep_archive_export(app: Flask, now: datetime | None = None):
    """Write today's bulk export of the public archive unless it exists (one stat after that)."""
    from foi.services.archive import export_archive_job

    return export_archive_job(app, now or utcnow())


def run_sweeps(app: Flask, holder: str, now: Callable[[], datetime] = utcnow,
               batch: int = 1000) -> bool:
    """Run every sweep once if ``holder`` holds the lease; return False when another does.

    The lease is renewed between the reminder sweep's batches; when it is lost (this process
    stalled past the lease and another scheduler took over) the sweep stops at once.
    """
    def keep_going() -> bool:
        with app.app_context():
            return lease_acquire(holder, now())

    if not keep_going():
        log.info("another scheduler holds the lease; %s waits", holder)
        return False
    sweep_reminders(app, now(), keep_going=keep_going, batch=batch)
    if keep_going():
        sweep_complaints(app, now())
    if keep_going():
        sweep_digests(app, now())
    if keep_going():
        sweep_mail(app, now())
    if keep_going():
        try:  # last, and on its own: a failed export must not hold up reminders or mail
            sweep_archive_export(app, now())
        except Exception:
            log.exception("archive export failed; the next sweep tries again")
    return True
