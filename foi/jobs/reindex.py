"""A full re-index of the archive's search, as a job of the task queue.

``flask foi reindex`` runs it in the terminal with a progress bar, or hands it to the queue
with ``--queue``; administrators ask for it from the jobs page. It replaces the whole index in
one transaction, so running it twice leaves the same index.
"""

from flask import current_app

from foi.jobs.kinds import JobRun, job_kind
from foi.services.archive import published_count
from foi.services.search_index import archive_reindex


@job_kind("reindex")
def reindex(run: JobRun) -> dict:
    total = max(1, published_count())
    written = 0

    def step(count: int) -> None:
        nonlocal written
        written += count
        run.progress("indexing", 0.9 * written / total)

    done = archive_reindex(
        progress=step,
        finishing=lambda: run.progress("merging", 0.9),
        optimizing=lambda: run.progress("statistics", 0.97),
        workers=current_app.config["REINDEX_WORKERS"],
    )
    return {"indexed": done}
