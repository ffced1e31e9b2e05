"""The task queue: Huey carries job ids from the site to the workers.

Which storage carries them follows the deployment, so that ``make run`` needs no server and
several hosts share one queue:

- ``FOI_REDIS_URL`` set: Redis (RedisHuey), shared by every host;
- else a PostgreSQL database: the queue's tables in it (PostgresHuey, created by migration 0016);
- else SQLite: a queue file of its own beside the database (``FOI_QUEUE_PATH``).

Huey removes a message from the queue before running it, so it alone would lose a job whose
worker is killed (checked here with ``kill -9`` on Redis and SQLite). The ``job`` row is
therefore the truth (``foi.services.jobs``): the queue only says "look at job 42", a worker
claims the row with a lease, and the scheduler's sweep sends a job again when its lease runs
out. Sending a job twice is harmless: only one claim can win.
"""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask
from huey import Huey, PostgresHuey, RedisHuey, SqliteHuey
from sqlalchemy.engine import make_url

from foi.jobs.worker import run_job

log = logging.getLogger("foi.jobs")

TASK = "foi.run_job"


def queue_for(app: Flask) -> Huey:
    """Return the app's queue (made once per app and configuration) with its one task."""
    key = _where(app)
    cached = app.extensions.get("foi.queue")
    if cached is not None and cached[0] == key:
        return cached[1]
    huey = _make(app)

    def run_job_task(job_id: int) -> None:
        run_job(app, job_id)

    task = huey.task(name=TASK)(run_job_task)
    app.extensions["foi.queue"] = (key, huey, task)
    return huey


def _where(app: Flask) -> tuple[str, str]:
    if app.config.get("REDIS_URL"):
        return ("redis", app.config["REDIS_URL"])
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() == "postgresql":
        return ("postgresql", url.set(drivername="postgresql").render_as_string(False))
    return ("sqlite", str(app.config["QUEUE_PATH"]))


def _make(app: Flask) -> Huey:
    # results=False: a job's result and error live in its row, where its owner can read them.
    kind, where = _where(app)
    if kind == "redis":
        return RedisHuey("foi", url=where, results=False, utc=True)
    if kind == "postgresql":
        return PostgresHuey("foi", dsn=where, results=False, utc=True, create_tables=False)
    Path(where).parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("foi", filename=where, results=False, utc=True)


def describe(app: Flask) -> str:
    """Say where the queue lives, without any password."""
    kind, where = _where(app)
    if kind == "sqlite":
        return f"SQLite file {where}"
    return f"{kind} {make_url(where).render_as_string(hide_password=True)}"


def send(app: Flask, job_id: int) -> bool:
    """Hand job ``job_id`` to the queue; False (logged) when the queue could not be reached.

    A job that could not be sent stays queued in its row; the scheduler's next sweep sends it.
    """
    huey = queue_for(app)
    task = app.extensions["foi.queue"][2]
    try:
        huey.enqueue(task.s(job_id))
    except Exception as exc:  # Redis or the database down: the sweep sends it later
        log.warning("job %s could not be sent to the queue (%s); the sweep retries", job_id, exc)
        return False
    return True


def pending(app: Flask) -> int:
    """Return how many messages wait in the queue (not yet taken by a worker)."""
    return queue_for(app).pending_count()
