"""Held files: what a coordinator decides before a released file goes public.

On publication ``publishing._release_files`` holds every file with hidden data (comments,
hidden sheets, metadata, covered text...) or that could not be analysed. The coordinator of the
agency then decides, each decision an internal event on the request:

- ``file_released``: publish the file as it is, after checking it (``file_release``);
- ``file_redacted``: publish a copy rebuilt from page images with terms and areas blacked out,
  the original staying private (``redaction.document_redact``; officers may also do this
  before publication, e.g. right after answering);
- ``file_kept_private``: never publish it (``file_keep_private``).

A file is waiting for review while it is held, not public and has no decision event. The terms
a person asked to remove are never written to the history: they are what must not leak.
"""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l

from foi.documents.findings import TITLES
from foi.extensions import db
from foi.models import Document, InfoRequest, User
from foi.models.base import utcnow
from foi.models.document import FROM_AGENCY
from foi.models.request import INTERNAL
from foi.requests.states import EventKind
from foi.services.db import transaction
from foi.services.errors import DomainError, NotAllowed, NotFound
from foi.services.history import record
from foi.services.permissions import Action, ensure_allowed, is_staff_of
from foi.services.public_files import file_prepare_public
from foi.services.search_index import index_request

DECISIONS = (EventKind.FILE_RELEASED, EventKind.FILE_REDACTED, EventKind.FILE_KEPT_PRIVATE)


@dataclass(frozen=True)
class HeldFinding:
    """One reason a file was held: a code, its translated title and the factual detail."""

    code: str
    title: str
    detail: str


def decided_files(req: InfoRequest) -> set[int]:
    """Return the ids of the request's files a person already decided on (or replaced)."""
    return {e.data.get("doc_id") for e in req.events if e.kind in DECISIONS}


def is_pending(doc: Document) -> bool:
    """Tell whether ``doc`` is held and still waits for the coordinator's decision."""
    return bool(doc.held_reason) and not doc.public and doc.id not in decided_files(doc.request)


def held_findings(doc: Document) -> list[HeldFinding]:
    """Return why ``doc`` was held, one finding per reason (details: coordinators only)."""
    findings = []
    for part in (doc.held_reason or "").split("; "):
        code, _sep, detail = part.partition(": ")
        code = code.strip()
        if code:
            title = TITLES.get(code, TITLES["unanalysable"])()
            findings.append(HeldFinding(code, str(title), detail.strip()))
    return findings


def held_files(actor: User) -> list[Document]:
    """Return the files of ``actor``'s agency that wait for review, oldest first."""
    _ensure_coordinator(actor)
    rows = db.session.scalars(
        db.select(Document)
        .join(InfoRequest, Document.request_id == InfoRequest.id)
        .where(
            InfoRequest.agency_id == actor.agency_id,
            Document.held_reason != "",
            Document.public.is_(False),
            Document.source == FROM_AGENCY,
        )
        .order_by(Document.id)
    )
    return [doc for doc in rows if is_pending(doc)]


def document_for_staff(actor: User, doc_id: int) -> Document:
    """Return an agency file ``actor``'s agency holds, or raise NotFound."""
    doc = db.session.get(Document, doc_id)
    if doc is None or not is_staff_of(actor, doc.request):
        raise NotFound()
    return doc


def file_decision_record(
    req: InfoRequest,
    kind: str,
    actor: User | None,
    doc: Document,
    findings: list[str],
    now: datetime,
) -> None:
    """Record in the staff's history what was decided on a file: released or kept private.

    ``findings`` are the codes of what its check found (the details may hold personal data).
    """
    record(
        req,
        kind,
        actor=actor,
        visibility=INTERNAL,
        text=doc.filename,
        doc_id=doc.id,
        findings=findings,
        at=now,
    )


def file_release(*, actor: User, doc: Document, checked: bool, now: datetime | None = None) -> None:
    """Publish a held file as it is, once the coordinator says they checked it."""
    now = now or utcnow()
    ensure_allowed(actor, doc.request, Action.REVIEW_FILES)
    if not is_pending(doc):
        raise NotAllowed(_l("This file is not waiting for review."))
    if not checked:
        raise DomainError(
            _l("Confirm that you opened the file and checked what it hides."), field="checked"
        )
    req = doc.request
    with transaction():
        file_prepare_public(doc)
        doc.public = req.is_published
        file_decision_record(
            req, EventKind.FILE_RELEASED, actor, doc, [f.code for f in held_findings(doc)], now
        )
        published_reindex(req)


def file_keep_private(
    *, actor: User, doc: Document, reason: str, now: datetime | None = None
) -> None:
    """Keep a held file out of the archive for good, with the reason on record."""
    now = now or utcnow()
    ensure_allowed(actor, doc.request, Action.REVIEW_FILES)
    if not is_pending(doc):
        raise NotAllowed(_l("This file is not waiting for review."))
    reason = reason.strip()
    if not reason:
        raise DomainError(_l("Say why the file must stay private."), field="reason")
    with transaction():
        record(
            doc.request,
            EventKind.FILE_KEPT_PRIVATE,
            actor=actor,
            visibility=INTERNAL,
            text=f"{doc.filename}: {reason}",
            doc_id=doc.id,
            at=now,
        )


def published_reindex(req: InfoRequest) -> None:
    """Refresh the archive's index entry of ``req`` if it is published."""
    if not req.is_published:
        return
    index_request(req)


def _ensure_coordinator(user: User) -> None:
    if not (getattr(user, "is_authenticated", False) and user.is_coordinator):
        raise NotFound()
