"""Serving stored files."""

from flask import abort, send_file

from foi.documents.serving import download_headers
from foi.models import Document, InfoRequest
from foi.services.errors import NotFound
from foi.services.selectors import request_file
from foi.services.storage import file_store


def send_attachment(doc: Document, *, published: bool = False):
    """Serve a stored file as a download, never inline: it is someone else's content.

    ``published``: serve the archive's copy (a photo without its metadata) when there is one.
    """
    sha256 = (doc.public_sha256 if published else None) or doc.sha256
    response = send_file(
        file_store().path(sha256),
        mimetype=doc.mime,
        as_attachment=True,
        download_name=doc.filename,
        max_age=0,
    )
    # Attachment, a type from the allow-list, nosniff and a sandbox, set in one place.
    response.headers.update(download_headers(doc.filename, doc.mime))
    return response


def send_request_file(req: InfoRequest, doc_id: int):
    """Serve one file of ``req`` to someone already allowed to see the request; 404 otherwise."""
    try:
        doc = request_file(req, doc_id)
    except NotFound:
        abort(404)
    return send_attachment(doc)
