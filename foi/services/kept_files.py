"""Files attached to a form that has to be shown again, kept until the form is sent.

A browser cannot re-fill a file input, so a filing form shown again (an agency suggested, a
mistake in a field) would lose its attachments. Each file is therefore checked and put in the
file store as soon as it arrives, like any upload, and listed in a signed token that the form
carries in a hidden field. The token names the account, so nobody else can attach the files,
and it expires, so an old page cannot bring them back after a day. Nothing is held in one
worker's memory: whichever worker receives the form reads the token and finds the files in
the shared store.
"""

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from foi.documents.store import StoredFile
from foi.models import User
from foi.services.errors import DomainError
from foi.services.filing import store_uploads
from foi.services.storage import file_store

MAX_AGE = 24 * 3600
_SALT = "foi-kept-files"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def kept_token(user: User, files: list[StoredFile]) -> str:
    """Return the token that lists ``files`` for ``user``'s next submission ("" for none)."""
    if not files:
        return ""
    return _serializer().dumps(
        {"u": user.id, "f": [[f.sha256, f.size, f.mime, f.filename] for f in files]}
    )


def kept_files(user: User, token: str | None) -> list[StoredFile]:
    """Return the files ``token`` lists for ``user``; none for a bad, old or foreign token."""
    if not token:
        return []
    try:
        data = _serializer().loads(token, max_age=MAX_AGE)
    except (BadSignature, ValueError):  # SignatureExpired is a BadSignature
        return []
    if not isinstance(data, dict) or data.get("u") != user.id:
        return []
    store, files = file_store(), []
    for sha256, size, mime, filename in data.get("f", []):
        if store.exists(sha256):
            files.append(StoredFile(sha256=sha256, size=size, mime=mime, filename=filename))
    return files


def kept_add(kept: list[StoredFile], uploads) -> tuple[list[StoredFile], DomainError | None]:
    """Store each good file of ``uploads`` after ``kept``; return them and the first refusal.

    A bad file is refused with its message while the good ones are kept, so the person only
    has to replace the one that was wrong.
    """
    files, refusal = list(kept), None
    for upload in uploads:
        try:
            stored = store_uploads([upload], already_used=sum(f.size for f in files))
        except DomainError as exc:
            refusal = refusal or exc
            continue
        files.extend(s for s in stored if s.sha256 not in {f.sha256 for f in files})
    return files, refusal
