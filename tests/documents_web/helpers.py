"""Shared steps of the documents tests: answer with files through the form, read PDFs back."""

import io

from pypdf import PdfReader

from foi.extensions import db
from foi.models import Document, InfoRequest


def pdf_text(data: bytes) -> str:
    """Return the text layer of every page of a PDF."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def answer_with_files(
    client, req: InfoRequest, files: dict[str, bytes], text: str = "Cavab.", outcome: str = "given"
):
    """Post the officer's answer form with ``files`` (name -> bytes); return the response."""
    return client.post(
        f"/officer/requests/{req.reference}/answer",
        data={
            "answer-outcome": outcome,
            "answer-text": text,
            "answer-attachments": [(io.BytesIO(data), name) for name, data in files.items()],
        },
        content_type="multipart/form-data",
    )


def agency_files(req: InfoRequest) -> list[Document]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            db.select(Document)
            .where(Document.request_id == req.id, Document.source == "response")
            .order_by(Document.id)
        )
    )


def in_english(client):
    """Choose English for the rest of the session, so messages can be matched as written."""
    from flask_babel import refresh

    client.post("/language", data={"lang": "en"})
    # The test's app context is shared by its requests, and Flask-Babel caches the locale in it.
    refresh()
    return client
