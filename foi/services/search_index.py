"""The archive's index entries: built from what is published, never from private text.

Both publishing (a request goes public) and review (a published file is redacted or released)
re-index a request, so the entry is built here, apart from either.
"""

import functools
from collections.abc import Callable, Iterator
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import select

from foi.extensions import db
from foi.models import Agency, Document, InfoRequest, Response
from foi.models.base import utcnow
from foi.models.document import FROM_AGENCY
from foi.requests.states import RequestStatus
from foi.search import SearchDocument, get_backend
from foi.services.counters import recount
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


def published_documents(batch_size: int = 1_000) -> Iterator[SearchDocument]:
    """Yield the index entry of every published request, oldest first, for a full re-index.

    The same fields as :func:`search_document`, read a batch at a time with plain queries (a
    request, its answer and its released files' text) rather than loading each request's
    objects, which would cost several queries a request.
    """
    yield from read_published(db.session.connection(), agency_topics(), batch_size=batch_size)


def agency_topics() -> dict[int, str | None]:
    """Return each agency's first topic, by agency id (what the index files requests under)."""
    return {a.id: _first_topic(a) for a in db.session.scalars(select(Agency))}


def read_published(
    conn: sa.Connection,
    topics: dict[int, str | None],
    after: int = 0,
    upto: int | None = None,
    batch_size: int = 1_000,
) -> Iterator[SearchDocument]:
    """Yield the entries of the published requests with ``after < id <= upto``, by id.

    Reads through ``conn`` alone, so that the worker processes of a sharded re-index
    (:func:`read_shard`) can read with their own connections.
    """
    last = after
    while True:
        # Every query is answered from a primary or unique key, whatever the planner knows:
        # on tables just loaded and not yet analysed, "status = published ORDER BY id" made
        # PostgreSQL read and sort every published request for each batch.
        page_query = select(InfoRequest.id, InfoRequest.status).where(InfoRequest.id > last)
        if upto is not None:
            page_query = page_query.where(InfoRequest.id <= upto)
        page = conn.execute(page_query.order_by(InfoRequest.id).limit(batch_size)).all()
        if not page:
            return
        last = page[-1].id
        ids = [r.id for r in page if r.status == RequestStatus.PUBLISHED]
        if not ids:
            continue
        rows = conn.execute(
            select(
                InfoRequest.id,
                InfoRequest.reference,
                InfoRequest.subject,
                InfoRequest.body,
                InfoRequest.agency_id,
                InfoRequest.outcome,
                InfoRequest.published_at,
            )
            .where(InfoRequest.id.in_(ids), InfoRequest.is_public)
            .order_by(InfoRequest.id)
        ).all()
        ids = [r.id for r in rows]
        answers = {
            request_id: public if public is not None else body
            for request_id, public, body in conn.execute(
                select(Response.request_id, Response.public_body, Response.body).where(
                    Response.request_id.in_(ids)
                )
            )
        }
        files: dict[int, list[str]] = {}
        for request_id, text in conn.execute(
            select(Document.request_id, Document.text)
            .where(Document.request_id.in_(ids), Document.source == FROM_AGENCY, Document.public)
            .order_by(Document.id)
        ):
            if text:
                files.setdefault(request_id, []).append(text)
        for r in rows:
            yield SearchDocument(
                request_id=r.id,
                reference=r.reference,
                title=r.subject,
                body=r.body,
                answer=answers.get(r.id) or "",
                attachments_text="\n".join(files.get(r.id, ())),
                agency_id=r.agency_id,
                outcome=r.outcome or "",
                topic=topics.get(r.agency_id),
                published_at=r.published_at,
            )


# One engine per worker process of a sharded re-index, made on its first shard.
_shard_engines: dict[str, sa.Engine] = {}


def read_shard(url: str, topics: dict[int, str | None], lo: int, hi: int) -> list[SearchDocument]:
    """Return the entries of the published requests with ``lo < id <= hi`` (in a worker)."""
    engine = _shard_engines.get(url)
    if engine is None:
        engine = _shard_engines[url] = sa.create_engine(url)
    with engine.connect() as conn:
        return list(read_published(conn, topics, after=lo, upto=hi))


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
SHARDED_FROM = 20_000


def archive_reindex(
    *,
    progress: Callable[[int], None] | None = None,
    finishing: Callable[[], None] | None = None,
    optimizing: Callable[[], None] | None = None,
    workers: int = 1,
) -> int:
    """Rebuild the archive's search index from the published requests; return how many.

    One transaction: until it commits, searches keep finding the old index. ``progress`` gets
    the size of each batch done, ``finishing`` is called before the indexes are built and
    merged (minutes for a large archive), ``optimizing`` before the query planner's statistics
    are updated. With ``workers`` above 1, a large archive is read and prepared by that many
    worker processes, shard by shard, while this one writes (:func:`foi.search.bulk.run_sharded`).
    """
    with transaction() as session:
        conn = session.connection()
        backend = get_backend(conn)
        shards = _shards(conn, backend.batch_size) if workers > 1 else []
        if len(shards) * backend.batch_size >= SHARDED_FROM and _readable_meanwhile(conn):
            url = conn.engine.url.render_as_string(hide_password=False)
            read = functools.partial(read_shard, url, agency_topics())
            done = backend.reindex_sharded(
                conn, published_documents(), shards, read, workers, progress, finishing
            )
        else:
            done = backend.reindex(
                conn, published_documents(), progress=progress, finishing=finishing
            )
        if optimizing is not None:
            optimizing()
        backend.optimize(conn)
        # Repair what public pages read besides the index: the request counts, every kept page.
        recount()
        public_content_changed()
    return done


def _shards(conn: sa.Connection, width: int) -> list[tuple[int, int]]:
    """Split the requests' ids into ranges ``(lo, hi]`` of ``width`` ids, oldest first."""
    lowest, highest = conn.execute(
        select(sa.func.min(InfoRequest.id), sa.func.max(InfoRequest.id))
    ).one()
    if lowest is None:
        return []
    return [(lo, min(lo + width, highest)) for lo in range(lowest - 1, highest, width)]


def _readable_meanwhile(conn: sa.Connection) -> bool:
    """Whether worker processes can read the requests while this connection re-indexes.

    PostgreSQL only. SQLite's default journal locks readers out once the writer's pages spill
    to the file (the workers would then wait forever), and in write-ahead-log mode a
    re-index of 1,000,000 requests took 495 s instead of 310 s with the helper thread: every
    page of the new index is written twice (log, then file), and the writer, not the word
    work, is what limits SQLite (docs/performance.md).
    """
    return conn.dialect.name == "postgresql"
