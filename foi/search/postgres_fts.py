"""PostgreSQL back end: a precomputed ``tsvector`` column with a GIN index.

The tsvector is built here, in Python, with the same word splitting and folding as the query
side, so PostgreSQL's parser and locale never disagree with us about Azerbaijani letters. Each
word is stored at its position under its exact spelling (weight A in the title, B in the text)
and, when different, its folded spelling (C in the title, D in the text); ts_rank weighs exact
above folded. ``rank_key`` orders rows by publication time for "newest first" index walks.
"""
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from foi.search.base import Candidate, Filters, SearchBackend, SearchDocument, SearchQuery, as_utc
from foi.search.base import rank_key as make_rank_key
from foi.search.query import ParsedQuery, Phrase, Term
from foi.search.terms import Plan
from foi.search.tokens import WORD_RE, forms_cached

# ts_rank weights in PostgreSQL's order {D, C, B, A}: text folded, title folded, text, title.
WEIGHTS = "{0.1, 0.3, 0.4, 1.0}"
# ts_rank normalisation 1: divide by 1 + log(length), so long attachments do not win by size.
NORMALIZATION = 1
MAX_POS = 16383  # PostgreSQL's largest word position
MAX_POSITIONS = 255  # positions kept per word
MAX_LEXEME = 200  # characters; longer "words" are noise (hashes, base64)

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
        tsv tsvector NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS search_document_tsv ON search_document USING gin (tsv)",
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


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def build_tsvector(heading: str, text: str) -> str:
    """Return the tsvector literal for a document's heading (A/C) and text (B/D)."""
    positions: dict[str, list[str]] = {}
    pos = 0
    for field, (exact_weight, folded_weight) in ((heading, ("A", "C")), (text, ("B", "D"))):
        for word in WORD_RE.findall(field):
            pos = min(pos + 1, MAX_POS)
            if len(word) > MAX_LEXEME:
                continue
            exact_form, folded_form = forms_cached(word)
            _add(positions, exact_form, pos, exact_weight)
            if folded_form != exact_form:
                _add(positions, folded_form, pos, folded_weight)
        pos = min(pos + 1, MAX_POS)  # a gap, so that no phrase runs from title into text
    return " ".join(
        f"{_lexeme(word)}:{','.join(entries)}" for word, entries in positions.items()
    )


def _add(positions: dict[str, list[str]], word: str, pos: int, weight: str) -> None:
    entries = positions.setdefault(word, [])
    if len(entries) >= MAX_POSITIONS:
        return
    entry = f"{pos}{weight}" if weight != "D" else str(pos)
    if entries and entries[-1].rstrip("ABC") == str(pos):
        return  # clamped at MAX_POS: the same position twice is an error in PostgreSQL
    entries.append(entry)


def _term(word: str, prefix: bool, weights: str = "") -> str:
    marks = ("*" if prefix else "") + weights
    return _lexeme(word) + (f":{marks}" if marks else "")


def _render_atom(atom: Term | Phrase) -> str:
    terms = atom.terms if isinstance(atom, Phrase) else (atom,)
    last = len(terms) - 1
    folded = " <-> ".join(_term(t.folded, t.prefix and i == last) for i, t in enumerate(terms))
    exact = " <-> ".join(_term(t.exact, t.prefix and i == last) for i, t in enumerate(terms))
    # Folded lexemes exist for every word (plain words are their own folded form), so the
    # folded rendering finds all matches; the exact one only adds weight.
    return f"({folded})" if folded == exact else f"(({exact}) | ({folded}))"


def _render_exact(atom: Term | Phrase) -> str:
    terms = atom.terms if isinstance(atom, Phrase) else (atom,)
    last = len(terms) - 1
    return "(" + " <-> ".join(
        _term(t.exact, t.prefix and i == last, "AB") for i, t in enumerate(terms)) + ")"


def _any(atoms: Sequence[Term | Phrase], render=_render_atom) -> str:
    rendered = [render(a) for a in atoms]
    return rendered[0] if len(rendered) == 1 else "(" + " | ".join(rendered) + ")"


def render_tsquery(parsed: ParsedQuery) -> str:
    """Render ``parsed`` as tsquery text (cast with ``::tsquery``, never ``to_tsquery``)."""
    parts = [_any(group) for group in parsed.required]
    parts.extend(f"!{_any((atom,))}" for atom in parsed.excluded)
    return " & ".join(parts)


def render_exact_tsquery(parsed: ParsedQuery) -> str:
    """Render the positive words of ``parsed`` as spelled, matching exact lexemes only.

    Ranking adds its ts_rank to the main one: ts_rank weighs lexemes by position weight, not
    by query term, so this is how a document spelled like the query beats one that merely
    folds to it (``şəhər`` over a diacritic-less ``seher`` for the query ``şəhər``).
    """
    return " & ".join(_any(group, _render_exact) for group in parsed.required)


def _rank(param: str) -> str:
    return (f"ts_rank(CAST('{WEIGHTS}' AS float4[]), tsv, CAST(:{param} AS tsquery),"
            f" {NORMALIZATION})")


class PostgresBackend(SearchBackend):
    """Full-text search with a tsvector column, a GIN index and ts_rank."""

    name = "postgresql"
    # ts_rank reads each candidate's whole tsvector: rank fewer than SQLite does.
    rank_limit = 2_000

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

    def _insert(self, conn: sa.Connection, docs: Sequence[SearchDocument]) -> None:
        if not docs:
            return
        conn.execute(sa.text(
            "INSERT INTO search_document (request_id, rank_key, agency_id, outcome, year, topic,"
            " published_at, reference, title, tsv) VALUES (:rid, :k, :agency, :outcome, :year,"
            " :topic, :published, :reference, :title, CAST(:tsv AS tsvector))"
        ), [{
            "rid": d.request_id, "k": make_rank_key(d), "agency": d.agency_id,
            "outcome": d.outcome, "year": as_utc(d.published_at).year, "topic": d.topic,
            "published": as_utc(d.published_at), "reference": d.reference, "title": d.title,
            "tsv": build_tsvector(
                f"{d.reference}\n{d.title}",
                f"{d.body or ''}\n{d.answer or ''}\n{d.attachments_text or ''}"),
        } for d in docs])
        conn.execute(sa.text(
            "INSERT INTO search_text (request_id, body, answer, attachments_text)"
            " VALUES (:rid, :body, :answer, :att)"
        ), [{"rid": d.request_id, "body": d.body or "", "answer": d.answer or "",
             "att": d.attachments_text or ""} for d in docs])

    def _remove_many(self, conn: sa.Connection, request_ids: Sequence[int]) -> None:
        if not request_ids:
            return
        params = {"ids": list(request_ids)}
        conn.execute(sa.text("DELETE FROM search_text WHERE request_id = ANY(:ids)"), params)
        conn.execute(sa.text("DELETE FROM search_document WHERE request_id = ANY(:ids)"), params)

    def _select(self, parsed: ParsedQuery, query: SearchQuery, columns: str) -> tuple[str, dict]:
        filters = Filters.of(query)
        params = dict(filters.params)
        conds = []
        if not parsed.is_empty:
            params["tsq"] = render_tsquery(parsed)
            conds.append("d.tsv @@ CAST(:tsq AS tsquery)")
        return f"SELECT {columns} FROM search_document d {filters.where(*conds)}", params

    def _candidates(self, conn: sa.Connection, parsed: ParsedQuery, query: SearchQuery,
                    limit: int, scored: bool, plan: Plan | None = None) -> list[Candidate]:
        sql, params = self._select(
            parsed, query, "d.request_id, d.agency_id, d.outcome, d.year, d.topic")
        params["limit"] = limit
        rows = conn.execute(sa.text(f"{sql} ORDER BY d.rank_key DESC LIMIT :limit"), params).all()
        found = [Candidate(*row) for row in rows]
        if not scored or not parsed.required or not found:
            return found
        ranked = found[:self.rank_limit]
        scores = dict(conn.execute(sa.text(
            f"SELECT request_id, {_rank('tsq')} + {_rank('exact')}"
            " FROM search_document WHERE request_id = ANY(:ids)"
        ), {"tsq": render_tsquery(parsed), "exact": render_exact_tsquery(parsed),
            "ids": [c.request_id for c in ranked]}).all())
        return [c._replace(score=float(scores.get(c.request_id, 0.0))) for c in ranked] + \
            found[self.rank_limit:]

    def _count(self, conn: sa.Connection, parsed: ParsedQuery, query: SearchQuery) -> int | None:
        if not parsed.is_empty:
            return None  # counting every match of a common word is what we must not do
        sql, params = self._select(parsed, query, "count(*)")
        return int(conn.execute(sa.text(sql), params).scalar_one())

    def _documents(self, conn: sa.Connection, request_ids: Sequence[int]) -> Iterable[Any]:
        return conn.execute(sa.text(
            "SELECT d.request_id, d.reference, d.title, d.agency_id, d.outcome, d.topic,"
            " d.published_at, t.body, t.answer, t.attachments_text"
            " FROM search_document d JOIN search_text t ON t.request_id = d.request_id"
            " WHERE d.request_id = ANY(:ids)"
        ), {"ids": list(request_ids)})
