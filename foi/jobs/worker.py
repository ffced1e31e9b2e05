"""What a queue worker does with a job id: claim the row, run its kind, keep the lease, finish.

``run_job`` is the one task of the queue (``foi.jobs.queue``); ``flask foi worker`` runs it in
Huey's consumer threads, and tests call it directly. The lease is renewed (with the progress
the job reported) from a thread of its own, so a job that holds a long transaction, or stays
minutes in one WeasyPrint call, keeps it; a worker that dies stops renewing, and the
scheduler's sweep sends the job again once the lease has run out.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from flask import Flask

from foi.extensions import db
from foi.jobs.kinds import JobRun, handler_for
from foi.models import Job
from foi.models.base import utcnow
from foi.services import jobs

log = logging.getLogger("foi.jobs")


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


class LeaseKeeper:
    """Renew a job's lease and write its latest progress every ``beat`` seconds."""

    def __init__(self, app: Flask, job_id: int, worker: str, lease: timedelta, beat: float):
        self.app, self.job_id, self.worker = app, job_id, worker
        self.lease, self.beat = lease, beat
        self.stage, self.fraction = "", 0.0
        self.held = True
        self._dirty = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"lease-{job_id}", daemon=True)

    def progress(self, stage: str, fraction: float) -> None:
        # Kept in memory: the job's own session may be inside a long transaction, which a
        # progress write must neither commit nor (on SQLite) wait behind.
        self.stage, self.fraction, self._dirty = stage, fraction, True

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        with self.app.app_context():
            while not self._stop.wait(self.beat):
                try:
                    self.held = jobs.job_renew(self.job_id, self.worker, utcnow(), self.lease)
                    if self.held and self._dirty:
                        self._dirty = False
                        jobs.job_progress(self.job_id, self.worker, self.stage, self.fraction)
                except Exception as exc:  # busy database: the next beat tries again
                    db.session.rollback()
                    log.warning("job %s: lease not renewed (%s)", self.job_id, exc)
                if not self.held:
                    log.warning(
                        "job %s was taken from this worker; its result is ignored", self.job_id
                    )
                    return
            db.session.remove()


def run_job(app: Flask, job_id: int, clock: Callable[[], datetime] = utcnow) -> bool:
    """Claim and run job ``job_id``; return False when it was not ours to run."""

    worker = worker_name()
    lease = timedelta(seconds=app.config["JOB_LEASE_SECONDS"])
    with app.app_context():
        try:
            if not jobs.job_claim(job_id, worker, clock(), lease):
                return False  # done already, or another worker's: a duplicate message
            job = db.session.get(Job, job_id)
            # S101 is a false positive here: the row was just claimed above, so it exists; the
            # assert narrows the type, it checks no input.
            assert job is not None  # noqa: S101
            handler = handler_for(app, job.kind)
            if handler is None:
                jobs.job_fail(job_id, worker, f"No such kind of job: {job.kind}", clock())
                return True
            keeper = LeaseKeeper(app, job_id, worker, lease, beat=_beat(lease))
            run = JobRun(
                job_id=job_id,
                kind=job.kind,
                args=jobs.job_args(job),
                user_id=job.user_id,
                attempt=job.attempts,
                progress=keeper.progress,
            )
            db.session.rollback()  # end the read: the job's work opens its own transactions
            log.info("job %s (%s) started by %s, attempt %s", job_id, run.kind, worker, run.attempt)
            keeper.start()
            try:
                result = handler(run)
            except Exception as exc:
                db.session.rollback()
                log.exception("job %s (%s) failed", job_id, run.kind)
                jobs.job_fail(job_id, worker, _reason(exc), clock())
            else:
                db.session.rollback()  # whatever the job left open is not part of its result
                if jobs.job_finish(job_id, worker, result, clock()):
                    log.info("job %s (%s) done", job_id, run.kind)
            finally:
                keeper.stop()
            return True
        finally:
            db.session.remove()


def _beat(lease: timedelta) -> float:
    """Renew three times a lease, and at least every second so progress reads live."""
    return max(0.05, min(1.0, lease.total_seconds() / 3))


def _reason(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:500] or type(exc).__name__
