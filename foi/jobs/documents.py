"""Long PDFs made on the task queue: the country's annual report, a long request's dossier.

The report reads every request of the year, and a dossier of hundreds of events takes
WeasyPrint many seconds, so the pages ask for them here and the person watches the job.
Running twice is harmless: the file is written under its own name and replaced atomically.
"""

import os
import tempfile
from pathlib import Path

from flask import current_app

from foi.documents import types as t
from foi.extensions import db
from foi.jobs.kinds import JobRun, job_kind
from foi.models import User
from foi.services import letters, reports
from foi.services.errors import NotFound


@job_kind("report")
def annual_report(run: JobRun) -> dict:
    slug = run.args.get("agency")
    agency = reports.agency_by_slug(slug) if slug else None
    path = reports.report_generate(
        year=int(run.args["year"]), agency=agency, lang=run.args["lang"], progress=run.progress
    )
    return {"file": str(path), "name": path.name, "mime": t.PDF}


@job_kind("dossier")
def dossier(run: JobRun) -> dict:
    """Render the dossier the asker may read now (their rights are checked again here)."""
    viewer = db.session.get(User, run.user_id) if run.user_id else None
    if viewer is None:
        raise NotFound()
    letter = letters.letter_render(
        viewer=viewer,
        reference=run.args["reference"],
        kind="dossier",
        lang=run.args["lang"],
        progress=run.progress,
    )
    folder = Path(current_app.config["JOBS_DIR"]) / str(run.job_id)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / letter.filename
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".dossier-", suffix=".pdf")
    with os.fdopen(fd, "wb") as f:
        f.write(letter.pdf.data)
    os.replace(tmp, target)
    return {"file": str(target), "name": letter.filename, "mime": t.PDF}
