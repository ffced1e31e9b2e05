"""Reuse of the public archive: public records, search exports; bulk files in ``archive_bulk``.

Everything here reads published requests only and builds its output from :func:`public_record`,
the one list of fields anyone may see, so that the API, the CSV export, the feed and the bulk
download can never disagree about what is public.
"""

import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import (
    select,
)
from sqlalchemy.orm import selectinload

from foi import links
from foi.extensions import db
from foi.models import InfoRequest
from foi.models.document import FROM_AGENCY
from foi.search import Hit, SearchBackend, SearchQuery, SearchResults, get_backend
from foi.services.deadlines import law_pack, request_law

#: Matches a search ranks at most; beyond them its pages stop (``SearchResults.capped``).
RANKED_LIMIT = SearchBackend.candidate_limit
#: Rows a CSV export holds at most: a search finds no more than this (the newest, when more
#: match); the nightly bulk file holds the whole archive.
EXPORT_LIMIT = RANKED_LIMIT
#: Requests of a CSV export loaded at once.
EXPORT_BATCH = 500
#: Entries of an Atom feed.
FEED_SIZE = 50
#: Words of a typed subject or draft that are compared with the archive.
SIMILAR_WORDS = 24
CSV_COLUMNS = (
    "reference",
    "url",
    "subject",
    "agency_slug",
    "agency_name_az",
    "agency_name_en",
    "outcome",
    "requester",
    "received_at",
    "due_at",
    "answered_at",
    "published_at",
)

# What public_record reads, loaded in one query per relation instead of one per row.
RECORD_LOADS = (
    selectinload(InfoRequest.agency),
    selectinload(InfoRequest.requester),
    selectinload(InfoRequest.response),
    selectinload(InfoRequest.documents),
)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def law_timezone(req: InfoRequest) -> ZoneInfo:
    """Return the timezone of the law the request's deadline is counted under."""
    return ZoneInfo(law_pack(request_law(req)).timezone)


def public_record(req: InfoRequest, *, full: bool = False) -> dict:
    """Return the fields of a published request anyone may see.

    Never the requester's contact details, internal notes or unapproved text: the requester's
    name only when they agreed to publish it, the answer only in its published (redacted) form,
    files only once released.
    """
    data = {
        "reference": req.reference,
        "url": links.public_request(req.reference),
        "subject": req.subject,
        "agency": {
            "slug": req.agency.slug,
            "name_az": req.agency.name_az,
            "name_en": req.agency.name_en,
        },
        "outcome": req.outcome,
        # How it arrived (online, post, phone...): never who sent it or from where.
        "channel": req.channel,
        "requester": req.requester.display_name if req.publish_name else None,
        "received_at": _iso(req.received_at),
        # The legal due moment as the law counts it: in the law's own timezone.
        "due_at": _iso(req.due_at.astimezone(law_timezone(req)) if req.due_at else None),
        "answered_at": _iso(req.answered_at),
        "published_at": _iso(req.published_at),
    }
    if full:
        data["body"] = req.body
        data["answer"] = req.response.published_text if req.response else None
        data["files"] = [
            {
                "filename": d.filename,
                "mime": d.mime,
                "size": d.size,
                "url": links.public_file(req.reference, d.id),
            }
            for d in req.documents
            if d.source == FROM_AGENCY and d.public
        ]
    return data


def search_results(query: SearchQuery) -> SearchResults:
    """Run ``query`` on the archive index; a listing's counts are those kept with the index."""
    conn = db.session.connection()
    backend = get_backend(conn)
    whole = backend.whole_index(conn) if query.is_listing else None
    return backend.query(conn, query, whole=whole)


#: What a page's list of hits shows of each request besides its own columns.
LISTING_LOADS = (selectinload(InfoRequest.agency),)


def archive_search(
    query: SearchQuery, *, listing: bool = False
) -> tuple[SearchResults, dict[int, InfoRequest]]:
    """Run ``query`` on the archive; return the results and their published requests by id.

    ``listing``: the requests are only listed (title, agency, outcome, date), so their
    requester, answer and files are not loaded (a third of a rendered results page).
    """
    results = search_results(query)
    loads = LISTING_LOADS if listing else RECORD_LOADS
    return results, _published_by_id([h.request_id for h in results.hits], loads)


def _published_by_id(ids: list[int], loads=RECORD_LOADS) -> dict[int, InfoRequest]:
    # The index may lag a withdrawal by a moment: only rows still published count.
    if not ids:
        return {}
    rows = db.session.scalars(
        select(InfoRequest).where(InfoRequest.id.in_(ids), InfoRequest.is_public).options(*loads)
    )
    return {r.id: r for r in rows}


def archive_search_all(
    query: SearchQuery, limit: int = EXPORT_LIMIT
) -> Iterator[tuple[Hit, InfoRequest]]:
    """Yield every hit of ``query`` (at most ``limit``) with its request, in the archive's order.

    The requests are loaded ``EXPORT_BATCH`` at a time, a few queries per batch rather than
    per page of hits.
    """
    if limit < 1:
        return
    hits = _search_hits(query, limit)
    done = 0
    while batch := list(itertools.islice(hits, EXPORT_BATCH)):
        found = _published_by_id([h.request_id for h in batch])
        for hit in batch:
            if hit.request_id in found:
                yield hit, found[hit.request_id]
                done += 1
                if done >= limit:
                    return


def _search_hits(query: SearchQuery, limit: int) -> Iterator[Hit]:
    """Yield the hits of ``query`` in order, from as few searches as the back end allows.

    Each search ranks all the candidates again to cut out one page, so the whole export is
    asked for as one page; the back end brings ``per_page`` down to its cap, and the pages
    then follow at that size.
    """
    conn = db.session.connection()
    backend = get_backend(conn)
    page = 1
    while True:
        results = backend.query(conn, replace(query, page=page, per_page=limit))
        yield from results.hits
        if page >= results.pages or not results.hits:
            return
        page += 1


def csv_rows(query: SearchQuery) -> Iterator[str]:
    """Yield a UTF-8 CSV export of ``query``, line by line, starting with a BOM for Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    yield "\ufeff" + line(CSV_COLUMNS)
    for _hit, req in archive_search_all(query):
        record = public_record(req)
        agency = record.pop("agency")
        record.update(
            agency_slug=agency["slug"],
            agency_name_az=agency["name_az"],
            agency_name_en=agency["name_en"],
        )
        yield line([csv_safe(record[c]) for c in CSV_COLUMNS])


def csv_safe(value) -> str:
    """Return ``value`` as text a spreadsheet will not run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def feed_entries(query: SearchQuery) -> tuple[list[tuple[Hit, InfoRequest]], datetime | None]:
    """Return the newest ``FEED_SIZE`` hits of ``query`` and the time the feed last changed."""
    results, found = archive_search(
        SearchQuery(
            q=query.q,
            agency_id=query.agency_id,
            outcome=query.outcome,
            year=query.year,
            topic=query.topic,
            sort="newest",
            page=1,
            per_page=FEED_SIZE,
        )
    )
    entries = [(h, found[h.request_id]) for h in results.hits if h.request_id in found]
    updated = max((r.published_at for _h, r in entries if r.published_at), default=None)
    return entries, updated


def similar_published(
    text: str, *, agency_id: int | None = None, limit: int = 5, exclude_id: int | None = None
) -> list[tuple[Hit, InfoRequest]]:
    """Return up to ``limit`` published requests most like ``text``, with their requests.

    Only the first ``SIMILAR_WORDS`` distinct words count: a whole request body would make an
    OR of hundreds of words, slow to run and no better at finding the same question.
    """
    kept: list[str] = []
    for word in text.replace("\x00", " ").split():
        if word.casefold() not in {k.casefold() for k in kept}:
            kept.append(word)
        if len(kept) >= SIMILAR_WORDS:
            break
    if not kept or limit < 1:
        return []
    conn = db.session.connection()
    hits = get_backend(conn).similar(conn, " ".join(kept), agency_id, limit + 1)
    found = _published_by_id([h.request_id for h in hits])
    return [
        (h, found[h.request_id])
        for h in hits
        if h.request_id in found and h.request_id != exclude_id
    ][:limit]


def published_count() -> int:
    """Return how many requests the archive holds."""
    return db.session.query(InfoRequest.id).filter(InfoRequest.is_public).count()
