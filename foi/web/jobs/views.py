"""The job page (works without JavaScript: it refreshes itself) and its small JSON status.

Only the person who asked sees a job: anyone else gets 404, as for any object they may not see.
"""

from pathlib import Path

from flask import abort, jsonify, render_template, send_file, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from foi.documents.serving import download_headers
from foi.models.job import DONE, FAILED, QUEUED, RUNNING
from foi.services import jobs
from foi.services.errors import NotFound
from foi.web.jobs import bp

KIND_LABELS = {
    "report": _l("Annual report"),
    "export": _l("Export of the archive"),
    "dossier": _l("Dossier of the request"),
    "reindex": _l("Rebuilding the search index"),
    "personal_data": _l("A copy of your data"),
}
STATUS_LABELS = {
    QUEUED: _l("Waiting for a free worker"),
    RUNNING: _l("Being prepared"),
    DONE: _l("Ready"),
    FAILED: _l("It could not be done. The administrators can see why and try again."),
}
REFRESH_SECONDS = 2


def kind_label(kind: str) -> str:
    """Return the name people read for a kind of job."""
    return str(KIND_LABELS.get(kind, kind))


def _own(job_id: int):
    try:
        return jobs.job_for_owner(current_user, job_id)
    except NotFound:
        abort(404)


def _file(job) -> Path | None:
    """Return the job's file when it is done and the file is still there."""
    result = jobs.job_result(job)
    if job.status != DONE or not result.get("file"):
        return None
    path = Path(result["file"])
    return path if path.is_file() else None


def status_of(job) -> dict:
    """Return the job's status as the JSON endpoint and the page show it."""
    path = _file(job)
    return {
        "id": job.id,
        "kind": job.kind,
        "status": job.status,
        "label": str(STATUS_LABELS[job.status]),
        "progress": round(job.progress, 3),
        "percent": int(job.progress * 100),
        "finished": job.status in (DONE, FAILED),
        "download": url_for("jobs.job_file", job_id=job.id) if path else None,
    }


@bp.get("/<int:job_id>")
@login_required
def job_page(job_id: int):
    """Show the job's progress (refreshing itself until it ends), then its download."""
    job = _own(job_id)
    status = status_of(job)
    return render_template(
        "jobs/job.html",
        job=job,
        title=kind_label(job.kind),
        status=status,
        name=jobs.job_result(job).get("name", ""),
        refresh=None if status["finished"] else REFRESH_SECONDS,
    )


@bp.get("/<int:job_id>.json")
@login_required
def job_status(job_id: int):
    """Answer the job's status as JSON, for scripts and pages that poll."""
    response = jsonify(status_of(_own(job_id)))
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/<int:job_id>/file")
@login_required
def job_file(job_id: int):
    """Send the file the job made, to the person who asked for it."""
    job = _own(job_id)
    path = _file(job)
    if path is None:
        abort(404)
    result = jobs.job_result(job)
    mime = result.get("mime", "application/octet-stream")
    response = send_file(path, mimetype=mime, max_age=0)
    response.headers.update(download_headers(result.get("name", path.name), mime))
    return response
