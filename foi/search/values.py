"""The values that go in and out of search: documents, queries, hits, result pages.

They hold no database and no back end, so pages, the API and services may use them anywhere.
``rank_key`` is how both back ends order their rows: by publication time, newest highest.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple

from markupsafe import Markup

SORTS = ("relevance", "newest")
FACETS = ("agency", "outcome", "year", "topic")
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class SearchDocument:
    """The published, redacted text of one request, denormalised for the index."""

    request_id: int
    reference: str
    title: str
    body: str
    answer: str
    attachments_text: str
    agency_id: int
    outcome: str
    topic: str | None
    published_at: datetime

    def decoded(self) -> "SearchDocument":
        """Return this document (see :meth:`EncodedDocument.decoded`)."""
        return self


class EncodedDocument(NamedTuple):
    """A :class:`SearchDocument` whose texts are still the UTF-8 bytes the database holds.

    A full re-index reads every published request in the one process that writes the index,
    and sends it to a worker process for the word work: as bytes, that process neither decodes
    the texts when reading nor encodes them again when sending (measured on SQLite: about 45 µs
    a request of its time, against the 105 µs of FTS5 indexing); the worker decodes them.
    """

    request_id: int
    reference: str
    title: bytes
    body: bytes
    answer: bytes
    attachments_text: bytes
    agency_id: int
    outcome: str
    topic: str | None
    published_at: datetime

    def decoded(self) -> SearchDocument:
        """Return the document with its texts as ``str``."""
        return SearchDocument(
            self.request_id,
            self.reference,
            self.title.decode(),
            self.body.decode(),
            self.answer.decode(),
            self.attachments_text.decode(),
            self.agency_id,
            self.outcome,
            self.topic,
            self.published_at,
        )


@dataclass(frozen=True)
class SearchQuery:
    """What a person asked for: the words, the filters, the order and the page."""

    q: str = ""
    agency_id: int | None = None
    outcome: str | None = None
    year: int | None = None
    topic: str | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20

    @property
    def is_listing(self) -> bool:
        """Return whether the query lists the archive by at most one filter, with no words."""
        filters = (self.agency_id, self.outcome, self.year, self.topic)
        return not self.q.strip() and sum(v is not None for v in filters) <= 1

    def normalized(self) -> "SearchQuery":
        """Return a copy with the page, page size and sort order brought into range."""
        return SearchQuery(
            q=self.q or "",
            agency_id=self.agency_id,
            outcome=self.outcome or None,
            year=self.year,
            topic=self.topic or None,
            sort=self.sort if self.sort in SORTS else "relevance",
            page=max(1, int(self.page or 1)),
            per_page=min(MAX_PER_PAGE, max(1, int(self.per_page or 20))),
        )


@dataclass(frozen=True)
class WholeIndex:
    """The total and facet counts of every indexed document: the answer to the empty query."""

    total: int
    facets: dict[str, dict[str | int, int]]


@dataclass(frozen=True)
class Hit:
    """One found request; ``snippet`` is escaped HTML with the matches in ``<mark>``."""

    request_id: int
    reference: str
    title: str
    snippet: Markup
    agency_id: int
    outcome: str
    topic: str | None
    published_at: datetime
    score: float


@dataclass
class SearchResults:
    """A page of hits, the total, and facet counts of the whole result set.

    ``capped`` means more than the back end's ``candidate_limit`` documents matched: facets then
    count only the newest ``candidate_limit`` matches, pages stop there, and for word queries
    ``total`` is that limit, a lower bound (show "5,000+"), and hits come newest first: so common
    a query is ranked by recency, which costs nothing, rather than by scoring every match.
    Listings without words (filters only) keep an exact ``total``.
    """

    hits: list[Hit]
    total: int
    page: int
    per_page: int
    pages: int
    facets: dict[str, dict[str | int, int]]
    capped: bool = False


class Candidate(NamedTuple):
    """A matching document as the back end returns it, newest first."""

    request_id: int
    agency_id: int
    outcome: str
    year: int
    topic: str | None
    score: float = 0.0


def rank_key(doc: SearchDocument) -> int:
    """Return the key that orders documents by publication time, newest highest.

    Both back ends store documents in this order so that "newest matches first" is an index walk.
    The low bits keep keys unique among documents published in the same second.
    """
    published = as_utc(doc.published_at)
    return int(published.timestamp()) * 2**24 + doc.request_id % 2**24


def as_utc(value: datetime) -> datetime:
    """Return ``value`` as an aware UTC datetime (naive values are taken to be UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
