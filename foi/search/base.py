"""The search interface: documents in, hits out, whatever the database.

A back end only has to find *candidates*: the newest matching documents (at most
``candidate_limit``) with their facet fields and, on demand, a relevance score. Totals, facets,
ordering, pagination and snippets are computed here, the same way for every back end. Bounding
the candidates is what keeps a word present in every document as fast as a rare one: such a
query is ranked among its newest matches (recency first) instead of scoring a million rows.
Writing the index is :mod:`foi.search.indexing`; the values in and out, :mod:`foi.search.values`.
"""

import math
from abc import abstractmethod
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from foi.search.indexing import Indexing
from foi.search.query import ParsedQuery, any_of, parse
from foi.search.snippets import Matcher, snippet
from foi.search.stopwords import STOP_WORDS
from foi.search.terms import ALL, Plan, kept_facet_counts
from foi.search.terms import plan as plan_query
from foi.search.tokens import words
from foi.search.values import FACETS, Candidate, Hit, SearchQuery, SearchResults, WholeIndex, as_utc


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


class SearchBackend(Indexing):
    """Index published requests (:class:`Indexing`) and answer queries against them."""

    name: str = ""
    #: Matches considered at most for facets and ranking; beyond it, newest win.
    candidate_limit: int = 1_000
    #: Of those, how many (newest first) get a relevance score.
    rank_limit: int = 5_000

    def whole_index(self, conn: sa.Connection) -> WholeIndex:
        """Return the total and facets of every document, from the counts kept with the index.

        Each change of the index counts its documents by facet value in the same transaction
        (:func:`foi.search.terms.facet_keys`), so this reads a few dozen rows at any size.
        """
        counts = kept_facet_counts(conn)
        total = conn.execute(
            sa.text("SELECT docs FROM search_term WHERE term = :all"), {"all": ALL}
        ).scalar()
        as_number = {"agency", "year"}
        facets = {
            name: {
                (int(value) if name in as_number else value): n
                for value, n in counts.get(name, {}).items()
            }
            for name in FACETS
        }
        return WholeIndex(max(0, total or 0), facets)

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
