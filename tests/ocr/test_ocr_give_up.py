"""A scan never waits for ever: an OCR job that fails, dies or never runs ends "could not be read".

The clock is injected (the sweep's ``now``, the jobs' claims); nothing sleeps, and no OCR
engine is needed: the engine is replaced where a test needs it to break.
"""

import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from foi.documents import ocr as engine
from foi.extensions import db
from foi.jobs.queue import queue_for
from foi.jobs.sweeps import sweep_jobs, sweep_ocr
from foi.jobs.worker import run_job
from foi.models import Document, Job
from foi.models.document import OCR_UNREADABLE, OCR_WAITING
from foi.services import jobs
from tests.documents.factories import scan_png
from tests.documents_web.helpers import in_english
from tests.factories import file_request, make_agency, make_user


@pytest.fixture
def scan(app, monkeypatch):
    """File a request with a scanned letter on a site whose OCR is on; return (req, doc, job)."""
    monkeypatch.setattr("foi.services.ocr.ocr_status", lambda: None)
    queue_for(app).flush()
    citizen = make_user("citizen")
    req = file_request(
        citizen, make_agency(), uploads=[(io.BytesIO(scan_png(["Suvarma"])), "məktub.png")]
    )
    (doc,) = req.documents
    assert doc.ocr_state == OCR_WAITING
    job = db.session.scalar(select(Job).where(Job.kind == "ocr"))
    return citizen, req, doc, job


def _state(doc: Document) -> str:
    db.session.rollback()
    return db.session.get(Document, doc.id, populate_existing=True).ocr_state


def test_a_job_that_fails_marks_its_scan_could_not_be_read(app, scan, login, monkeypatch):
    citizen, req, doc, job = scan

    def broken(*args, **kwargs):
        raise RuntimeError("tesseract: segmentation fault")

    monkeypatch.setattr(engine, "ocr_pdf", broken)
    run_job(app, job.id)
    db.session.rollback()
    failed = db.session.get(Job, job.id, populate_existing=True)
    assert failed.status == "failed" and "segmentation fault" in failed.error
    assert _state(doc) == OCR_UNREADABLE
    page = in_english(login(citizen)).get(f"/my/requests/{req.reference}").get_data(as_text=True)
    assert "Could not be read" in page and "Reading the scanned text" not in page


def test_a_scan_whose_worker_died_at_every_attempt_is_marked_by_the_sweep(app, scan):
    _citizen, _req, doc, job = scan
    lease = timedelta(seconds=app.config["JOB_LEASE_SECONDS"])
    now = job.created_at
    for attempt in range(1, app.config["JOB_ATTEMPTS"] + 1):
        assert jobs.job_claim(job.id, f"dead:{attempt}", now, lease)  # and dies at once
        assert sweep_ocr(app, now) == []  # running: its lease decides, not the OCR sweep
        now += lease + timedelta(seconds=1)
        recovery = sweep_jobs(app, now)
    assert recovery.given_up == [job.id]
    assert sweep_ocr(app, now) == [doc.id]
    assert _state(doc) == OCR_UNREADABLE
    assert sweep_ocr(app, now) == []  # the second run changes nothing


def test_a_scan_no_worker_took_is_marked_once_the_configured_time_has_passed(app, scan):
    _citizen, _req, doc, job = scan
    patience = timedelta(seconds=app.config["OCR_GIVE_UP_SECONDS"])
    assert sweep_ocr(app, job.created_at + patience - timedelta(seconds=1)) == []
    assert _state(doc) == OCR_WAITING
    assert sweep_ocr(app, job.created_at + patience + timedelta(seconds=1)) == [doc.id]
    assert _state(doc) == OCR_UNREADABLE
    # Should a worker take the job after all, the file is left as the sweep marked it.
    assert run_job(app, job.id)
    assert _state(doc) == OCR_UNREADABLE


def test_a_scan_whose_job_was_never_queued_is_marked_too(app, scan):
    _citizen, _req, doc, job = scan
    db.session.delete(db.session.get(Job, job.id))  # the queue never heard of it
    db.session.commit()
    patience = timedelta(seconds=app.config["OCR_GIVE_UP_SECONDS"])
    assert sweep_ocr(app, doc.created_at + timedelta(minutes=1)) == []
    assert sweep_ocr(app, doc.created_at + patience + timedelta(seconds=1)) == [doc.id]
    assert _state(doc) == OCR_UNREADABLE


def test_the_give_up_time_is_configured_and_the_sweep_has_a_command(app, scan, monkeypatch):
    _citizen, _req, doc, job = scan
    monkeypatch.setitem(app.config, "OCR_GIVE_UP_SECONDS", 60)
    early = (job.created_at + timedelta(seconds=59)).isoformat()
    result = app.test_cli_runner().invoke(args=["foi", "ocr-sweep", "--now", early])
    assert result.exit_code == 0 and "0 scans marked unreadable" in result.output
    late = (job.created_at + timedelta(seconds=61)).isoformat()
    result = app.test_cli_runner().invoke(args=["foi", "ocr-sweep", "--now", late])
    assert result.exit_code == 0 and "1 scans marked unreadable" in result.output
    assert _state(doc) == OCR_UNREADABLE
