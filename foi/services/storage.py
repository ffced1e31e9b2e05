"""The content-addressed file store configured for this app."""

from pathlib import Path

from flask import current_app

from foi.documents.uploads import FileStore


def file_store() -> FileStore:
    """Return the store of uploaded files (``FOI_UPLOAD_DIR``)."""
    return FileStore(Path(current_app.config["UPLOAD_DIR"]))
