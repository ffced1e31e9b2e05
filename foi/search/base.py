"""The search interface: documents in, hits out, whatever the database.

A back end only has to find *candidates*: the newest matching documents (at most
``candidate_limit``) with their facet fields and, on demand, a relevance score. Totals, facets,
ordering, pagination and snippets are computed here, the same way for every back end. Bounding
the candidates is what keeps a word present in every document as fast as a rare one: such a
query is ranked among its newest matches (recency first) instead of scoring a million rows.
"""

import functools
import itertools
import math
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

import sqlalchemy as sa
from markupsafe import Markup

from foi.search import bulk
from foi.search.query import ParsedQuery, any_of, parse
from foi.search.snippets import Matcher, snippet
from foi.search.stopwords import STOP_WORDS
from foi.search.terms import PAIR_SAMPLE, Plan, choose_pair_words, pair_words, save_pair_words
from foi.search.terms import apply as apply_terms
from foi.search.terms import plan as plan_query
from foi.search.tokens import folded_words, words

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


@dataclass
class Filters:
    """The equality filters of a query, as SQL conditions and their parameters."""

    sql: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, query: SearchQuery, prefix: str = "d.") -> "Filters":
        """Return the filters of ``query`` on the document table aliased by ``prefix``."""
        out = cls()
        for name, column in (
            ("agency_id", "agency_id"),
            ("outcome", "outcome"),
            ("year", "year"),
            ("topic", "topic"),
        ):
            value = getattr(query, name)
            if value is not None:
                out.sql.append(f"{prefix}{column} = :f_{name}")
                out.params[f"f_{name}"] = value
        return out

    def where(self, *more: str) -> str:
        """Return a WHERE clause joining these conditions and ``more``, or nothing."""
        conds = [*more, *self.sql]
        return ("WHERE " + " AND ".join(conds)) if conds else ""


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


class SearchBackend(ABC):
    """Index published requests and answer queries against them."""

    name: str = ""
    #: Matches considered at most for facets and ranking; beyond it, newest win.
    candidate_limit: int = 1_000
    #: Of those, how many (newest first) get a relevance score.
    rank_limit: int = 5_000
    batch_size: int = 1_000
    # Word counts deferred while a bulk load runs (None: written at once).
    _pending_terms: Counter[str] | None = None

    @abstractmethod
    def create_schema(self, conn: sa.Connection) -> None:
        """Create the search tables and indexes if they do not exist."""

    @abstractmethod
    def drop_schema(self, conn: sa.Connection) -> None:
        """Drop the search tables."""

    def index(self, conn: sa.Connection, doc: SearchDocument) -> None:
        """Add ``doc`` to the index, replacing any earlier version of the same request."""
        self.remove(conn, doc.request_id)
        self._insert(conn, [doc])

    @abstractmethod
    def remove(self, conn: sa.Connection, request_id: int) -> None:
        """Remove a request from the index (nothing happens if it is not there)."""

    def reindex(
        self,
        conn: sa.Connection,
        docs: Iterable[SearchDocument],
        progress: Callable[[int], None] | None = None,
        finishing: Callable[[], None] | None = None,
    ) -> int:
        """Replace the whole index by ``docs``; return how many were indexed.

        ``progress`` is called after each batch with the number of documents in that batch,
        so ``click.progressbar(...).update`` can be passed as it is; ``finishing`` once all
        are written, before the indexes are built and merged (minutes for a large archive).
        """
        docs = iter(docs)
        sample = list(itertools.islice(docs, PAIR_SAMPLE))
        pairs = choose_pair_words(
            folded_words(f"{d.reference}\n{d.title}\n{d.body}\n{d.answer}\n{d.attachments_text}")
            for d in sample
        )
        self._clear(conn)
        save_pair_words(conn, pairs)
        self._start_bulk(conn)
        try:
            done = bulk.run(
                self, conn, itertools.chain(sample, docs), self._bulk_prepare(pairs), progress
            )
            if finishing is not None:
                finishing()
            return done
        finally:
            self._end_bulk(conn)

    def optimize(self, conn: sa.Connection) -> None:
        """Update the query planner's statistics of the index (after a re-index)."""
        conn.exec_driver_sql("ANALYZE search_document")
        conn.exec_driver_sql("ANALYZE search_term")

    @classmethod
    def prepare(cls, docs: Sequence[SearchDocument], pairs: frozenset[str] | None) -> Any:
        """Return what :meth:`_insert` computes from ``docs`` alone (on a helper thread).

        ``pairs``: the pair words (:mod:`foi.search.terms`), ``None`` for all words.
        """
        return None

    def _bulk_prepare(self, pairs: frozenset[str] | None) -> Callable[[list], Any]:
        """Return the function preparing a batch of a re-index."""
        return functools.partial(self.prepare, pairs=pairs)

    def _pair_words(self, conn: sa.Connection) -> frozenset[str] | None:
        """Return the pair words the index is built with."""
        return pair_words(conn)

    def _start_bulk(self, conn: sa.Connection) -> None:
        """Prepare for many inserts in a row (statistics are then written once at the end)."""
        self._pending_terms = Counter()

    def _end_bulk(self, conn: sa.Connection) -> None:
        """Write what :meth:`_start_bulk` deferred."""
        pending, self._pending_terms = self._pending_terms, None
        if pending:
            apply_terms(conn, pending)

    def _count_terms(self, conn: sa.Connection, delta: Counter) -> None:
        """Record a change of document counts, now or at the end of a bulk load."""
        pending = self._pending_terms
        if pending is not None:
            pending.update(delta)
        else:
            apply_terms(conn, delta)

    def whole_index(self, conn: sa.Connection) -> WholeIndex:
        """Count every document by agency, outcome, year and topic, in one grouped pass."""
        counters: dict[str, Counter] = {name: Counter() for name in FACETS}
        total = 0
        for agency_id, outcome, year, topic, n in conn.exec_driver_sql(
            "SELECT agency_id, outcome, year, topic, count(*) FROM search_document"
            " GROUP BY agency_id, outcome, year, topic"
        ):
            total += n
            counters["agency"][agency_id] += n
            counters["outcome"][outcome] += n
            counters["year"][year] += n
            if topic is not None:
                counters["topic"][topic] += n
        facets = {name: dict(counter.most_common()) for name, counter in counters.items()}
        return WholeIndex(total, facets)

    def query(
        self, conn: sa.Connection, query: SearchQuery, whole: WholeIndex | None = None
    ) -> SearchResults:
        """Run ``query`` and return one page of results with facet counts.

        ``whole``: :meth:`whole_index`, computed once per change of the archive; the empty
        query (no words, no filters) then takes its exact total and facets from it instead
        of counting the newest candidates and every document, and a listing by one filter
        (an agency's page) its total.
        """
        query = query.normalized()
        parsed = parse(query.q)
        filters = {
            name: value
            for name, value in zip(
                FACETS, (query.agency_id, query.outcome, query.year, query.topic), strict=True
            )
            if value is not None
        }
        if not parsed.is_empty or len(filters) > 1:
            whole = None
        plan = self._plan(conn, parsed)
        limit = self.candidate_limit
        wants_score = bool(parsed.required) and query.sort == "relevance"
        # The statistics bound the matches: a query that cannot reach the cap is fetched
        # with its scores at once instead of being counted first and scored second.
        surely_small = plan.estimate is not None and plan.estimate <= limit
        found = self._candidates(conn, parsed, query, limit + 1, wants_score and surely_small, plan)
        capped = len(found) > limit
        found = found[:limit]
        total = len(found)
        if capped and whole is not None:
            total = whole.total
            for name, value in filters.items():  # at most one
                total = whole.facets[name].get(value, 0)
        elif capped:
            total = self._count(conn, parsed, query, plan) or total
        # Scoring reads every match of each word; past the cap, recency orders the hits.
        scored = wants_score and not capped
        if scored and len(found) > 1 and not surely_small:
            found = self._candidates(conn, parsed, query, limit, True, plan)
        order = found
        if scored:
            # Relevance among the newest rank_limit matches; older ones follow, newest first.
            ranked = sorted(found[: self.rank_limit], key=lambda c: -c.score)
            order = ranked + found[self.rank_limit :]
        start = (query.page - 1) * query.per_page
        page = order[start : start + query.per_page]
        hits = self._hits(conn, page, parsed)
        return SearchResults(
            hits=hits,
            total=total,
            page=query.page,
            per_page=query.per_page,
            pages=math.ceil(len(order) / query.per_page),
            facets=whole.facets if whole is not None and not filters else facet_counts(found),
            capped=capped,
        )

    def similar(
        self, conn: sa.Connection, text: str, agency_id: int | None = None, limit: int = 5
    ) -> list[Hit]:
        """Return up to ``limit`` published requests most like ``text`` (a subject being typed)."""
        wanted = [w for w in words(text) if len(w) > 2 and w.lower() not in STOP_WORDS]
        parsed = any_of(wanted)
        if not parsed.required or limit < 1:
            return []
        found = self._candidates(
            conn,
            parsed,
            SearchQuery(agency_id=agency_id),
            self.rank_limit,
            True,
            self._plan(conn, parsed),
        )
        best = sorted(found, key=lambda c: -c.score)[:limit]
        return self._hits(conn, best, parsed)

    def _hits(
        self, conn: sa.Connection, found: Sequence[Candidate], parsed: ParsedQuery
    ) -> list[Hit]:
        if not found:
            return []
        rows = {row.request_id: row for row in self._documents(conn, [c.request_id for c in found])}
        matcher = Matcher(parsed.terms)
        hits = []
        for c in found:
            row = rows.get(c.request_id)
            if row is None:
                continue
            hits.append(
                Hit(
                    request_id=row.request_id,
                    reference=row.reference,
                    title=row.title,
                    snippet=snippet((row.body, row.answer, row.attachments_text), matcher),
                    agency_id=row.agency_id,
                    outcome=row.outcome,
                    topic=row.topic,
                    published_at=self._published(row.published_at),
                    score=float(c.score),
                )
            )
        return hits

    @staticmethod
    def _published(value: Any) -> datetime:
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return as_utc(value)

    @abstractmethod
    def _clear(self, conn: sa.Connection) -> None:
        """Delete every indexed document."""

    @abstractmethod
    def _insert(
        self, conn: sa.Connection, docs: Sequence[SearchDocument], prepared: Any = None
    ) -> None:
        """Insert documents known not to be indexed yet (``prepared``: :meth:`prepare` of them)."""

    @abstractmethod
    def _remove_many(self, conn: sa.Connection, request_ids: Sequence[int]) -> None:
        """Remove these requests from the index."""

    def _plan(self, conn: sa.Connection, parsed: ParsedQuery) -> Plan:
        """Return what the word statistics say about ``parsed``."""
        return plan_query(conn, parsed)

    @abstractmethod
    def _candidates(
        self,
        conn: sa.Connection,
        parsed: ParsedQuery,
        query: SearchQuery,
        limit: int,
        scored: bool,
        plan: Plan | None = None,
    ) -> list[Candidate]:
        """Return up to ``limit`` matching documents, newest first.

        With ``scored``, at least the first ``rank_limit`` carry their relevance (higher is
        better); otherwise scores may be left at zero.
        """

    @abstractmethod
    def _count(
        self, conn: sa.Connection, parsed: ParsedQuery, query: SearchQuery, plan: Plan | None = None
    ) -> int | None:
        """Return the exact number of matches if that is cheap, else ``None``."""

    @abstractmethod
    def _documents(self, conn: sa.Connection, request_ids: Sequence[int]) -> Iterable[Any]:
        """Return rows with the stored fields and texts of these documents."""


def facet_counts(found: Iterable[Candidate]) -> dict[str, dict[str | int, int]]:
    """Count the candidates by agency, outcome, year and topic, largest first."""
    counters: dict[str, Counter] = {name: Counter() for name in FACETS}
    for c in found:
        counters["agency"][c.agency_id] += 1
        counters["outcome"][c.outcome] += 1
        counters["year"][c.year] += 1
        if c.topic is not None:
            counters["topic"][c.topic] += 1
    return {name: dict(counter.most_common()) for name, counter in counters.items()}
