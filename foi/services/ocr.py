"""Scans become text: every scanned upload is read by OCR on the task queue (job kind ``ocr``).

An upload service calls :func:`documents_ocr_enqueue` with the files it stored, after its
transaction committed: the scans among them are marked "waiting" and a job is queued for each.
The job (``foi.jobs.ocr``) calls :func:`document_ocr`, which replaces the stored file by a PDF
with a text layer (the upload is kept, see ``Document.uploaded_sha256``) and says whether any
text was recognised. A file that is already public (a redacted copy of a scan) gets its text
into the archive's index at once; any other gets it when it is published
(``foi.services.public_files``).

Without ocrmypdf and Tesseract on the machine (``make run`` needs neither) scans are marked
"off": their uploader is told that the file cannot be searched.

A scan never waits for ever: a job that fails marks its file "unreadable" as it ends
(:func:`document_ocr_failed`), and the scheduler's sweep (:func:`documents_ocr_sweep`) does the
same for a file whose job was given up (its worker died at each attempt), is gone, or was not
run by any worker in time. The uploader then sees that the file could not be read.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select

from foi.documents import ocr
from foi.documents import types as t
from foi.documents.extract import pdf_text
from foi.documents.filenames import split_extension
from foi.extensions import db
from foi.models import Document, User
from foi.models.document import OCR_DONE, OCR_OFF, OCR_UNREADABLE, OCR_WAITING
from foi.models.job import DONE, FAILED, QUEUED
from foi.services.db import transaction
from foi.services.jobs import jobs_latest_for
from foi.services.public_files import file_prepare_public
from foi.services.search_index import index_request
from foi.services.storage import file_store

log = logging.getLogger("foi.ocr")

KIND = "ocr"


@dataclass(frozen=True)
class OcrResult:
    """What reading one file gave: its state, and how many characters were recognised."""

    state: str
    chars: int = 0
    reason: str = ""


def ocr_status() -> str | None:
    """Return why OCR is off on this site (to log and show), or None when it runs."""
    if not current_app.config.get("OCR_ENABLED", True):
        return "turned off by FOI_OCR=off"
    return ocr.ocr_missing()


def documents_ocr_enqueue(documents: Iterable[Document], *, user: User | None = None) -> list[int]:
    """After an upload committed: queue the OCR of each scan among ``documents``; return job ids.

    Call it from any service that stores files, once its transaction committed (a worker must
    find the rows). A file that is not a scan is left alone; without OCR on the site the
    scans are marked "off", so that their uploader knows they cannot be searched.
    """
    from foi.jobs import enqueue  # the queue sits above the services: imported when used

    store = file_store()
    scans = [
        doc
        for doc in documents
        if not doc.ocr_state and ocr.needs_ocr(store.path(doc.sha256), doc.mime)
    ]
    if not scans:
        return []
    off = ocr_status()
    with transaction():
        for doc in scans:
            doc.ocr_state = OCR_OFF if off else OCR_WAITING
    if off:
        log.warning("OCR is off (%s): %d scanned file(s) left unread", off, len(scans))
        return []
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    return [enqueue(app, kind=KIND, args={"document_id": doc.id}, user=user).id for doc in scans]


def document_ocr(document_id: int) -> OcrResult:
    """Read the scan ``document_id`` and store it as a PDF with a text layer.

    Idempotent: a file no longer waiting (read already, or deleted) is left as it is. The
    OCR runs outside any transaction (seconds a page); the row changes in one at the end.
    """
    doc = db.session.get(Document, document_id)
    if doc is None or doc.ocr_state != OCR_WAITING:
        return OcrResult(doc.ocr_state if doc else "")
    store = file_store()
    source, mime = store.path(doc.sha256), doc.mime
    db.session.rollback()  # end the read: a long OCR must not hold a transaction open
    config = current_app.config
    try:
        made = ocr.ocr_pdf(
            source, mime, jobs=config.get("OCR_JOBS", 0), timeout=config.get("OCR_TIMEOUT", 900)
        )
    except ocr.OcrFailed as exc:
        log.warning("document %s could not be read: %s", document_id, exc)
        with transaction():
            doc = db.session.get(Document, document_id)
            if doc is not None and doc.ocr_state == OCR_WAITING:
                doc.ocr_state = OCR_UNREADABLE
        return OcrResult(OCR_UNREADABLE, reason=str(exc))
    sha256 = store.put_bytes(made)
    text = pdf_text(store.path(sha256)).strip()
    with transaction():
        doc = db.session.get(Document, document_id)
        if doc is None or doc.ocr_state != OCR_WAITING:
            return OcrResult(doc.ocr_state if doc else "")
        doc.uploaded_sha256, doc.uploaded_mime = doc.sha256, doc.mime
        doc.sha256, doc.mime, doc.size = sha256, t.PDF, len(made)
        if mime != t.PDF:
            stem, _ext = split_extension(doc.filename)
            doc.filename = f"{stem}.pdf"[:255]
            doc.public_sha256 = None  # the PDF holds the pixels only, no camera metadata
        doc.ocr_state = OCR_DONE if text else OCR_UNREADABLE
        if doc.public:  # already in the archive (a redacted copy): its text goes in now
            file_prepare_public(doc)
            index_request(doc.request)
    return OcrResult(doc.ocr_state, chars=len(text))


def document_ocr_failed(document_id: int) -> bool:
    """Mark a scan still waiting "unreadable": its OCR job failed; True when it was waiting.

    The queue runs a job that raised no more (foi.jobs.worker): this was its last attempt.
    """
    db.session.rollback()  # whatever the failed attempt left open is not part of this
    with transaction():
        doc = db.session.get(Document, document_id)
        if doc is None or doc.ocr_state != OCR_WAITING:
            return False
        doc.ocr_state = OCR_UNREADABLE
    return True


def documents_ocr_sweep(*, now: datetime, patience: timedelta) -> list[int]:
    """Mark "unreadable" the scans whose OCR will not come; return their ids.

    A scan waits for no more when its latest job ended without reading it (failed, given up
    after its worker died at each attempt, or done while the file still waits), when it has no
    job (the queue was never told), or when its job is still queued ``patience`` after it was
    asked for (no worker took it). A job running now is left to its lease. Idempotent: a file
    marked is no longer waiting; should its job run later, it leaves the file as it is.
    """
    waiting = list(
        db.session.scalars(
            select(Document).where(Document.ocr_state == OCR_WAITING).order_by(Document.id)
        )
    )
    if not waiting:
        return []
    jobs = jobs_latest_for(kind=KIND, args=[{"document_id": doc.id} for doc in waiting])
    cutoff = now - patience
    given_up = []
    for doc, job in zip(waiting, jobs, strict=True):
        if job is None:
            stuck = doc.created_at < cutoff
        elif job.status in (FAILED, DONE):
            stuck = True
        else:
            stuck = job.status == QUEUED and job.created_at < cutoff
        if stuck:
            given_up.append(doc)
    if given_up:
        with transaction():
            for doc in given_up:
                doc.ocr_state = OCR_UNREADABLE
        log.warning("OCR given up for document(s) %s", [doc.id for doc in given_up])
    else:
        db.session.rollback()  # end the read
    return [doc.id for doc in given_up]
