"""Coordinators approve answers for the public archive; the archive index follows.

Before approving, the coordinator sees which released files publication would hold (they
hide data a reader would not see: :func:`files_to_hold`) and decides for each: hold it for
review after publishing, publish it as it is, or keep it private.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l

from foi import links
from foi.documents.findings import Finding
from foi.documents.hidden import inspect_hidden
from foi.models import Document, InfoRequest, User
from foi.models.agency import PUBLISH_ON_ANSWER
from foi.models.base import utcnow
from foi.models.document import FROM_AGENCY
from foi.models.request import INTERNAL, PUBLIC
from foi.requests.states import EventKind, request_transition
from foi.services.db import transaction
from foi.services.errors import DomainError
from foi.services.follows import followers_notify_published
from foi.services.history import notify_requester, record
from foi.services.permissions import Action, ensure_allowed
from foi.services.public_files import PhotoNotCleaned, file_prepare_public
from foi.services.redaction import public_text_without
from foi.services.review import decided_files, file_decision_record
from foi.services.search_index import index_request
from foi.services.storage import file_store

#: What the coordinator may decide, before publishing, for a file publication would hold.
HOLD, RELEASE, KEEP_PRIVATE = "hold", "release", "private"
FILE_DECISIONS = (HOLD, RELEASE, KEEP_PRIVATE)


@dataclass(frozen=True)
class FileToHold:
    """A released file that publication would hold, and what was found in it."""

    doc: Document
    findings: list[Finding]


@dataclass(frozen=True)
class Publication:
    """What publishing did: the files published and those held for review, by name."""

    published: list[str]
    held: list[str]


def _files_to_release(req: InfoRequest) -> list[tuple[Document, bool]]:
    """Return the agency's files publication would make public, each with "already released"."""
    released = {e.data.get("doc_id") for e in req.events if e.kind == EventKind.FILE_RELEASED}
    replaced = decided_files(req) - released
    files = []
    for doc in req.documents:
        if doc.source != FROM_AGENCY or doc.public or doc.id in replaced:
            continue
        if doc.held_reason and doc.id not in released:
            continue
        files.append((doc, doc.id in released))
    return files


def _hidden_data(store, doc: Document) -> list[Finding]:
    """Inspect the file as it was uploaded, for what it hides.

    A scan read by OCR is checked as it was received: the text layer is ours, and lies under
    the page image by design (ocrmypdf), which the check would take for hidden text.
    """
    return inspect_hidden(
        store.path(doc.uploaded_sha256 or doc.sha256), doc.uploaded_mime or doc.mime
    )


def files_to_hold(req: InfoRequest) -> list[FileToHold]:
    """Return the released files publishing ``req`` now would hold, with their findings.

    Only reads the files: the approval form shows this so that the coordinator decides
    before pressing Publish, not after.
    """
    store = file_store()
    held = []
    for doc, released in _files_to_release(req):
        findings = [] if released else _hidden_data(store, doc)
        if findings:
            held.append(FileToHold(doc, findings))
    return held


def _release_files(
    req: InfoRequest, actor: User | None, decisions: dict[int, str], *, now: datetime | None = None
) -> Publication:
    """Make the agency's files public unless they hide data a reviewer must see first.

    Files replaced by a redacted copy or kept private stay private; a held file waits for
    the coordinator (foi.services.review), unless ``decisions`` (document id → RELEASE or
    KEEP_PRIVATE) already says what to do with it. The finding details may hold personal
    data, so the events keep only their codes.
    """
    now = now or utcnow()
    store = file_store()
    published, held = [], []
    for doc, released in _files_to_release(req):
        findings = [] if released else _hidden_data(store, doc)
        decision = decisions.get(doc.id, HOLD) if findings else None
        if decision == KEEP_PRIVATE:
            file_decision_record(
                req, EventKind.FILE_KEPT_PRIVATE, actor, doc, [f.code for f in findings], now
            )
            continue
        if not findings or decision == RELEASE:
            try:
                file_prepare_public(doc)
            except PhotoNotCleaned:
                findings = [Finding("unanalysable", "the picture could not be re-encoded")]
                decision = HOLD
            else:
                if decision == RELEASE:
                    file_decision_record(
                        req, EventKind.FILE_RELEASED, actor, doc, [f.code for f in findings], now
                    )
                    findings = []
        if findings:
            doc.held_reason = "; ".join(f"{f.code}: {f.detail}" for f in findings)[:2000]
            record(
                req,
                EventKind.FILE_HELD,
                visibility=INTERNAL,
                text=doc.filename,
                findings=[f.code for f in findings],
                at=now,
            )
            held.append(doc.filename)
            continue
        doc.public = True
        published.append(doc.filename)
    return Publication(published, held)


def _publish(
    req: InfoRequest,
    actor: User | None,
    decisions: dict[int, str] | None = None,
    *,
    now: datetime | None = None,
) -> Publication:
    now = now or utcnow()
    request_transition(req, EventKind.PUBLISHED)
    req.published_at = now
    if req.response:
        req.response.approved_by_id = actor.id if actor else None
        req.response.approved_at = req.published_at
    done = _release_files(req, actor, decisions or {}, now=now)
    record(req, EventKind.PUBLISHED, actor=actor, visibility=PUBLIC, at=now)
    index_request(req, now=now)
    notify_requester(req, "published", public_link=links.public_request(req.reference))
    followers_notify_published(req)
    return done


def publish_if_automatic(req: InfoRequest, actor: User, *, now: datetime | None = None) -> None:
    """Inside the answering transaction: publish now when the agency publishes on answer."""
    now = now or utcnow()
    if req.agency.publish_mode == PUBLISH_ON_ANSWER:
        _publish(req, None, now=now)


def response_approve(
    *,
    actor: User,
    req: InfoRequest,
    public_text: str | None = None,
    passages: Sequence[str] = (),
    file_decisions: dict[int, str] | None = None,
    now: datetime | None = None,
) -> Publication:
    """Approve the answer for the archive, optionally with a redacted public text.

    Each of ``passages`` is replaced in the public text by "[removed]" in the request's language.
    ``file_decisions`` (document id → HOLD, RELEASE or KEEP_PRIVATE) is what the coordinator
    chose for the files :func:`files_to_hold` listed; a file not named is held for review.
    Return what was published and what was held.
    """
    now = now or utcnow()
    ensure_allowed(actor, req, Action.PUBLISH)
    decisions = file_decisions or {}
    if any(choice not in FILE_DECISIONS for choice in decisions.values()):
        raise DomainError(_l("Choose what to do with each file."), field="files")
    if passages:
        public_text = public_text_without(public_text or req.response.body, passages, req.lang)
    with transaction():
        if public_text is not None and public_text.strip() != req.response.body.strip():
            req.response.public_body = public_text.strip()
        return _publish(req, actor, decisions, now=now)


def response_decline(
    *, actor: User, req: InfoRequest, reason: str, now: datetime | None = None
) -> None:
    """Keep an answer out of the archive, with the reason on record."""
    now = now or utcnow()
    ensure_allowed(actor, req, Action.DECLINE)
    if not reason.strip():
        raise DomainError(_l("Say why this answer must not be published."), field="reason")
    with transaction():
        request_transition(req, EventKind.PUBLICATION_DECLINED)
        record(
            req,
            EventKind.PUBLICATION_DECLINED,
            actor=actor,
            visibility=INTERNAL,
            text=reason.strip(),
            at=now,
        )
