"""Commands that run the scheduler and each of its sweeps, and the task queue's workers."""

import logging
import os
import signal
import socket
from datetime import UTC, datetime, timedelta

import click
from flask import current_app

from foi.cli import fail, foi_cli
from foi.documents.ocr import LANGUAGES
from foi.jobs.kinds import known
from foi.jobs.lock import Heartbeat
from foi.jobs.queue import describe, queue_for
from foi.jobs.sweeps import (
    prepare_database,
    run_sweeps,
    sweep_complaints,
    sweep_digests,
    sweep_mail,
    sweep_ocr,
    sweep_reminders,
)
from foi.models.base import utcnow
from foi.services.ocr import ocr_status

NOW_HELP = "Act as if it were this moment (ISO 8601; UTC unless an offset is given)."


def _clock(now: str | None):
    """Return a clock: the real one, or one fixed at ``now`` for catch-up runs and tests."""
    if not now:
        return utcnow
    try:
        moment = datetime.fromisoformat(now)
    except ValueError:
        fail(f"--now: {now!r} is not an ISO 8601 date-time, e.g. 2025-11-05T09:00")
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return lambda: moment


def _holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _heartbeat(app, holder, clock, on_change=None) -> Heartbeat:
    lease = timedelta(seconds=app.config["SCHEDULER_LEASE_SECONDS"])
    return Heartbeat(app, holder, clock, lease, on_change=on_change)


def _logging() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")


@foi_cli.command("send-mail")
@click.option("--now", help=NOW_HELP)
def send_mail(now):
    """Deliver the pending e-mail in the outbox once.

    Takes the scheduler's lease first: two senders at once could both send a message before
    either marks it sent.
    """
    _logging()
    app = current_app._get_current_object()
    prepare_database(app)
    clock = _clock(now)
    heartbeat = _heartbeat(app, _holder(), clock)
    if not heartbeat.beat():
        fail("The scheduler is running and delivers the mail; try again when it stops.")
    heartbeat.start()
    try:
        counts = sweep_mail(app, clock(), keep_going=heartbeat.held)
    finally:
        heartbeat.stop()
    click.echo(", ".join(f"{k}: {v}" for k, v in counts.items()))


@foi_cli.command("remind")
@click.option("--now", help=NOW_HELP)
@click.option("--batch", default=1000, show_default=True, help="Requests per transaction.")
def remind(now, batch):
    """Enqueue deadline reminders and overdue notices that are due now."""
    _logging()
    result = sweep_reminders(current_app._get_current_object(), _clock(now)(), batch=batch)
    click.echo(
        f"{result.looked_at} requests looked at, {result.notified} notified, "
        f"{result.messages} messages enqueued"
    )


@foi_cli.command("digest")
@click.option("--now", help=NOW_HELP)
def digest(now):
    """Enqueue today's digest of open requests for each officer who has not had it."""
    click.echo(f"{sweep_digests(current_app._get_current_object(), _clock(now)())} digests")


@foi_cli.command("complaint-reminders")
@click.option("--now", help=NOW_HELP)
def complaint_reminders(now):
    """Enqueue alerts about complaints nearing or past their decision date."""
    count = sweep_complaints(current_app._get_current_object(), _clock(now)())
    click.echo(f"{count} complaint alerts")


@foi_cli.command("ocr-sweep")
@click.option("--now", help=NOW_HELP)
def ocr_sweep(now):
    """Mark "could not be read" the scans whose OCR job died or was not run in time."""
    given_up = sweep_ocr(current_app._get_current_object(), _clock(now)())
    click.echo(f"{len(given_up)} scans marked unreadable")


@foi_cli.command("scheduler")
@click.option("--once", is_flag=True, help="Run every sweep once and exit.")
@click.option("--now", help=NOW_HELP + " For tests and catch-up runs.")
@click.option(
    "--batch",
    default=1000,
    show_default=True,
    help="Requests per transaction in the reminder sweep.",
)
def scheduler(once, now, batch):
    """Run the periodic sweeps: reminders, complaints, digests, e-mail.

    Start one per site (``make run`` does), never inside web workers; a second one, on this
    host or another, stands by: a lease in the database (FOI_SCHEDULER_LEASE seconds, renewed
    every third of it) lets one act at a time, and a standby takes over within 4/3 of the
    lease after the active one dies, and sweeps at once.
    """
    # Only the scheduler process needs APScheduler; the other commands start without it.
    from apscheduler.schedulers.blocking import BlockingScheduler

    _logging()
    app = current_app._get_current_object()
    clock = _clock(now)
    prepare_database(app)
    holder = _holder()
    sched = BlockingScheduler(timezone="UTC")

    def took_over(active: bool) -> None:
        if active and sched.get_job("sweeps"):  # mail that waited for the dead one goes now
            sched.modify_job("sweeps", next_run_time=datetime.now(UTC))

    heartbeat = _heartbeat(app, holder, clock, on_change=None if once else took_over)

    def tick():
        try:
            run_sweeps(app, heartbeat, clock, batch=batch)
        except Exception:  # the next tick tries again; the scheduler itself must keep running
            logging.getLogger("foi.jobs").exception("sweeps failed")

    heartbeat.beat()
    heartbeat.start()
    if once:
        try:
            acted = run_sweeps(app, heartbeat, clock, batch=batch)
        finally:
            heartbeat.stop()
        click.echo("done" if acted else "another scheduler holds the lease")
        return
    interval = app.config["SCHEDULER_INTERVAL_SECONDS"]
    # coalesce + max_instances=1: a late or slow run never piles up duplicate runs.
    sched.add_job(
        tick,
        "interval",
        seconds=interval,
        coalesce=True,
        max_instances=1,
        id="sweeps",
        next_run_time=datetime.now(UTC),
    )
    signal.signal(signal.SIGTERM, lambda *_: sched.shutdown(wait=False))
    click.echo(f"foi scheduler {holder}: sweeping every {interval} s (Ctrl+C stops)")
    try:
        sched.start()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        heartbeat.stop()


@foi_cli.command("worker")
@click.option(
    "--threads", default=2, show_default=True, help="Jobs this process runs at the same time."
)
def worker(threads):
    """Run the task queue's jobs: report PDFs, archive exports, re-indexing.

    Start as many as the work needs, on any host: they share one queue (Redis when
    FOI_REDIS_URL is set, else the PostgreSQL database, else the SQLite file FOI_QUEUE_PATH,
    which only this host's workers see). Each job is claimed in the database with a lease, so
    no job runs twice at once; a job whose worker died (kill -9, a lost host) runs again once
    its lease (FOI_JOB_LEASE seconds) has run out. Ctrl+C lets running jobs finish; SIGTERM
    stops at once, and those jobs run again later.
    """
    if threads < 1:
        fail("--threads: give 1 or more")
    _logging()
    app = current_app._get_current_object()
    prepare_database(app)
    huey = queue_for(app)
    kinds = known(app)
    consumer = huey.create_consumer(
        workers=threads,
        worker_type="thread",
        periodic=False,
        initial_delay=0.1,
        max_delay=1.0,  # a polled queue (SQLite) starts a new job within a second
        check_worker_health=True,
    )
    click.echo(
        f"foi worker {_holder()}: {threads} threads on the {describe(app)} queue, "
        f"running {', '.join(kinds)} (Ctrl+C stops)"
    )
    ocr_off = ocr_status()
    if ocr_off:
        logging.getLogger("foi.ocr").warning(
            "OCR is off: %s; scanned uploads are kept but not read", ocr_off
        )
    else:
        click.echo(f"OCR is on: scans are read in {'+'.join(LANGUAGES)}")
    consumer.run()
