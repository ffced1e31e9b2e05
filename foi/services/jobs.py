"""The jobs of the task queue as rows: create, claim with a lease, report progress, finish.

A commit point of its own (tests/test_layers.py): each claim, renewal and end is committed at
once, because other processes (workers, the sweep, the owner's page) decide on it.

Every change is one conditional UPDATE, so two workers (threads, processes or hosts) can never
both claim a job, and a worker whose lease was taken from it (it stalled, the sweep sent the
job again) can no longer write to it. The queue library only carries job ids; see
``foi.jobs.queue`` for why the row, not the library, decides whether a job runs again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update

from foi.extensions import db
from foi.models import Job, User
from foi.models.job import DONE, FAILED, QUEUED, RUNNING, WAITING
from foi.services.db import rows_changed
from foi.services.errors import NotFound

_job = Job.__table__


def job_create(*, kind: str, args: dict, user: User | None, now: datetime) -> Job:
    """Add a queued job (the caller commits, then hands its id to the queue)."""
    job = Job(
        kind=kind,
        args_json=json.dumps(args, sort_keys=True),
        status=QUEUED,
        progress=0.0,
        stage="",
        attempts=0,
        user_id=user.id if user is not None else None,
        created_at=now,
    )
    db.session.add(job)
    db.session.flush()
    return job


def job_waiting(*, kind: str, args: dict, user: User | None) -> Job | None:
    """Return the same person's same job still waiting or running, so a second click joins it."""
    return db.session.scalar(
        select(Job)
        .where(
            Job.kind == kind,
            Job.args_json == json.dumps(args, sort_keys=True),
            Job.status.in_(WAITING),
            Job.user_id.is_(None) if user is None else Job.user_id == user.id,
        )
        .order_by(Job.id.desc())
        .limit(1)
    )


def job_latest(*, kind: str, args: dict, user: User | None) -> Job | None:
    """Return the latest job of this kind with these arguments for ``user``, whatever its status."""
    return db.session.scalar(
        select(Job)
        .where(
            Job.kind == kind,
            Job.args_json == json.dumps(args, sort_keys=True),
            Job.user_id.is_(None) if user is None else Job.user_id == user.id,
        )
        .order_by(Job.id.desc())
        .limit(1)
    )


def jobs_latest_for(*, kind: str, args: list[dict]) -> list[Job | None]:
    """Return the latest job of ``kind`` asked with each of ``args`` (by anyone), or None."""
    keys = [json.dumps(a, sort_keys=True) for a in args]
    latest: dict[str, Job] = {}
    for job in db.session.scalars(
        select(Job).where(Job.kind == kind, Job.args_json.in_(set(keys))).order_by(Job.id)
    ):
        latest[job.args_json] = job
    return [latest.get(key) for key in keys]


def job_sent(job_id: int, now: datetime) -> None:
    """Record that the job was handed to the queue."""
    db.session.execute(update(_job).where(_job.c.id == job_id).values(sent_at=now))


def job_claim(job_id: int, worker: str, now: datetime, lease: timedelta) -> bool:
    """Take a queued job for ``worker`` until ``now + lease``; False if it is not queued."""
    taken = rows_changed(
        update(_job)
        .where(_job.c.id == job_id, _job.c.status == QUEUED)
        .values(
            status=RUNNING,
            worker=worker,
            lease_until=now + lease,
            attempts=_job.c.attempts + 1,
            started_at=func.coalesce(_job.c.started_at, now),
            stage="",
            progress=0.0,
        )
    )
    db.session.commit()  # the claim: seen at once by every other worker
    return bool(taken)


def _mine(job_id: int, worker: str):
    return and_(_job.c.id == job_id, _job.c.worker == worker, _job.c.status == RUNNING)


def job_renew(job_id: int, worker: str, now: datetime, lease: timedelta) -> bool:
    """Extend the worker's lease; False when the job is no longer its own."""
    kept = rows_changed(update(_job).where(_mine(job_id, worker)).values(lease_until=now + lease))
    db.session.commit()  # from the lease thread: the sweep must see the lease renewed
    return bool(kept)


def job_progress(job_id: int, worker: str, stage: str, fraction: float) -> bool:
    """Record what the job is doing and how far it is (0 … 1)."""
    kept = rows_changed(
        update(_job)
        .where(_mine(job_id, worker))
        .values(stage=stage[:80], progress=min(1.0, max(0.0, fraction)))
    )
    db.session.commit()  # from the lease thread: the sweep must see the lease renewed
    return bool(kept)


def job_finish(job_id: int, worker: str, result: dict | None, now: datetime) -> bool:
    """Mark the job done with its result; False when another worker has it now."""
    done = rows_changed(
        update(_job)
        .where(_mine(job_id, worker))
        .values(
            status=DONE,
            progress=1.0,
            result_json=json.dumps(result or {}),
            finished_at=now,
            lease_until=None,
        )
    )
    db.session.commit()  # the job's end, seen by its owner's page and the other workers
    return bool(done)


def job_fail(job_id: int, worker: str, error: str, now: datetime) -> bool:
    """Mark the job failed with one readable line of why."""
    failed = rows_changed(
        update(_job)
        .where(_mine(job_id, worker))
        .values(status=FAILED, error=error[:2000], finished_at=now, lease_until=None)
    )
    db.session.commit()  # the job's end, seen by its owner's page and the other workers
    return bool(failed)


@dataclass(frozen=True)
class Recovery:
    """What one sweep did: jobs to hand to the queue again, and jobs given up."""

    resend: list[int]
    given_up: list[int]


def jobs_recover(
    *, now: datetime, max_attempts: int, queue_empty: bool, patience: timedelta
) -> Recovery:
    """Send again the jobs whose worker died, and those the queue lost before any claim.

    A running job whose lease ran out lost its worker (killed, or its host went away): it is
    queued again, or failed once it has been claimed ``max_attempts`` times (a job that kills
    its worker each time must not loop forever). A queued job that was never handed to the
    queue (it was down) goes now; one handed over more than ``patience`` ago while the queue
    is empty was lost with a worker that took the message and died before claiming it.
    """
    db.session.rollback()
    expired = list(
        db.session.execute(
            select(_job.c.id, _job.c.attempts).where(
                _job.c.status == RUNNING, _job.c.lease_until < now
            )
        )
    )
    given_up = [job_id for job_id, attempts in expired if attempts >= max_attempts]
    again = [job_id for job_id, attempts in expired if attempts < max_attempts]
    if given_up:
        db.session.execute(
            update(_job)
            .where(_job.c.id.in_(given_up), _job.c.status == RUNNING, _job.c.lease_until < now)
            .values(
                status=FAILED,
                error=f"The worker stopped while running it, {max_attempts} times.",
                finished_at=now,
                lease_until=None,
            )
        )
    if again:
        db.session.execute(
            update(_job)
            .where(_job.c.id.in_(again), _job.c.status == RUNNING, _job.c.lease_until < now)
            .values(status=QUEUED, worker=None, lease_until=None, sent_at=None)
        )
    lost = [_job.c.sent_at.is_(None)]
    if queue_empty:
        lost.append(_job.c.sent_at < now - patience)
    resend = list(
        db.session.scalars(
            select(_job.c.id).where(_job.c.status == QUEUED, or_(*lost)).order_by(_job.c.id)
        )
    )
    db.session.commit()  # before the queue hears of the jobs again, so a worker finds them queued
    return Recovery(resend=resend, given_up=given_up)


def job_for_owner(viewer: User, job_id: int) -> Job:
    """Return the job ``viewer`` asked for, or raise NotFound (also for anyone else's)."""
    # Read the row again even if this session holds it: a worker in another process (or, in
    # tests, another session) has moved it on since.
    job = db.session.get(Job, job_id, populate_existing=True)
    if job is None or not getattr(viewer, "is_authenticated", False) or job.user_id != viewer.id:
        raise NotFound()
    return job


def job_args(job: Job) -> dict:
    """Return the arguments the job was asked with."""
    return json.loads(job.args_json or "{}")


def job_result(job: Job) -> dict:
    """Return what the job left for its owner (empty until it is done)."""
    return json.loads(job.result_json or "{}")


@dataclass(frozen=True)
class BacklogRow:
    """One kind of job in the backlog: how many wait, how many run, since when."""

    kind: str
    queued: int
    running: int
    oldest_queued: datetime | None


def jobs_backlog() -> list[BacklogRow]:
    """Count the waiting and running jobs of each kind, with the oldest waiting one."""
    rows = db.session.execute(
        select(
            Job.kind,
            func.count().filter(Job.status == QUEUED),
            func.count().filter(Job.status == RUNNING),
            func.min(Job.created_at).filter(Job.status == QUEUED),
        )
        .where(Job.status.in_(WAITING))
        .group_by(Job.kind)
        .order_by(Job.kind)
    ).all()
    return [BacklogRow(kind, queued, running, oldest) for kind, queued, running, oldest in rows]


def jobs_recent(limit: int = 50) -> list[Job]:
    """Return the latest jobs, newest first, for the administrators' queue page."""
    return list(db.session.scalars(select(Job).order_by(Job.id.desc()).limit(limit)))


def jobs_waiting_count() -> int:
    """Count the jobs queued or running (the backlog on the administrator's home page)."""
    return int(
        db.session.scalar(select(func.count()).select_from(Job).where(Job.status.in_(WAITING))) or 0
    )
