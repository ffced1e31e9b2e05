"""The bulk file of the public archive: a job of the task queue.

The scheduler's sweep asks for it each night (``export_archive_job``); an administrator can ask
for it at any time from the jobs page. The job writes the day's file under a temporary name
and renames it when complete, so running it twice just replaces the file with the same one.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from flask import Flask

from foi.jobs import enqueue
from foi.jobs.kinds import JobRun, job_kind
from foi.models.base import utcnow
from foi.models.job import FAILED
from foi.services.archive import published_count
from foi.services.archive_bulk import archive_export, bulk_path, bulk_prune
from foi.services.jobs import job_latest

log = logging.getLogger("foi.jobs")
RETRY_AFTER = timedelta(hours=1)


def export_archive_job(app: Flask, now: datetime | None = None) -> int | None:
    """Nightly: ask the queue for today's bulk file unless it exists; return the job's id.

    Cheap to call from every scheduler sweep: after the day's file is written, a call is one
    ``stat``; until then the job already waiting is found and returned again, not doubled.
    """
    with app.app_context():
        now = now or utcnow()
        today = now.date()
        if bulk_path(today).exists():
            return None
        args = {"day": today.isoformat()}
        last = job_latest(kind="export", args=args, user=None)
        if last is not None and last.status == FAILED and last.finished_at > now - RETRY_AFTER:
            return last.id  # failed lately: try again in an hour, not at every sweep
        return enqueue(app, kind="export", args=args).id


@job_kind("export")
def export_archive(run: JobRun) -> dict:
    """Write the day's bulk file of the published archive and keep the last week of files."""
    day = date.fromisoformat(run.args["day"]) if run.args.get("day") else utcnow().date()
    total = max(1, published_count())
    written = 0

    def step(count: int) -> None:
        nonlocal written
        written += count
        run.progress("requests", written / total)

    path = archive_export(today=day, progress=step)
    removed = bulk_prune()
    log.info("Exported the archive to %s (%d old files removed)", path, len(removed))
    return {"file": str(path), "name": path.name, "mime": "application/gzip"}
