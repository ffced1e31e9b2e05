"""Scheduled sweeps, and the jobs of the task queue (``enqueue`` is their one way in)."""

from __future__ import annotations

from flask import Flask

from foi.jobs import queue
from foi.models import Job, User
from foi.models.base import utcnow
from foi.services import jobs
from foi.services.db import transaction


def enqueue(app: Flask, *, kind: str, args: dict, user: User | None = None) -> Job:
    """Create job ``kind`` for ``user`` and hand it to the queue; return its row.

    The same person's same job, still waiting or running, is returned instead of a second one
    (a double click, a reload of the form). The row is committed before the queue hears of it,
    so a worker always finds it; if the queue cannot be reached the row waits for the sweep.
    """
    with transaction():
        job = jobs.job_waiting(kind=kind, args=args, user=user)
        if job is not None:
            return job
        job = jobs.job_create(kind=kind, args=args, user=user, now=utcnow())
    if queue.send(app, job.id):
        with transaction():
            jobs.job_sent(job.id, utcnow())
    return job
