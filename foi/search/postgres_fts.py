"""PostgreSQL back end: precomputed ``tsvector`` columns with GIN indexes.

``tsv`` holds every word at its position in its exact and folded spelling, ``pairs`` every two
neighbouring words (both built in Python: :mod:`foi.search.tsvector`); ts_rank weighs exact
above folded. ``rank_key`` orders rows by publication time for "newest first" index walks, and
the share of documents a query can match (:mod:`foi.search.terms`) picks how its newest matches
are found: walking that index, or through the GIN index over the newest rows or over all.
"""

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

import sqlalchemy as sa

from foi.search.base import Filters, SearchBackend
from foi.search.copy_text import copy_text
from foi.search.query import ParsedQuery
from foi.search.terms import ALL, Plan, facet_keys
from foi.search.tsvector import (
    PAIR,
    build_vectors,
    render_exact_tsquery,
    render_match_tsquery,
    render_pairs_tsquery,
    render_tsquery,
)
from foi.search.values import Candidate, SearchDocument, SearchQuery, as_utc
from foi.search.values import rank_key as make_rank_key

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger("foi.search")

# ts_rank weights in PostgreSQL's order {D, C, B, A}: text folded, title folded, text, title.
WEIGHTS = "{0.1, 0.3, 0.4, 1.0}"
# ts_rank normalisation 1: divide by 1 + log(length), so long attachments do not win by size.
NORMALIZATION = 1
# maintenance_work_mem while the GIN index is built after a full re-index.
BULK_MEMORY = "256MB"

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS search_document (
        request_id bigint PRIMARY KEY,
        rank_key bigint NOT NULL,
        agency_id bigint NOT NULL,
        outcome text NOT NULL,
        year integer NOT NULL,
        topic text,
        published_at timestamptz NOT NULL,
        reference text NOT NULL,
        title text NOT NULL,
        tsv tsvector NOT NULL,
        pairs tsvector NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS search_document_tsv ON search_document USING gin (tsv)",
    "CREATE INDEX IF NOT EXISTS search_document_pairs ON search_document USING gin (pairs)",
    # tsv compressed in the row rather than in TOAST: rechecks and ts_rank read it on every
    # row. The pairs are only read through their index, so they may live out of the row.
    "ALTER TABLE search_document ALTER COLUMN tsv SET STORAGE MAIN",
    # Newest first, covering the facet fields so that listings need no heap visit.
    """CREATE UNIQUE INDEX IF NOT EXISTS search_document_newest ON search_document (rank_key)
        INCLUDE (request_id, agency_id, outcome, year, topic)""",
    "CREATE INDEX IF NOT EXISTS search_document_agency ON search_document (agency_id, rank_key)",
    "CREATE INDEX IF NOT EXISTS search_document_outcome ON search_document (outcome, rank_key)",
    "CREATE INDEX IF NOT EXISTS search_document_year ON search_document (year, rank_key)",
    "CREATE INDEX IF NOT EXISTS search_document_topic ON search_document (topic, rank_key)",
    """CREATE TABLE IF NOT EXISTS search_text (
        request_id bigint PRIMARY KEY,
        body text NOT NULL,
        answer text NOT NULL,
        attachments_text text NOT NULL)""",
    # Binary collation: a prefix is then a range of the primary key.
    """CREATE TABLE IF NOT EXISTS search_term (
        term text COLLATE "C" PRIMARY KEY,
        docs bigint NOT NULL)""",
)

#: The indexes of search_document a re-index drops and builds again at the end.
BULK_INDEXES = tuple(st for st in SCHEMA if "INDEX IF NOT EXISTS search_document_" in st)


def _index_name(statement: str) -> str:
    return statement.split("IF NOT EXISTS ", 1)[1].split()[0]


def _rank(param: str) -> str:
    return (
        f"ts_rank(CAST('{WEIGHTS}' AS float4[]), tsv, CAST(:{param} AS tsquery), {NORMALIZATION})"
    )


class PostgresBackend(SearchBackend):
    """Full-text search with a tsvector column, a GIN index and ts_rank."""

    name = "postgresql"
    # ts_rank reads each candidate's whole tsvector: rank fewer than SQLite does.
    rank_limit = 2_000
    #: Words in at least this share of documents are found by walking newest first.
    walk_share = 0.1
    #: Up to this many matches (by the word statistics), all are fetched through the GIN index;
    #: beyond, only those among the newest documents that should hold enough of them.
    bitmap_limit = 20_000
    window_factor = 4

    def create_schema(self, conn: sa.Connection) -> None:
        """Create the search tables and indexes if they do not exist."""
        for statement in SCHEMA:
            conn.exec_driver_sql(statement)

    def drop_schema(self, conn: sa.Connection) -> None:
        """Drop the search tables."""
        conn.exec_driver_sql("DROP TABLE IF EXISTS search_text, search_document, search_term")

    def remove(self, conn: sa.Connection, request_id: int) -> None:
        """Remove a request from the index (nothing happens if it is not there)."""
        self._remove_many(conn, [request_id])

    def _clear(self, conn: sa.Connection) -> None:
        conn.exec_driver_sql("TRUNCATE search_text, search_document, search_term")

    def optimize(self, conn: sa.Connection) -> None:
        """Update the planner's statistics, then write the re-index's pages out (CHECKPOINT).

        A full re-index leaves gigabytes of dirty pages and WAL; left alone, the checkpoint that
        follows writes them while the site works, and the next commits wait behind it (1.5 s
        seen right after a million-request re-index). Writing them now puts that wait inside
        the re-index. CHECKPOINT needs a superuser or the ``pg_checkpoint`` role; without it the
        re-index still succeeds and says so in the log.
        """
        super().optimize(conn)
        try:
            with conn.begin_nested():
                conn.exec_driver_sql("CHECKPOINT")
        except sa.exc.DBAPIError as exc:
            log.warning("no CHECKPOINT after the re-index (grant pg_checkpoint): %s", exc.orig)

    def _start_bulk(self, conn: sa.Connection) -> None:
        super()._start_bulk(conn)
        # Building an index once from all rows is far cheaper than inserting a million rows
        # into it (for the GIN indexes above all); the server is what limits a re-index.
        names = ", ".join(_index_name(statement) for statement in BULK_INDEXES)
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {names}")

    def _end_bulk(self, conn: sa.Connection) -> None:
        super()._end_bulk(conn)
        memory = conn.exec_driver_sql("SHOW maintenance_work_mem").scalar()
        conn.exec_driver_sql(f"SET LOCAL maintenance_work_mem = '{BULK_MEMORY}'")
        for statement in BULK_INDEXES:
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql(f"SET LOCAL maintenance_work_mem = '{memory}'")

    @classmethod
    def prepare(
        cls, docs: Sequence[SearchDocument], pairs: frozenset[str] | None
    ) -> tuple[bytes, bytes, Counter]:
        """Return the COPY rows of ``docs`` for both tables and the count of their word forms.

        The tsvector and pairs literals are built here (:func:`build_vectors`), and every row
        formatted as COPY text, so that writing them is one ``COPY`` a table and nothing more;
        as UTF-8 bytes, which a worker process's result is unpickled from without decoding.
        """
        terms: Counter = Counter()
        documents, texts = [], []
        for d in docs:
            published = as_utc(d.published_at)
            body, answer, files = d.body or "", d.answer or "", d.attachments_text or ""
            documents.append(
                (
                    d.request_id,
                    make_rank_key(d),
                    d.agency_id,
                    d.outcome,
                    published.year,
                    d.topic,
                    published.isoformat(),
                    d.reference,
                    d.title,
                    *build_vectors(
                        f"{d.reference}\n{d.title}", f"{body}\n{answer}\n{files}", terms, pairs
                    ),
                )
            )
            texts.append((d.request_id, body, answer, files))
            terms.update(facet_keys(d.agency_id, d.outcome, published.year, d.topic))
        return copy_text(documents).encode(), copy_text(texts).encode(), terms

    def _write_prepared(self, conn: sa.Connection, prepared: Any) -> None:
        documents, texts, terms = prepared
        # COPY on the caller's connection, so inside its transaction: one round trip a batch.
        # This back end runs on psycopg 3, whose COPY the DB-API has no word for.
        driver = cast("psycopg.Connection[Any]", conn.connection.driver_connection)
        with driver.cursor() as cursor:
            with cursor.copy(
                "COPY search_document (request_id, rank_key, agency_id, outcome,"
                " year, topic, published_at, reference, title, tsv, pairs)"
                " FROM STDIN"
            ) as copy:
                copy.write(documents)
            with cursor.copy(
                "COPY search_text (request_id, body, answer, attachments_text) FROM STDIN"
            ) as copy:
                copy.write(texts)
        self._count_terms(conn, terms)

    def _remove_many(self, conn: sa.Connection, request_ids: Sequence[int]) -> None:
        if not request_ids:
            return
        params = {"ids": list(request_ids)}
        conn.execute(sa.text("DELETE FROM search_text WHERE request_id = ANY(:ids)"), params)
        removed = conn.execute(
            sa.text(
                "DELETE FROM search_document WHERE request_id = ANY(:ids)"
                " RETURNING tsvector_to_array(tsv), agency_id, outcome, year, topic"
            ),
            params,
        ).all()
        if removed:
            # The placeholder of over-long words (tsvector.PAIR) is not counted.
            terms = Counter(w for row in removed for w in row[0] if w != PAIR)
            terms[ALL] += len(removed)
            for _, *facets in removed:
                terms.update(facet_keys(*facets))
            self._count_terms(conn, Counter({t: -n for t, n in terms.items()}))

    def _select(
        self,
        parsed: ParsedQuery,
        query: SearchQuery,
        columns: str,
        plan: Plan | None = None,
        walk: bool = False,
    ) -> tuple[str, dict]:
        filters = Filters.of(query)
        params = dict(filters.params)
        conds = []
        if not parsed.is_empty:
            params["tsq"] = render_match_tsquery(parsed, plan)
            # ts_match_vq is what @@ calls, but as a function no index can serve it: the
            # query then walks the newest-first index and stops at the LIMIT.
            if params["tsq"]:
                conds.append(
                    "ts_match_vq(d.tsv, CAST(:tsq AS tsquery))"
                    if walk
                    else "d.tsv @@ CAST(:tsq AS tsquery)"
                )
            pairs = render_pairs_tsquery(parsed, plan)
            if pairs:
                params["pairs"] = pairs
                conds.insert(0, "d.pairs @@ CAST(:pairs AS tsquery)")
        # S608 is a false positive here: fixed table names and SQL fragments; user input is only
        # ever bound.
        return f"SELECT {columns} FROM search_document d {filters.where(*conds)}", params  # noqa: S608

    def _candidates(
        self,
        conn: sa.Connection,
        parsed: ParsedQuery,
        query: SearchQuery,
        limit: int,
        scored: bool,
        plan: Plan | None = None,
    ) -> list[Candidate]:
        estimate = plan.estimate if plan is not None else None
        total = (plan.total if plan is not None else None) or 0
        if estimate is None or not total or render_pairs_tsquery(parsed, plan):
            # Phrases and unknowns: the planner weighs the pairs' and words' statistics.
            return self._fetch(conn, parsed, query, limit, scored, plan, "planner")
        share = estimate / total
        if share >= self.walk_share:
            # Very common words: the newest rows match almost at once.
            return self._fetch(conn, parsed, query, limit, scored, plan, "walk")
        if estimate > self.bitmap_limit:
            # Middling words: the GIN index, but only over the newest rows that should hold
            # enough matches (a few times what an even spread gives); all of them if not.
            window = int(self.window_factor * limit / share)
            found = self._fetch(conn, parsed, query, limit, scored, plan, "bitmap", window)
            if len(found) >= limit:
                return found
        return self._fetch(conn, parsed, query, limit, scored, plan, "bitmap")

    def _fetch(
        self,
        conn: sa.Connection,
        parsed: ParsedQuery,
        query: SearchQuery,
        limit: int,
        scored: bool,
        plan: Plan | None,
        how: str,
        window: int | None = None,
    ) -> list[Candidate]:
        columns = "d.request_id, d.agency_id, d.outcome, d.year, d.topic"
        order = "d.rank_key"
        if how == "bitmap":
            # Fetch every match through the GIN index, then keep the newest. Walking newest
            # first would read and decompress the tsvector of every row passed over.
            inner, params = self._select(parsed, query, f"{columns}, d.rank_key", plan)
            if window is not None:
                # A value, not a subquery: the planner can then combine the range with the
                # GIN index instead of filtering every row the GIN index returns.
                lowest = conn.execute(
                    sa.text(
                        "SELECT rank_key FROM search_document ORDER BY rank_key DESC"
                        " OFFSET :window LIMIT 1"
                    ),
                    {"window": window},
                ).scalar()
                if lowest is not None:
                    inner += " AND d.rank_key >= :lowest"
                    params["lowest"] = lowest
            sql = (
                # S608 is a false positive here: fixed table names and SQL fragments; user input is
                # only ever bound.
                f"WITH m AS MATERIALIZED ({inner})"  # noqa: S608
                " SELECT request_id, agency_id, outcome, year, topic FROM m"
            )
            order = "rank_key"
        else:
            sql, params = self._select(parsed, query, columns, plan, walk=how == "walk")
        params["limit"] = limit
        rows = conn.execute(sa.text(f"{sql} ORDER BY {order} DESC LIMIT :limit"), params).all()
        found = [Candidate(*row) for row in rows]
        if not scored or not parsed.required or not found:
            return found
        ranked = found[: self.rank_limit]
        scores: dict[int, float] = dict(
            conn.execute(
                sa.text(
                    # S608 is a false positive here: fixed table names and SQL fragments; user input
                    # is only ever bound.
                    f"SELECT request_id, {_rank('tsq')} + {_rank('exact')}"  # noqa: S608
                    " FROM search_document WHERE request_id = ANY(:ids)"
                ),
                {
                    "tsq": render_tsquery(parsed),
                    "exact": render_exact_tsquery(parsed),
                    "ids": [c.request_id for c in ranked],
                },
            ).all()
        )
        return [c._replace(score=float(scores.get(c.request_id, 0.0))) for c in ranked] + found[
            self.rank_limit :
        ]

    def _count(
        self, conn: sa.Connection, parsed: ParsedQuery, query: SearchQuery, plan: Plan | None = None
    ) -> int | None:
        if not parsed.is_empty:
            return None  # counting every match of a common word is what we must not do
        sql, params = self._select(parsed, query, "count(*)", plan)
        return int(conn.execute(sa.text(sql), params).scalar_one())

    def _documents(self, conn: sa.Connection, request_ids: Sequence[int]) -> Iterable[Any]:
        return conn.execute(
            sa.text(
                "SELECT d.request_id, d.reference, d.title, d.agency_id, d.outcome, d.topic,"
                " d.published_at, t.body, t.answer, t.attachments_text"
                " FROM search_document d JOIN search_text t ON t.request_id = d.request_id"
                " WHERE d.request_id = ANY(:ids)"
            ),
            {"ids": list(request_ids)},
        )
