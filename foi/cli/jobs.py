"""Commands that run the scheduler and each of its sweeps."""
import logging
import os
import signal
import socket
from datetime import UTC, datetime

import click
from flask import current_app

from foi.cli import fail, foi_cli
from foi.jobs.lock import lease_acquire, lease_release
from foi.jobs.sweeps import (
    prepare_database,
    run_sweeps,
    sweep_complaints,
    sweep_digests,
    sweep_mail,
    sweep_reminders,
)
from foi.models.base import utcnow

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
    clock, holder = _clock(now), _holder()
    with app.app_context():
        if not lease_acquire(holder, clock()):
            fail("The scheduler is running and delivers the mail; try again when it stops.")
    try:
        counts = sweep_mail(app, clock())
    finally:
        with app.app_context():
            lease_release(holder)
    click.echo(", ".join(f"{k}: {v}" for k, v in counts.items()))


@foi_cli.command("remind")
@click.option("--now", help=NOW_HELP)
@click.option("--batch", default=1000, show_default=True, help="Requests per transaction.")
def remind(now, batch):
    """Enqueue deadline reminders and overdue notices that are due now."""
    _logging()
    result = sweep_reminders(current_app._get_current_object(), _clock(now)(), batch=batch)
    click.echo(f"{result.looked_at} requests looked at, {result.notified} notified, "
               f"{result.messages} messages enqueued")


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


@foi_cli.command("scheduler")
@click.option("--once", is_flag=True, help="Run every sweep once and exit.")
@click.option("--now", help=NOW_HELP + " For tests and catch-up runs.")
@click.option("--batch", default=1000, show_default=True,
              help="Requests per transaction in the reminder sweep.")
def scheduler(once, now, batch):
    """Run the periodic sweeps: reminders, complaints, digests, e-mail.

    Start exactly one (``make run`` does), never inside web workers. A second one started by
    mistake waits: a lease in the database lets one act at a time, and another takes over
    within minutes if the first dies.
    """
    from apscheduler.schedulers.blocking import BlockingScheduler

    _logging()
    app = current_app._get_current_object()
    clock = _clock(now)
    prepare_database(app)
    holder = _holder()

    def tick():
        try:
            run_sweeps(app, holder, clock, batch=batch)
        except Exception:  # the next tick tries again; the scheduler itself must keep running
            logging.getLogger("foi.jobs").exception("sweeps failed")

    if once:
        acted = run_sweeps(app, holder, clock, batch=batch)
        with app.app_context():
            lease_release(holder)
        click.echo("done" if acted else "another scheduler holds the lease")
        return
    interval = app.config["SCHEDULER_INTERVAL_SECONDS"]
    sched = BlockingScheduler(timezone="UTC")
    # coalesce + max_instances=1: a late or slow run never piles up duplicate runs.
    sched.add_job(tick, "interval", seconds=interval, coalesce=True, max_instances=1,
                  id="sweeps", next_run_time=clock())
    signal.signal(signal.SIGTERM, lambda *_: sched.shutdown(wait=False))
    click.echo(f"foi scheduler {holder}: sweeping every {interval} s (Ctrl+C stops)")
    try:
        sched.start()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        with app.app_context():
            lease_release(holder)
