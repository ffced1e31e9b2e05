"""SQLite back end: an FTS5 index beside a small table of facet fields.

- ``search_document``: one compact row per request (facet fields, title, reference), keyed by
  :func:`rank_key` so that its rowid order is publication order and "newest first" is free.
- ``search_text``: the original published texts, read only to cut snippets.
- ``search_fts``: a contentless FTS5 table (the texts are not stored twice) with four columns:
  title and text, each in their exact and folded spelling. bm25 weighs exact above folded.

Contentless FTS5 rows are deleted by giving back the values that were indexed; they are
recomputed from ``search_text``. Changing :mod:`foi.search.tokens` therefore needs a reindex.
"""
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from foi.search.base import Candidate, Filters, SearchBackend, SearchDocument, SearchQuery, as_utc
from foi.search.base import rank_key as make_rank_key
from foi.search.query import ParsedQuery, Phrase, Term
from foi.search.tokens import exact, folded_text

# bm25 column weights: title_exact, title_folded, text_exact, text_folded.
WEIGHTS = "10.0, 5.0, 2.0, 1.0"
EXACT_COLUMNS = "{title_exact text_exact}"
FOLDED_COLUMNS = "{title_folded text_folded}"

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
        title_exact, title_folded, text_exact, text_folded,
        content='', tokenize='unicode61 remove_diacritics 0')""",
)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _render_atom(atom: Term | Phrase) -> str:
    terms = atom.terms if isinstance(atom, Phrase) else (atom,)
    star = " *" if terms[-1].prefix else ""
    exact_form = _quote(" ".join(t.exact for t in terms)) + star
    folded_form = _quote(" ".join(t.folded for t in terms)) + star
    if exact_form == folded_form:
        # Same spelling in both columns: one phrase over all four, both weights count.
        return exact_form
    return f"({EXACT_COLUMNS} : {exact_form} OR {FOLDED_COLUMNS} : {folded_form})"


def _any(atoms: Sequence[Term | Phrase]) -> str:
    rendered = [_render_atom(a) for a in atoms]
    return rendered[0] if len(rendered) == 1 else "(" + " OR ".join(rendered) + ")"


def render_match(parsed: ParsedQuery) -> str:
    """Render the positive part of ``parsed``, minus its exclusions, as an FTS5 expression."""
    expr = " AND ".join(_any(group) for group in parsed.required)
    if parsed.excluded:
        expr = f"{expr} NOT {_any(parsed.excluded)}"
    return expr


def render_excluded(parsed: ParsedQuery) -> str:
    """Render the exclusions of ``parsed`` as one FTS5 expression."""
    return _any(parsed.excluded)


class SqliteBackend(SearchBackend):
    """Full-text search with SQLite FTS5 and bm25."""

    name = "sqlite"

    def create_schema(self, conn: sa.Connection) -> None:
        """Create the search tables and indexes if they do not exist."""
        for statement in SCHEMA:
            conn.exec_driver_sql(statement)

    def drop_schema(self, conn: sa.Connection) -> None:
        """Drop the search tables."""
        for table in ("search_fts", "search_text", "search_document"):
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")

    def remove(self, conn: sa.Connection, request_id: int) -> None:
        """Remove a request from the index (nothing happens if it is not there)."""
        self._remove_many(conn, [request_id])

    def _clear(self, conn: sa.Connection) -> None:
        conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
        conn.exec_driver_sql("DELETE FROM search_text")
        conn.exec_driver_sql("DELETE FROM search_document")

    def _insert(self, conn: sa.Connection, docs: Sequence[SearchDocument]) -> None:
        if not docs:
            return
        keyed = [(make_rank_key(d), d) for d in docs]
        conn.execute(sa.text(
            "INSERT INTO search_document (rank_key, request_id, agency_id, outcome, year, topic,"
            " published_at, reference, title) VALUES (:k, :rid, :agency, :outcome, :year,"
            " :topic, :published, :reference, :title)"
        ), [{
            "k": k, "rid": d.request_id, "agency": d.agency_id, "outcome": d.outcome,
            "year": as_utc(d.published_at).year, "topic": d.topic,
            "published": as_utc(d.published_at).isoformat(), "reference": d.reference,
            "title": d.title,
        } for k, d in keyed])
        conn.execute(sa.text(
            "INSERT INTO search_text (rank_key, body, answer, attachments_text)"
            " VALUES (:k, :body, :answer, :att)"
        ), [{"k": k, "body": d.body or "", "answer": d.answer or "",
             "att": d.attachments_text or ""} for k, d in keyed])
        conn.execute(sa.text(
            "INSERT INTO search_fts (rowid, title_exact, title_folded, text_exact, text_folded)"
            " VALUES (:k, :te, :tf, :xe, :xf)"
        ), [_fts_values(k, d.reference, d.title, d.body, d.answer, d.attachments_text)
            for k, d in keyed])

    def _remove_many(self, conn: sa.Connection, request_ids: Sequence[int]) -> None:
        if not request_ids:
            return
        rows = conn.execute(sa.text(
            "SELECT d.rank_key, d.reference, d.title, t.body, t.answer, t.attachments_text"
            " FROM search_document d JOIN search_text t ON t.rank_key = d.rank_key"
            " WHERE d.request_id IN :ids"
        ).bindparams(sa.bindparam("ids", expanding=True)), {"ids": list(request_ids)}).all()
        if not rows:
            return
        # A contentless FTS5 row is deleted by repeating exactly what was indexed.
        conn.execute(sa.text(
            "INSERT INTO search_fts (search_fts, rowid, title_exact, title_folded, text_exact,"
            " text_folded) VALUES ('delete', :k, :te, :tf, :xe, :xf)"
        ), [_fts_values(*row) for row in rows])
        keys = {"keys": [row.rank_key for row in rows]}
        for table in ("search_text", "search_document"):
            conn.execute(sa.text(f"DELETE FROM {table} WHERE rank_key IN :keys")
                         .bindparams(sa.bindparam("keys", expanding=True)), keys)

    def _select(self, parsed: ParsedQuery, query: SearchQuery, columns: str) -> tuple[str, dict]:
        filters = Filters.of(query)
        params = dict(filters.params)
        if parsed.required:
            params["match"] = render_match(parsed)
            # CROSS JOIN keeps FTS5 the outer loop: otherwise SQLite may walk a filter index
            # and re-run the MATCH once per row (measured: 50 s instead of 0.2 s at 200k).
            return (f"SELECT {columns} FROM search_fts CROSS JOIN search_document d"
                    f" ON d.rank_key = search_fts.rowid"
                    f" {filters.where('search_fts MATCH :match')}"), params
        extra = []
        if parsed.excluded:
            params["match"] = render_excluded(parsed)
            extra.append("d.rank_key NOT IN"
                         " (SELECT rowid FROM search_fts WHERE search_fts MATCH :match)")
        return f"SELECT {columns} FROM search_document d {filters.where(*extra)}", params

    def _candidates(self, conn: sa.Connection, parsed: ParsedQuery, query: SearchQuery,
                    limit: int, scored: bool) -> list[Candidate]:
        # bm25 is computed only for the rows the LIMIT lets through: FTS5 walks its doclists
        # newest first (rowid order) and stops, however many documents contain the words.
        score = f"-bm25(search_fts, {WEIGHTS})" if scored and parsed.required else "0.0"
        sql, params = self._select(
            parsed, query, f"d.request_id, d.agency_id, d.outcome, d.year, d.topic, {score}")
        params["limit"] = limit
        # Ordering by the FTS rowid (not d.rank_key, equal but unknown to FTS5) lets FTS5 walk
        # its doclists backwards and stop at the LIMIT instead of sorting every match.
        order = "search_fts.rowid" if parsed.required else "d.rank_key"
        rows = conn.execute(sa.text(f"{sql} ORDER BY {order} DESC LIMIT :limit"), params).all()
        return [Candidate._make(row) for row in rows]

    def _count(self, conn: sa.Connection, parsed: ParsedQuery, query: SearchQuery) -> int | None:
        if parsed.required:
            return None  # counting every match of a common word is what we must not do
        sql, params = self._select(parsed, query, "count(*)")
        return int(conn.execute(sa.text(sql), params).scalar_one())

    def _documents(self, conn: sa.Connection, request_ids: Sequence[int]) -> Iterable[Any]:
        return conn.execute(sa.text(
            "SELECT d.request_id, d.reference, d.title, d.agency_id, d.outcome, d.topic,"
            " d.published_at, t.body, t.answer, t.attachments_text"
            " FROM search_document d JOIN search_text t ON t.rank_key = d.rank_key"
            " WHERE d.request_id IN :ids"
        ).bindparams(sa.bindparam("ids", expanding=True)), {"ids": list(request_ids)})


def _fts_values(key: int, reference: str, title: str, body: str, answer: str,
                attachments: str) -> dict[str, Any]:
    heading = f"{reference}\n{title}"
    text = f"{body or ''}\n{answer or ''}\n{attachments or ''}"
    return {"k": key, "te": exact(heading), "tf": folded_text(heading),
            "xe": exact(text), "xf": folded_text(text)}
