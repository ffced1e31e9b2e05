"""PostgreSQL back end: a precomputed ``tsvector`` column with a GIN index.

The tsvector is built here, in Python, with the same word splitting and folding as the query
side, so PostgreSQL's parser and locale never disagree with us about Azerbaijani letters. Each
word is stored at its position under its exact spelling (weight A in the title, B in the text)
and, when different, its folded spelling (C in the title, D in the text); ts_rank weighs exact
above folded. ``rank_key`` orders rows by publication time for "newest first" index walks.
"""
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from foi.search.base import Candidate, Filters, SearchBackend, SearchDocument, SearchQuery, as_utc
from foi.search.base import rank_key as make_rank_key
from foi.search.query import ParsedQuery, Phrase, Term
from foi.search.terms import ALL, Plan
from foi.search.terms import plan as plan_query
from foi.search.tokens import indexed_words

# ts_rank weights in PostgreSQL's order {D, C, B, A}: text folded, title folded, text, title.
WEIGHTS = "{0.1, 0.3, 0.4, 1.0}"
# ts_rank normalisation 1: divide by 1 + log(length), so long attachments do not win by size.
NORMALIZATION = 1
MAX_POS = 16383  # PostgreSQL's largest word position
MAX_POSITIONS = 255  # positions kept per word
MAX_LEXEME = 200  # characters; longer "words" are noise (hashes, base64)
# Starts and joins a lexeme of two neighbouring folded words: a private-use character no word
# holds. Leading with it keeps pairs out of prefix matches ('su':* must not match a pair).
PAIR = "\ue000"
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


def _lexeme(word: str) -> str:
    if "'" in word or "\\" in word:  # never in a word of letters and digits, but be sure
        word = word.replace("\\", "\\\\").replace("'", "''")
    return "'" + word + "'"


# Position entries as text, made once: "12A" for an exact title word, "12" for a folded one.
_ENTRIES = {weight: [f"{pos}{weight}" for pos in range(MAX_POS + 1)] for weight in "ABC"}
_ENTRIES["D"] = [str(pos) for pos in range(MAX_POS + 1)]


def build_tsvector(heading: str, text: str) -> str:
    """Return the tsvector literal for a document's heading (A/C) and text (B/D)."""
    return build_vectors(heading, text)[0]


def build_vectors(heading: str, text: str, terms: Counter | None = None) -> tuple[str, str]:
    """Return the literals of a document's tsvector and of its word pairs.

    The tsvector holds each word at its position: exact spelling weighted A in the heading and
    B in the text, folded spelling (when different) C and D. The pairs are every two
    neighbouring folded words as one position-less lexeme, :func:`_pair`, so that a GIN index
    narrows a phrase to the documents holding its pairs. The document's distinct word forms
    are counted into ``terms``.
    """
    entries: defaultdict[str, list[str]] = defaultdict(list)
    pairs: set[str] = set()
    pos = 0
    for field, (exact_weight, folded_weight) in ((heading, ("A", "C")), (text, ("B", "D"))):
        exact_words, folded_words = indexed_words(field)
        if not exact_words:
            pos = min(pos + 1, MAX_POS)
            continue
        at_exact, at_folded = _ENTRIES[exact_weight], _ENTRIES[folded_weight]
        if pos + len(exact_words) < MAX_POS and max(map(len, exact_words)) <= MAX_LEXEME:
            for at, exact_form, folded_form in zip(range(pos + 1, MAX_POS), exact_words,
                                                   folded_words):
                entries[exact_form].append(at_exact[at])
                if folded_form != exact_form:
                    entries[folded_form].append(at_folded[at])
            pairs.update(map(_pair, folded_words, folded_words[1:]))
            pos += len(exact_words)
        else:
            pos = _add_long(entries, pairs, pos, exact_words, folded_words, at_exact,
                            at_folded)
        pos = min(pos + 1, MAX_POS)  # a gap, so that no phrase runs from title into text
    if terms is not None:
        terms.update(entries.keys())
        terms[ALL] += 1
    out = [f"{_lexeme(word)}:{','.join(found[:MAX_POSITIONS])}"
           for word, found in entries.items()]
    return " ".join(out), " ".join(map(_lexeme, pairs))


def _add_long(entries: defaultdict[str, list[str]], pairs: set[str], pos: int,
              exact_words: list[str], folded_words: list[str], at_exact: list[str],
              at_folded: list[str]) -> int:
    """Add the words of a text that is very long or holds over-long "words"; return pos."""
    previous = None
    for exact_form, folded_form in zip(exact_words, folded_words):
        pos = min(pos + 1, MAX_POS)
        if len(exact_form) > MAX_LEXEME:
            previous = None
            continue
        _add_at(entries[exact_form], at_exact[pos])
        if folded_form != exact_form:
            _add_at(entries[folded_form], at_folded[pos])
        if previous is not None:
            pairs.add(_pair(previous, folded_form))
        previous = folded_form
    return pos


def _pair(first: str, second: str) -> str:
    return PAIR + first + PAIR + second


def _add_at(found: list[str], entry: str) -> None:
    # Positions must be distinct: past the last one, a word is kept once, there.
    if not found or found[-1].rstrip("ABC") != entry.rstrip("ABC"):
        found.append(entry)


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


def _render_match_atom(atom: Term | Phrase, plan: Plan | None) -> str:
    if isinstance(atom, Term):
        words = plan.expansions.get(atom.folded) if plan is not None and atom.prefix else None
        if words:
            # The indexed words the prefix covers: the planner knows how common each one is.
            return "(" + " | ".join(map(_lexeme, words)) + ")"
        return _term(atom.folded, atom.prefix)
    last = len(atom.terms) - 1
    return "(" + " <-> ".join(
        _term(t.folded, t.prefix and i == last) for i, t in enumerate(atom.terms)) + ")"


def render_match_tsquery(parsed: ParsedQuery, plan: Plan | None = None) -> str:
    """Render ``parsed`` as the tsquery that finds its documents, on folded lexemes only.

    Folded lexemes exist for every word, so they find every match (the exact ones only weigh
    in ranking); a prefix is replaced by the indexed words it covers when there are few.
    """
    def any_of(atoms) -> str:
        rendered = [_render_match_atom(a, plan) for a in atoms]
        return rendered[0] if len(rendered) == 1 else "(" + " | ".join(rendered) + ")"

    parts = [any_of(group) for group in parsed.required]
    parts.extend(f"!{any_of((atom,))}" for atom in parsed.excluded)
    return " & ".join(parts)


def render_pairs_tsquery(parsed: ParsedQuery) -> str:
    """Render the word pairs every match of ``parsed`` must hold, or nothing.

    They come from phrases that are required on their own (not one side of an OR): the GIN
    index of the pairs then narrows the phrase to a few documents, and the planner can
    estimate a pair (it cannot estimate ``<->``).
    """
    pairs = {_pair(a.folded, b.folded)
             for group in parsed.required if len(group) == 1 and isinstance(group[0], Phrase)
             for a, b in zip(group[0].terms, group[0].terms[1:]) if not b.prefix}
    return " & ".join(map(_lexeme, sorted(pairs)))


def _rank(param: str) -> str:
    return (f"ts_rank(CAST('{WEIGHTS}' AS float4[]), tsv, CAST(:{param} AS tsquery),"
            f" {NORMALIZATION})")


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

    def _start_bulk(self, conn: sa.Connection) -> None:
        super()._start_bulk(conn)
        # Building a GIN index once is far cheaper than inserting a million rows into one.
        conn.exec_driver_sql("DROP INDEX IF EXISTS search_document_tsv, search_document_pairs")

    def _end_bulk(self, conn: sa.Connection) -> None:
        super()._end_bulk(conn)
        memory = conn.exec_driver_sql("SHOW maintenance_work_mem").scalar()
        conn.exec_driver_sql(f"SET LOCAL maintenance_work_mem = '{BULK_MEMORY}'")
        for statement in SCHEMA[1:3]:
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql(f"SET LOCAL maintenance_work_mem = '{memory}'")

    @classmethod
    def prepare(cls, docs: Sequence[SearchDocument]) -> tuple[list[tuple[str, str]], Counter]:
        """Return the tsvector and pairs literals of ``docs`` and their word form counts."""
        terms: Counter = Counter()
        vectors = [build_vectors(
            f"{d.reference}\n{d.title}",
            f"{d.body or ''}\n{d.answer or ''}\n{d.attachments_text or ''}", terms) for d in docs]
        return vectors, terms

    def _insert(self, conn: sa.Connection, docs: Sequence[SearchDocument],
                prepared: Any = None) -> None:
        if not docs:
            return
        vectors, terms = prepared if prepared is not None else self.prepare(docs)
        rows = [(
            d.request_id, make_rank_key(d), d.agency_id, d.outcome, as_utc(d.published_at).year,
            d.topic, as_utc(d.published_at), d.reference, d.title, *vector,
        ) for d, vector in zip(docs, vectors)]
        # COPY on the caller's connection, so inside its transaction: one round trip a batch.
        with conn.connection.driver_connection.cursor() as cursor:
            with cursor.copy("COPY search_document (request_id, rank_key, agency_id, outcome,"
                             " year, topic, published_at, reference, title, tsv, pairs)"
                             " FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            with cursor.copy("COPY search_text (request_id, body, answer, attachments_text)"
                             " FROM STDIN") as copy:
                for d in docs:
                    copy.write_row((d.request_id, d.body or "", d.answer or "",
                                    d.attachments_text or ""))
        self._count_terms(conn, terms)

    def _remove_many(self, conn: sa.Connection, request_ids: Sequence[int]) -> None:
        if not request_ids:
            return
        params = {"ids": list(request_ids)}
        conn.execute(sa.text("DELETE FROM search_text WHERE request_id = ANY(:ids)"), params)
        removed = conn.execute(sa.text(
            "DELETE FROM search_document WHERE request_id = ANY(:ids)"
            " RETURNING tsvector_to_array(tsv)"), params).scalars().all()
        if removed:
            terms = Counter(w for words in removed for w in words)
            terms[ALL] += len(removed)
            self._count_terms(conn, Counter({t: -n for t, n in terms.items()}))

    def _plan(self, conn: sa.Connection, parsed: ParsedQuery) -> Plan:
        return plan_query(conn, parsed)

    def _select(self, parsed: ParsedQuery, query: SearchQuery, columns: str,
                plan: Plan | None = None, walk: bool = False) -> tuple[str, dict]:
        filters = Filters.of(query)
        params = dict(filters.params)
        conds = []
        if not parsed.is_empty:
            params["tsq"] = render_match_tsquery(parsed, plan)
            # ts_match_vq is what @@ calls, but as a function no index can serve it: the
            # query then walks the newest-first index and stops at the LIMIT.
            conds.append("ts_match_vq(d.tsv, CAST(:tsq AS tsquery))" if walk
                         else "d.tsv @@ CAST(:tsq AS tsquery)")
            pairs = render_pairs_tsquery(parsed)
            if pairs:
                params["pairs"] = pairs
                conds.insert(0, "d.pairs @@ CAST(:pairs AS tsquery)")
        return f"SELECT {columns} FROM search_document d {filters.where(*conds)}", params

    def _candidates(self, conn: sa.Connection, parsed: ParsedQuery, query: SearchQuery,
                    limit: int, scored: bool, plan: Plan | None = None) -> list[Candidate]:
        estimate = plan.estimate if plan is not None else None
        total = (plan.total if plan is not None else None) or 0
        share = estimate / total if estimate is not None and total else None
        if share is None or render_pairs_tsquery(parsed):
            # Phrases and unknowns: the planner weighs the pairs' and words' statistics.
            return self._fetch(conn, parsed, query, limit, scored, plan, "planner")
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

    def _fetch(self, conn: sa.Connection, parsed: ParsedQuery, query: SearchQuery, limit: int,
               scored: bool, plan: Plan | None, how: str,
               window: int | None = None) -> list[Candidate]:
        columns = "d.request_id, d.agency_id, d.outcome, d.year, d.topic"
        order = "d.rank_key"
        if how == "bitmap":
            # Fetch every match through the GIN index, then keep the newest. Walking newest
            # first would read and decompress the tsvector of every row passed over.
            inner, params = self._select(parsed, query, f"{columns}, d.rank_key", plan)
            if window is not None:
                inner += (" AND d.rank_key >= (SELECT rank_key FROM search_document"
                          " ORDER BY rank_key DESC OFFSET :window LIMIT 1)")
                params["window"] = window
            sql = (f"WITH m AS MATERIALIZED ({inner})"
                   " SELECT request_id, agency_id, outcome, year, topic FROM m")
            order = "rank_key"
        else:
            sql, params = self._select(parsed, query, columns, plan, walk=how == "walk")
        params["limit"] = limit
        rows = conn.execute(sa.text(f"{sql} ORDER BY {order} DESC LIMIT :limit"), params).all()
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
