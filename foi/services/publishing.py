"""Coordinators approve answers for the public archive; the archive index follows."""
from collections.abc import Iterator

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from foi.documents.extract import extract_text
from foi.documents.hidden import inspect_hidden
from foi.extensions import db
from foi.models import Agency, Document, InfoRequest, Response, User
from foi.models.agency import PUBLISH_ON_ANSWER
from foi.models.base import utcnow
from foi.models.document import FROM_AGENCY
from foi.models.request import ANSWERED, CLOSED, INTERNAL, PUBLIC, PUBLISHED
from foi.search import SearchDocument, get_backend
from foi.services.db import transaction
from foi.services.errors import DomainError, NotAllowed, NotFound
from foi.services.history import notify_requester, record
from foi.services.storage import file_store


def ensure_coordinator_of(user: User, req: InfoRequest) -> None:
    if not (user.is_authenticated and user.is_coordinator and user.agency_id == req.agency_id):
        raise NotFound()


def search_document(req: InfoRequest) -> SearchDocument:
    """Build the archive's index entry from published, redacted text only."""
    released = [d for d in req.documents if d.source == FROM_AGENCY and d.public]
    return SearchDocument(
        request_id=req.id, reference=req.reference, title=req.subject, body=req.body,
        answer=req.response.published_text if req.response else "",
        attachments_text="\n".join(d.text for d in released if d.text),
        agency_id=req.agency_id, outcome=req.outcome or "",
        topic=(req.agency.topic_list or [None])[0], published_at=req.published_at)


def published_documents(batch_size: int = 1_000) -> Iterator[SearchDocument]:
    """Yield the index entry of every published request, oldest first, for a full re-index.

    The same fields as :func:`search_document`, read a batch at a time with plain queries (a
    request, its answer and its released files' text) rather than loading each request's
    objects, which would cost several queries a request.
    """
    topics = {a.id: (a.topic_list or [None])[0] for a in db.session.scalars(select(Agency))}
    last = 0
    while True:
        # Every query is answered from a primary or unique key, whatever the planner knows:
        # on tables just loaded and not yet analysed, "status = published ORDER BY id" made
        # PostgreSQL read and sort every published request for each batch.
        page = db.session.execute(
            select(InfoRequest.id, InfoRequest.status).where(InfoRequest.id > last)
            .order_by(InfoRequest.id).limit(batch_size)).all()
        if not page:
            return
        last = page[-1].id
        ids = [r.id for r in page if r.status == PUBLISHED]
        if not ids:
            continue
        rows = db.session.execute(
            select(InfoRequest.id, InfoRequest.reference, InfoRequest.subject, InfoRequest.body,
                   InfoRequest.agency_id, InfoRequest.outcome, InfoRequest.published_at)
            .where(InfoRequest.id.in_(ids), InfoRequest.status == PUBLISHED)
            .order_by(InfoRequest.id)).all()
        ids = [r.id for r in rows]
        answers = {request_id: public if public is not None else body
                   for request_id, public, body in db.session.execute(
                       select(Response.request_id, Response.public_body, Response.body)
                       .where(Response.request_id.in_(ids)))}
        files: dict[int, list[str]] = {}
        for request_id, text in db.session.execute(
                select(Document.request_id, Document.text)
                .where(Document.request_id.in_(ids), Document.source == FROM_AGENCY,
                       Document.public)
                .order_by(Document.id)):
            if text:
                files.setdefault(request_id, []).append(text)
        for r in rows:
            yield SearchDocument(
                request_id=r.id, reference=r.reference, title=r.subject, body=r.body,
                answer=answers.get(r.id) or "", attachments_text="\n".join(files.get(r.id, ())),
                agency_id=r.agency_id, outcome=r.outcome or "", topic=topics.get(r.agency_id),
                published_at=r.published_at)


def _release_files(req: InfoRequest) -> None:
    """Make the agency's files public unless they hide data a reviewer must see first.

    Files replaced by a redacted copy or kept private stay private; a held file waits for
    the coordinator (foi.services.review). The finding details may hold personal data, so the
    event keeps only their codes.
    """
    from foi.services.review import decided_files

    store = file_store()
    released = {e.data.get("doc_id") for e in req.events if e.kind == "file_released"}
    replaced = decided_files(req) - released
    for doc in req.documents:
        if doc.source != FROM_AGENCY or doc.public or doc.id in replaced:
            continue
        if doc.held_reason and doc.id not in released:
            continue
        findings = [] if doc.id in released else inspect_hidden(store.path(doc.sha256), doc.mime)
        if findings:
            doc.held_reason = "; ".join(f"{f.code}: {f.detail}" for f in findings)[:2000]
            record(req, "file_held", visibility=INTERNAL, text=doc.filename,
                   findings=[f.code for f in findings])
            continue
        doc.text = extract_text(store.path(doc.sha256), doc.mime)[:1_000_000]
        doc.public = True


def _publish(req: InfoRequest, actor: User | None) -> None:
    req.status = PUBLISHED
    req.published_at = utcnow()
    if req.response:
        req.response.approved_by_id = actor.id if actor else None
        req.response.approved_at = req.published_at
    _release_files(req)
    record(req, "published", actor=actor, visibility=PUBLIC)
    db.session.flush()
    get_backend(db.session.connection()).index(db.session.connection(), search_document(req))
    notify_requester(req, "published", link_public=True)


def publish_if_automatic(req: InfoRequest, actor: User) -> None:
    """Inside the answering transaction: publish now when the agency publishes on answer."""
    if req.agency.publish_mode == PUBLISH_ON_ANSWER:
        _publish(req, None)


def response_approve(*, actor: User, req: InfoRequest, public_text: str | None = None) -> None:
    """Approve the answer for the archive, optionally with a redacted public text."""
    ensure_coordinator_of(actor, req)
    if req.status != ANSWERED:
        raise NotAllowed(_l("Only an answered request waiting for approval can be published."))
    with transaction():
        if public_text is not None and public_text.strip() != req.response.body.strip():
            req.response.public_body = public_text.strip()
        _publish(req, actor)


def response_decline(*, actor: User, req: InfoRequest, reason: str) -> None:
    """Keep an answer out of the archive, with the reason on record."""
    ensure_coordinator_of(actor, req)
    if req.status != ANSWERED:
        raise NotAllowed(_l("Only an answered request waiting for approval can be declined."))
    if not reason.strip():
        raise DomainError(_l("Say why this answer must not be published."), field="reason")
    with transaction():
        req.status = CLOSED
        record(req, "publication_declined", actor=actor, visibility=INTERNAL,
               text=reason.strip())
