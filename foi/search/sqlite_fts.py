"""SQLite back end: an FTS5 index beside a small table of facet fields.

- ``search_document``: one compact row per request (facet fields, title, reference), keyed by
  :func:`rank_key` so that its rowid order is publication order and "newest first" is free.
- ``search_text``: the original published texts, read only to cut snippets.
- ``search_fts``: a contentless FTS5 table (the texts are not stored twice) with five columns:
  title and text, each in their exact and folded spelling, and ``pairs``: every two neighbouring
  folded words as one token, so that a phrase of common words is looked up by its rare pairs
  instead of checking the positions of every document holding both words. bm25 weighs exact
  above folded; ``pairs`` only narrows and weighs nothing.
- ``search_term``: documents per word form (:mod:`foi.search.terms`), for plans and prefixes.

The FTS columns hold the words as :func:`foi.search.tokens.words` splits them, joined by spaces,
so the index and the query side always agree on what a word is. Contentless FTS5 rows are deleted
by giving back the values that were indexed; they are recomputed from ``search_text``. Changing
:mod:`foi.search.tokens` therefore needs a reindex. The rows are built in
:mod:`foi.search.fts5_rows`, the MATCH expressions in :mod:`foi.search.fts5_match`.
"""

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from foi.search.base import Filters, SearchBackend
from foi.search.fts5_match import render_excluded, render_match
from foi.search.fts5_rows import (
    DOCUMENT_COLUMNS,
    FTS_COLUMNS,
    PAIR,
    TEXT_COLUMNS,
    fts_values,
    prepare_rows,
)
from foi.search.query import ParsedQuery
from foi.search.terms import ALL, Plan, count_facets, facet_keys
from foi.search.values import Candidate, SearchDocument, SearchQuery

# bm25 column weights: title_exact, title_folded, text_exact, text_folded, pairs.
WEIGHTS = "10.0, 5.0, 2.0, 1.0, 0.0"
# Pages of SQLite's cache while re-indexing (negative: KiB): FTS5 merges touch many pages.
BULK_CACHE_KIB = 262_144
# FTS5 settings while re-indexing, and after. FTS5 gathers new tokens in memory up to
# "hashsize" bytes before writing a segment (1 MiB by default): a re-index writes far fewer,
# bigger segments (measured: 477 → 223 µs a document). It merges segments as they pile up
# ("automerge", "crisismerge"): a re-index merges them all once at the end instead (+10 %).
BULK_SETTINGS = {"hashsize": 64 * 1024 * 1024, "automerge": 0, "crisismerge": 1000}
DEFAULT_SETTINGS = {"hashsize": 1024 * 1024, "automerge": 4, "crisismerge": 16}

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS search_document (
        rank_key INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL UNIQUE,
        agency_id INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        year INTEGER NOT NULL,
        topic TEXT,
        published_at TEXT NOT NULL,
        reference TEXT NOT NULL,
        title TEXT NOT NULL)""",
    # Each index ends, implicitly, with the rowid: a filter plus "newest first" needs no sort.
    "CREATE INDEX IF NOT EXISTS search_document_agency ON search_document (agency_id)",
    "CREATE INDEX IF NOT EXISTS search_document_outcome ON search_document (outcome)",
    "CREATE INDEX IF NOT EXISTS search_document_year ON search_document (year)",
    "CREATE INDEX IF NOT EXISTS search_document_topic ON search_document (topic)",
    """CREATE TABLE IF NOT EXISTS search_text (
        rank_key INTEGER PRIMARY KEY,
        body TEXT NOT NULL,
        answer TEXT NOT NULL,
        attachments_text TEXT NOT NULL)""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        title_exact, title_folded, text_exact, text_folded, pairs,
        content='', tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TABLE IF NOT EXISTS search_term (
        term TEXT PRIMARY KEY,
        docs INTEGER NOT NULL) WITHOUT ROWID""",
)
TABLES = ("search_fts", "search_text", "search_document", "search_term")


def year_keys(year: int) -> tuple[int, int]:
    """Return the first and last :func:`rank_key` of documents published in ``year`` (UTC)."""
    first = int(datetime(year, 1, 1, tzinfo=UTC).timestamp())
    after = int(datetime(year + 1, 1, 1, tzinfo=UTC).timestamp())
    return first * 2**24, after * 2**24 - 1


class SqliteBackend(SearchBackend):
    """Full-text search with SQLite FTS5 and bm25."""

    name = "sqlite"
    # FTS5 writes its pending words out as a new segment at every statement (a savepoint), so
    # a re-index leaves one segment a batch to merge: at a million requests, 1,000 segments
    # of 1,000 took 46 s to merge, 100 of 10,000 took 24 s. A batch's rows are about 60 MB.
    batch_size = 10_000

    def create_schema(self, conn: sa.Connection) -> None:
        """Create the search tables and indexes if they do not exist."""
        for statement in SCHEMA:
            conn.exec_driver_sql(statement)

    def drop_schema(self, conn: sa.Connection) -> None:
        """Drop the search tables."""
        for table in TABLES:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")

    def remove(self, conn: sa.Connection, request_id: int) -> None:
        """Remove a request from the index (nothing happens if it is not there)."""
        self._remove_many(conn, [request_id])

    def _clear(self, conn: sa.Connection) -> None:
        conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
        for table in TABLES[1:]:
            # S608 is a false positive here: fixed table names and SQL fragments; user input is only
            # ever bound.
            conn.exec_driver_sql(f"DELETE FROM {table}")  # noqa: S608

    def _start_bulk(self, conn: sa.Connection) -> None:
        super()._start_bulk(conn)
        # A bigger page cache for the FTS5 segment merges of a full re-index; put back after.
        self._cache_size: int = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
        conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        self._configure(conn, BULK_SETTINGS)

    def _end_bulk(self, conn: sa.Connection) -> None:
        try:
            # One merge of all the segments written (a query then reads one doclist a word).
            conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            # The index's own counts replace what removals counted on the way.
            self._pending_terms = None
            self._count_all_terms(conn)
        finally:
            self._configure(conn, DEFAULT_SETTINGS)
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(self._cache_size)}")

    @staticmethod
    def _count_all_terms(conn: sa.Connection) -> None:
        """Fill the word statistics from the index itself (FTS5's own vocabulary table).

        One pass over the finished index costs less than counting each document's distinct
        words in Python as it is prepared. Pair tokens are not words and are left out.
        """
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fts_vocab"
            " USING fts5vocab(main, search_fts, 'row')"
        )
        try:
            conn.exec_driver_sql(
                # S608 is a false positive here: fixed table names and SQL fragments; user input is
                # only ever bound.
                "INSERT INTO search_term (term, docs) SELECT term, doc FROM"  # noqa: S608
                f" temp.search_fts_vocab WHERE instr(term, '{PAIR}') = 0 ON CONFLICT (term)"
                " DO UPDATE SET docs = excluded.docs"
            )
            conn.exec_driver_sql(
                # S608 is a false positive here: fixed table names and SQL fragments; user input is
                # only ever bound.
                f"INSERT INTO search_term (term, docs) VALUES ('{ALL}',"  # noqa: S608
                " (SELECT count(*) FROM search_document)) ON CONFLICT (term)"
                " DO UPDATE SET docs = excluded.docs"
            )
            count_facets(conn)
        finally:
            conn.exec_driver_sql("DROP TABLE temp.search_fts_vocab")

    @staticmethod
    def _configure(conn: sa.Connection, settings: dict[str, int]) -> None:
        for name, value in settings.items():
            conn.exec_driver_sql(
                # S608 is a false positive here: fixed table names and SQL fragments; user input is
                # only ever bound.
                f"INSERT INTO search_fts(search_fts, rank) VALUES ('{name}', {int(value)})"  # noqa: S608
            )

    @classmethod
    def prepare(
        cls, docs: Sequence[SearchDocument], pairs: frozenset[str] | None, count: bool = True
    ) -> tuple[bytes, bytes, bytes, Counter]:
        """Return the rows of ``docs`` and the count of their word forms (:func:`prepare_rows`)."""
        return prepare_rows(docs, pairs, count)

    def _bulk_prepare(self, pairs: frozenset[str] | None) -> Callable[[list], Any]:
        return functools.partial(self.prepare, pairs=pairs, count=False)

    def _write_prepared(self, conn: sa.Connection, prepared: Any) -> None:
        documents, texts, fts, delta = prepared
        for table, columns, rows in (
            ("search_document", DOCUMENT_COLUMNS, documents),
            ("search_text", TEXT_COLUMNS, texts),
            ("search_fts", FTS_COLUMNS, fts),
        ):
            values = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(len(columns)))
            conn.exec_driver_sql(
                # S608 is a false positive here: fixed table names and SQL fragments; user input is
                # only ever bound. The rows are UTF-8 bytes (a BLOB to SQLite): CAST reads them
                # as the text they are, without a conversion.
                f"INSERT INTO {table} ({', '.join(columns)}) SELECT {values}"  # noqa: S608
                " FROM json_each(CAST(? AS TEXT))",
                (rows,),
            )
        self._count_terms(conn, delta)

    def _remove_many(self, conn: sa.Connection, request_ids: Sequence[int]) -> None:
        if not request_ids:
            return
        rows = conn.execute(
            sa.text(
                "SELECT d.rank_key, d.reference, d.title, t.body, t.answer, t.attachments_text,"
                " d.agency_id, d.outcome, d.year, d.topic"
                " FROM search_document d JOIN search_text t ON t.rank_key = d.rank_key"
                " WHERE d.request_id IN :ids"
            ).bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": list(request_ids)},
        ).all()
        if not rows:
            return
        # A contentless FTS5 row is deleted by repeating exactly what was indexed.
        delta: Counter = Counter()
        pairs = self._pair_words(conn)
        conn.exec_driver_sql(
            "INSERT INTO search_fts (search_fts, rowid, title_exact, title_folded, text_exact,"
            " text_folded, pairs) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
            [
                fts_values(
                    r.rank_key,
                    r.reference,
                    r.title,
                    r.body,
                    r.answer,
                    r.attachments_text,
                    delta,
                    pairs,
                )
                for r in rows
            ],
        )
        for r in rows:
            delta.update(facet_keys(r.agency_id, r.outcome, r.year, r.topic))
        self._count_terms(conn, Counter({t: -n for t, n in delta.items()}))
        keys = {"keys": [row.rank_key for row in rows]}
        for table in ("search_text", "search_document"):
            conn.execute(
                # S608 is a false positive here: fixed table names and SQL fragments; user input is
                # only ever bound.
                sa.text(f"DELETE FROM {table} WHERE rank_key IN :keys").bindparams(  # noqa: S608
                    sa.bindparam("keys", expanding=True)
                ),
                keys,
            )

    def _select(
        self, parsed: ParsedQuery, query: SearchQuery, columns: str, plan: Plan | None = None
    ) -> tuple[str, dict]:
        filters = Filters.of(query)
        params = dict(filters.params)
        if parsed.required:
            params["match"] = render_match(parsed, plan)
            conds = ["search_fts MATCH :match"]
            if query.year is not None and 1 <= query.year < 9999:
                # Keys follow publication time: a year is a rowid range FTS5 seeks to, rather
                # than a filter checked on every newer match.
                params["key_lo"], params["key_hi"] = year_keys(query.year)
                conds.append("search_fts.rowid BETWEEN :key_lo AND :key_hi")
            # CROSS JOIN keeps FTS5 the outer loop: otherwise SQLite may walk a filter index
            # and re-run the MATCH once per row (measured: 50 s instead of 0.2 s at 200k).
            return (
                # S608 is a false positive here: fixed table names and SQL fragments; user input is
                # only ever bound.
                f"SELECT {columns} FROM search_fts CROSS JOIN search_document d"  # noqa: S608
                f" ON d.rank_key = search_fts.rowid {filters.where(*conds)}"
            ), params
        extra = []
        if parsed.excluded:
            params["match"] = render_excluded(parsed, plan)
            extra.append(
                "d.rank_key NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH :match)"
            )
        # S608 is a false positive here: fixed table names and SQL fragments; user input is only
        # ever bound.
        return f"SELECT {columns} FROM search_document d {filters.where(*extra)}", params  # noqa: S608

    def _candidates(
        self,
        conn: sa.Connection,
        parsed: ParsedQuery,
        query: SearchQuery,
        limit: int,
        scored: bool,
        plan: Plan | None = None,
    ) -> list[Candidate]:
        # bm25 is computed only for the rows the LIMIT lets through: FTS5 walks its doclists
        # newest first (rowid order) and stops, however many documents contain the words.
        score = f"-bm25(search_fts, {WEIGHTS})" if scored and parsed.required else "0.0"
        sql, params = self._select(
            parsed, query, f"d.request_id, d.agency_id, d.outcome, d.year, d.topic, {score}", plan
        )
        params["limit"] = limit
        # Ordering by the FTS rowid (not d.rank_key, equal but unknown to FTS5) lets FTS5 walk
        # its doclists backwards and stop at the LIMIT instead of sorting every match.
        order = "search_fts.rowid" if parsed.required else "d.rank_key"
        rows = conn.execute(sa.text(f"{sql} ORDER BY {order} DESC LIMIT :limit"), params).all()
        return [Candidate._make(row) for row in rows]

    def _count(
        self, conn: sa.Connection, parsed: ParsedQuery, query: SearchQuery, plan: Plan | None = None
    ) -> int | None:
        if parsed.required:
            return None  # counting every match of a common word is what we must not do
        sql, params = self._select(parsed, query, "count(*)", plan)
        return int(conn.execute(sa.text(sql), params).scalar_one())

    def _documents(self, conn: sa.Connection, request_ids: Sequence[int]) -> Iterable[Any]:
        return conn.execute(
            sa.text(
                "SELECT d.request_id, d.reference, d.title, d.agency_id, d.outcome, d.topic,"
                " d.published_at, t.body, t.answer, t.attachments_text"
                " FROM search_document d JOIN search_text t ON t.rank_key = d.rank_key"
                " WHERE d.request_id IN :ids"
            ).bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": list(request_ids)},
        )
