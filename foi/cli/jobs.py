"""Commands that run the scheduler and its sweeps."""
import logging
import os
import socket

import click
from flask import current_app

from foi.cli import foi_cli
from foi.jobs.lock import lease_acquire
from foi.jobs.sweeps import sweep_mail, sweep_reminders
from foi.models.base import utcnow


@foi_cli.command("send-mail")
def send_mail():
    """Deliver the pending e-mail in the outbox once."""
    click.echo(sweep_mail(current_app._get_current_object()))


@foi_cli.command("remind")
def remind():
    """Enqueue deadline reminders and overdue notices once."""
    click.echo(f"{sweep_reminders(current_app._get_current_object())} requests notified")


@foi_cli.command("scheduler")
@click.option("--once", is_flag=True, help="Run every sweep once and exit.")
def scheduler(once):
    """Run the periodic sweeps (reminders, e-mail). Start exactly one, never in web workers."""
    from apscheduler.schedulers.blocking import BlockingScheduler

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = current_app._get_current_object()
    holder = f"{socket.gethostname()}:{os.getpid()}"

    def tick():
        with app.app_context():
            if not lease_acquire(holder, utcnow()):
                logging.getLogger("foi.jobs").info("another scheduler holds the lease")
                return
        sweep_reminders(app)
        sweep_mail(app)

    if once:
        tick()
        return
    interval = app.config["SCHEDULER_INTERVAL_SECONDS"]
    sched = BlockingScheduler(timezone="UTC")
    # coalesce + max_instances=1: a late or slow run never piles up duplicate runs.
    sched.add_job(tick, "interval", seconds=interval, next_run_time=None, coalesce=True,
                  max_instances=1, id="sweeps")
    click.echo(f"foi scheduler {holder}: sweeping every {interval} s (Ctrl+C stops)")
    tick()
    try:
        sched.start()
    except (KeyboardInterrupt, SystemExit):
        pass
