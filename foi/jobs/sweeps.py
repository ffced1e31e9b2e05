"""The scheduler's periodic jobs: each opens a context, calls one service and logs what it did.

Every sweep takes ``now`` (the clock is injected in tests and by ``--now``) and is idempotent:
running it twice changes nothing the second time, so a missed run is caught up by the next.
A job needs an app context only, no request: the links in its e-mails come from ``SITE_URL``
through :mod:`foi.links`, exactly as when a page's action sends the same e-mail.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from flask import Flask
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from foi.extensions import db
from foi.jobs import queue
from foi.jobs.exports import export_archive_job
from foi.jobs.lock import Heartbeat
from foi.mail.delivery import deliver_pending
from foi.models.base import utcnow
from foi.services.agency_stats import agency_figures_refresh
from foi.services.complaint_alerts import complaint_reminders_sweep
from foi.services.db import transaction
from foi.services.digests import DIGEST_HOUR, digests_send
from foi.services.drafts import DraftSweep, drafts_sweep
from foi.services.follows import follows_search_sweep
from foi.services.jobs import job_sent, jobs_recover
from foi.services.ocr import documents_ocr_sweep
from foi.services.reminders import reminders_sweep

log = logging.getLogger("foi.jobs")


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
                # The driver opened a transaction for SET: end it, or the pool would hand
                # out a connection already inside one.
                dbapi_connection.commit()

        engine.dispose()  # pooled connections reopen with the setting


def sweep_reminders(
    app: Flask,
    now: datetime | None = None,
    keep_going: Callable[[], bool] = lambda: True,
    batch: int = 1000,
):
    """Enqueue due-soon reminders and overdue notices; return the sweep's result."""
    with app.app_context():
        result = reminders_sweep(
            now=now or utcnow(),
            reminder_days=app.config["REMINDER_DAYS"],
            batch=batch,
            keep_going=keep_going,
        )
        if result.messages:
            log.info("reminders: %d messages for %d requests", result.messages, result.notified)
        return result


def sweep_digests(app: Flask, now: datetime | None = None) -> int:
    """Enqueue today's digest for each officer who has not had it; return how many."""
    with app.app_context():
        count = digests_send(now=now or utcnow(), hour=app.config.get("DIGEST_HOUR", DIGEST_HOUR))
        if count:
            log.info("digests: %d enqueued", count)
        return count


def sweep_complaints(app: Flask, now: datetime | None = None) -> int:
    """Enqueue alerts about complaints nearing their decision date; return how many."""
    with app.app_context():
        count = complaint_reminders_sweep(
            now=now or utcnow(), reminder_days=app.config["REMINDER_DAYS"]
        )
        if count:
            log.info("complaints: %d alerts enqueued", count)
        return count


def sweep_follows(app: Flask, now: datetime | None = None) -> int:
    """E-mail followed searches their new answers (each at most once a day); return how many."""
    with app.app_context():
        count = follows_search_sweep(now=now or utcnow())
        if count:
            log.info("follows: %d search e-mails enqueued", count)
        return count


def sweep_drafts(app: Flask, now: datetime | None = None) -> DraftSweep:
    """Warn the authors of forgotten drafts, and delete the drafts whose time is up."""
    with app.app_context():
        result = drafts_sweep(
            now=now or utcnow(),
            keep_days=app.config["DRAFT_KEEP_DAYS"],
            warn_days=app.config["DRAFT_WARN_DAYS"],
        )
        if result.warned or result.deleted:
            log.info("drafts: %d warned, %d deleted", result.warned, result.deleted)
        return result


def sweep_mail(
    app: Flask, now: datetime | None = None, keep_going: Callable[[], bool] = lambda: True
) -> dict[str, int]:
    """Deliver the pending e-mail whose time has come; return counts by outcome."""
    with app.app_context():
        counts = deliver_pending(now or utcnow(), keep_going=keep_going)
        if any(counts.values()):
            log.info("mail: %s", counts)
        return counts


def sweep_archive_export(app: Flask, now: datetime | None = None):
    """Ask the task queue for today's bulk export of the archive unless it exists (one stat)."""
    return export_archive_job(app, now or utcnow())


def sweep_jobs(app: Flask, now: datetime | None = None):
    """Send again the queue's jobs whose worker died or whose message was lost."""
    with app.app_context():
        lease = timedelta(seconds=app.config["JOB_LEASE_SECONDS"])
        try:
            empty = queue.pending(app) == 0
        except Exception as exc:  # the queue is down: only expired leases are looked at
            log.warning("queue unreachable: %s", exc)
            empty = False
        recovery = jobs_recover(
            now=now or utcnow(),
            max_attempts=app.config["JOB_ATTEMPTS"],
            queue_empty=empty,
            patience=lease,
        )
        sent = [job_id for job_id in recovery.resend if _resend(app, job_id, now or utcnow())]
        if sent or recovery.given_up:
            log.info("jobs: %s sent again, %s given up", sent, recovery.given_up)
        return recovery


def sweep_ocr(app: Flask, now: datetime | None = None) -> list[int]:
    """Mark "unreadable" the scans whose OCR job died or was not run in time; return their ids."""
    with app.app_context():
        patience = timedelta(seconds=app.config["OCR_GIVE_UP_SECONDS"])
        given_up = documents_ocr_sweep(now=now or utcnow(), patience=patience)
        if given_up:
            log.info("ocr: %d scan(s) marked unreadable", len(given_up))
        return given_up


def sweep_statistics(app: Flask, now: datetime | None = None) -> int:
    """Count again the agencies' figures older than ``STATISTICS_SECONDS``; return how many."""
    with app.app_context():
        max_age = timedelta(seconds=app.config["STATISTICS_SECONDS"])
        return agency_figures_refresh(now=now or utcnow(), max_age=max_age)


def _resend(app: Flask, job_id: int, now: datetime) -> bool:
    if not queue.send(app, job_id):
        return False
    with transaction():
        job_sent(job_id, now)
    return True


def run_sweeps(
    app: Flask, heartbeat: Heartbeat, now: Callable[[], datetime] = utcnow, batch: int = 1000
) -> bool:
    """Run every sweep once if this process holds the lease; return False when another does.

    ``heartbeat`` renews the lease from its own thread; each sweep asks it between batches
    (and the mail sweep before each message) and stops at once when the lease may be lost
    (this process stalled past the lease and another scheduler may have taken over).
    """
    keep_going = heartbeat.held
    if not keep_going():
        return False
    sweep_reminders(app, now(), keep_going=keep_going, batch=batch)
    if keep_going():
        sweep_complaints(app, now())
    if keep_going():
        sweep_digests(app, now())
    if keep_going():
        sweep_follows(app, now())
    if keep_going():
        sweep_drafts(app, now())
    if keep_going():
        sweep_mail(app, now(), keep_going=keep_going)
    if keep_going():
        sweep_jobs(app, now())
    if keep_going():
        sweep_ocr(app, now())  # after the jobs' sweep: a job given up there is seen here
    if keep_going():
        sweep_statistics(app, now())
    if keep_going():
        try:  # last, and on its own: a failed export must not hold up reminders or mail
            sweep_archive_export(app, now())
        except Exception:
            log.exception("archive export failed; the next sweep tries again")
    if keep_going():
        heartbeat.sweep_done(now())
    return True
