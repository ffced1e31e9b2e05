"""The archive's index entries: built from what is published, never from private text.

Both publishing (a request goes public) and review (a published file is redacted or released)
re-index a request, so the entry is built here, apart from either.
"""

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import LargeBinary, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from foi.extensions import db
from foi.models import Agency, Document, InfoRequest, Response
from foi.models.base import utcnow
from foi.models.document import FROM_AGENCY
from foi.search import SearchDocument, get_backend
from foi.search.values import EncodedDocument
from foi.services.counters import published_by_agency, recount
from foi.services.db import transaction
from foi.services.public_content import public_content_changed


def search_document(req: InfoRequest) -> SearchDocument:
    """Build the archive's index entry from published, redacted text only."""
    released = [d for d in req.documents if d.source == FROM_AGENCY and d.public]
    if req.published_at is None:  # publishing sets it; the index cannot store an entry without
        raise ValueError(f"request {req.id} is indexed but has no publication time")
    return SearchDocument(
        request_id=req.id,
        reference=req.reference,
        title=req.subject,
        body=req.body,
        answer=req.response.published_text if req.response else "",
        attachments_text="\n".join(d.text for d in released if d.text),
        agency_id=req.agency_id,
        outcome=req.outcome or "",
        topic=_first_topic(req.agency),
        published_at=req.published_at,
    )


def _first_topic(agency: Agency) -> str | None:
    """Return the agency's first topic, the one the archive files its answers under."""
    return next(iter(agency.topic_list), None)


def published_documents(batch_size: int = 1_000) -> Iterator[EncodedDocument]:
    """Yield the index entry of every published request, oldest first, for a full re-index.

    The same fields as :func:`search_document`, read a range of ids at a time with plain
    queries (the requests, their answers and their released files' text) rather than loading
    each request's objects, which would cost several queries a request. The texts stay the
    bytes the database holds (:class:`~foi.search.values.EncodedDocument`): the worker
    processes that split their words decode them.
    """
    topics = {a.id: _first_topic(a) for a in db.session.scalars(select(Agency))}
    highest = db.session.scalar(select(func.max(InfoRequest.id))) or 0
    for lo in range(0, highest, batch_size):
        # Ranges of the primary key (and of the unique or indexed request_id), the same
        # statements every time: answered from those keys whatever the planner knows of
        # tables just loaded, and compiled once instead of once per list of ids.
        hi = lo + batch_size
        rows = db.session.execute(
            select(
                InfoRequest.id,
                InfoRequest.reference,
                utf8(InfoRequest.subject),
                utf8(InfoRequest.body),
                InfoRequest.agency_id,
                InfoRequest.outcome,
                InfoRequest.published_at,
            )
            .where(InfoRequest.id > lo, InfoRequest.id <= hi, InfoRequest.is_public)
            .order_by(InfoRequest.id)
        ).all()
        if not rows:
            continue
        # The range's answers and files of requests not in the archive are read too, and
        # dropped: only those of ``rows`` reach an entry.
        answers = {
            request_id: public if public is not None else body
            for request_id, public, body in db.session.execute(
                select(Response.request_id, utf8(Response.public_body), utf8(Response.body)).where(
                    Response.request_id > lo, Response.request_id <= hi
                )
            )
        }
        files: dict[int, list[bytes]] = {}
        for request_id, text in db.session.execute(
            select(Document.request_id, utf8(Document.text))
            .where(
                Document.request_id > lo,
                Document.request_id <= hi,
                Document.source == FROM_AGENCY,
                Document.public,
            )
            .order_by(Document.id)
        ):
            if text:
                files.setdefault(request_id, []).append(text)
        for request_id, reference, title, body, agency_id, outcome, published_at in rows:
            yield EncodedDocument(
                request_id,
                reference,
                title or b"",
                body or b"",
                answers.get(request_id) or b"",
                b"\n".join(files.get(request_id, ())),
                agency_id,
                outcome or "",
                topics.get(agency_id),
                published_at,
            )


class utf8(FunctionElement):
    """A text column's value as its UTF-8 bytes, which the driver hands over without decoding."""

    type = LargeBinary()
    inherit_cache = True


@compiles(utf8)
def _utf8_sqlite(element: utf8, compiler: Any, **kw: Any) -> str:
    # SQLite keeps text as UTF-8 (foi's databases are created so): the cast converts nothing.
    return f"CAST({compiler.process(element.clauses, **kw)} AS BLOB)"


@compiles(utf8, "postgresql")
def _utf8_postgresql(element: utf8, compiler: Any, **kw: Any) -> str:
    # Not CAST(… AS bytea), which would read backslashes in the text as escapes.
    return f"convert_to({compiler.process(element.clauses, **kw)}, 'UTF8')"


def index_request(req: InfoRequest, *, now: datetime | None = None) -> None:
    """Write ``req``'s entry into the archive index, inside the caller's transaction."""
    now = now or utcnow()
    db.session.flush()
    conn = db.session.connection()
    if not req.is_public:  # hidden by moderation, or reopened by the oversight body
        get_backend(conn).remove(conn, req.id)
    else:
        get_backend(conn).index(conn, search_document(req))
    public_content_changed(now=now)


#: A re-index of fewer requests stays in one process: starting worker processes costs about
#: a second, more than they would save.
PROCESSES_FROM = 20_000


def archive_reindex(
    *,
    progress: Callable[[int], None] | None = None,
    finishing: Callable[[], None] | None = None,
    optimizing: Callable[[], None] | None = None,
    workers: int = 0,
) -> int:
    """Rebuild the archive's search index from the published requests; return how many.

    One transaction: until it commits, searches keep finding the old index. ``progress`` gets
    the size of each batch done, ``finishing`` is called before the indexes are built and
    merged (minutes for a large archive), ``optimizing`` before the query planner's statistics
    are updated. ``workers``: processes that do the word work of a large archive while this
    one reads and writes (:func:`foi.search.bulk.run`); 0 for one helper thread.
    """
    with transaction() as session:
        conn = session.connection()
        backend = get_backend(conn)
        if sum(published_by_agency().values()) < PROCESSES_FROM:
            workers = 0  # one helper thread
        done = backend.reindex(
            conn, published_documents(), progress=progress, finishing=finishing, workers=workers
        )
        if optimizing is not None:
            optimizing()
        backend.optimize(conn)
        # Repair what public pages read besides the index: the request counts, every kept page.
        recount()
        public_content_changed()
    return done
