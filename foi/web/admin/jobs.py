"""Administrators see the task queue: the backlog by kind, and the latest jobs with their errors."""

from flask import current_app, redirect, render_template, url_for
from flask_login import current_user

from foi.jobs import enqueue
from foi.models.base import utcnow
from foi.services.jobs import jobs_backlog, jobs_recent
from foi.web.admin import bp
from foi.web.admin.views import admin_only
from foi.web.jobs.views import STATUS_LABELS, kind_label


@bp.get("/jobs")
@admin_only
def jobs():
    """Show the backlog by kind and the latest jobs with who asked, progress and errors."""
    return render_template(
        "admin/jobs.html",
        backlog=jobs_backlog(),
        recent=jobs_recent(),
        kind_label=kind_label,
        status_labels=STATUS_LABELS,
    )


@bp.post("/jobs/<any(export, reindex):kind>")
@admin_only
def jobs_start(kind: str):
    """Start today's archive export or a full re-index now, and follow it on the job's page."""
    args = {"day": utcnow().date().isoformat()} if kind == "export" else {}
    job = enqueue(current_app._get_current_object(), kind=kind, args=args, user=current_user)
    return redirect(url_for("jobs.job_page", job_id=job.id))
