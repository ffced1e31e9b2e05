"""Serving stored files."""
from flask import abort, send_file

from foi.documents.serving import download_headers
from foi.extensions import db
from foi.models import Document, InfoRequest
from foi.services.storage import file_store


def send_attachment(doc: Document):
    """Serve a stored file as a download, never inline: it is someone else's content."""
    response = send_file(file_store().path(doc.sha256), mimetype=doc.mime, as_attachment=True,
                         download_name=doc.filename, max_age=0)
    # Attachment, a type from the allow-list, nosniff and a sandbox, set in one place.
    response.headers.update(download_headers(doc.filename, doc.mime))
    return response


def send_request_file(req: InfoRequest, doc_id: int):
    """Serve one file of ``req`` to someone already allowed to see the request; 404 otherwise."""
    doc = db.session.get(Document, doc_id)
    if doc is None or doc.request_id != req.id:
        abort(404)
    return send_attachment(doc)
