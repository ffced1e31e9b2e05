"""A person's data prepared on the task queue: a ZIP of everything foi holds about them.

The person asks on their account page (or an administrator asks for someone who wrote by
post) and follows the job; when it is ready the person is e-mailed a link to it. Running twice
is harmless: the ZIP is replaced atomically and the e-mail has a key of its own.
"""

from pathlib import Path

from flask import current_app

from foi.jobs.kinds import JobRun, job_kind
from foi.services.personal_data import personal_data_prepare

ZIP = "application/zip"


@job_kind("personal_data")
def personal_data(run: JobRun) -> dict:
    path = personal_data_prepare(
        user_id=int(run.args["user_id"]),
        asker_id=run.user_id,
        job_id=run.job_id,
        directory=Path(current_app.config["JOBS_DIR"]) / "personal",
        site=current_app.config["SITE_NAME"],
        progress=run.progress,
    )
    return {"file": str(path), "name": path.name, "mime": ZIP}
