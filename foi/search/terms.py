"""How many documents hold each indexed word: the statistics that plan a query.

``search_term`` keeps, for every word form the index holds (exact and folded spellings), the
number of documents containing it. Both back ends use it the same way:

- to know before running a query roughly how many documents it can match (an upper bound), so
  a rare query is scored in one pass and a very common one is listed newest first at once;
- to expand a prefix (``təmi*``) into the indexed words it covers, so the index walks a few
  doclists newest first instead of merging every doclist of the prefix in full.

Counts only ever steer the plan: results are the same whatever they say. A word is never
deleted from the table (its count may fall to zero), so a prefix expansion always holds every
word that can still be in the index.

The same table also lists the *pair words* (keys starting with :data:`PAIR_MARK`): the words
common enough that a phrase of two of them is slow to check by positions, so the index also holds
every two neighbouring pair words as one token. A full re-index chooses them from a sample of
its documents; index and query side read the same list, and changing it needs a re-index.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa

from foi.search.query import ParsedQuery, Phrase, Term

#: A prefix covering more indexed words than this is left to the index's own prefix search.
MAX_EXPANSION = 200
# Sorts after every other character: the end of a prefix range in binary (C) collation.
_LAST = "\U0010ffff"

#: The "word" every document holds: its count is the number of documents indexed.
ALL = ""

#: Leads the keys listing the pair words; the key that is the mark alone says a list exists.
PAIR_MARK = "\ue000"
#: Leads the keys counting documents by facet value (``FACET_MARK + "agency=7"``): the
#: whole archive's facets, kept with the words in the same transaction as the index.
FACET_MARK = "\ue001"
#: A word in at least this share of the sampled documents is a pair word.
PAIR_SHARE = 0.02
#: Documents a re-index samples to choose the pair words, and the fewest worth choosing from:
#: below that, every pair is indexed (cheap at that size), as before the list existed.
PAIR_SAMPLE = 5_000
PAIR_MIN_SAMPLE = 1_000

UPSERT = (
    "INSERT INTO search_term (term, docs) VALUES (:term, :docs) ON CONFLICT (term)"
    " DO UPDATE SET docs = search_term.docs + excluded.docs"
)


@dataclass
class Plan:
    """What the word statistics say about one query.

    ``estimate`` is an upper bound of the number of matching documents (``None``: unknown);
    ``expansions`` maps a prefix to the indexed words it covers (``None``: too many to list).
    """

    estimate: int | None = None
    expansions: dict[str, tuple[str, ...] | None] = field(default_factory=dict)
    #: Documents in the index (counted as the word form ``ALL``).
    total: int | None = None
    #: The query's phrase words that are pair words; ``None``: every pair is indexed.
    pair_words: frozenset[str] | None = None

    def has_pair(self, first: str, second: str) -> bool:
        """Return whether the index holds the pair of these two folded words."""
        return self.pair_words is None or (first in self.pair_words and second in self.pair_words)


def pair_words(conn: sa.Connection) -> frozenset[str] | None:
    """Return the pair words, or ``None`` if every pair is indexed."""
    keys = (
        conn.execute(
            sa.text("SELECT term FROM search_term WHERE term >= :lo AND term < :hi"),
            {"lo": PAIR_MARK, "hi": PAIR_MARK + _LAST},
        )
        .scalars()
        .all()
    )
    if PAIR_MARK not in keys:
        return None
    return frozenset(key[len(PAIR_MARK) :] for key in keys if key != PAIR_MARK)


def facet_keys(agency_id: int, outcome: str, year: int, topic: str | None) -> list[str]:
    """Return the keys under which a document with these facet values is counted."""
    keys = [f"{FACET_MARK}agency={agency_id}", f"{FACET_MARK}outcome={outcome}"]
    keys.append(f"{FACET_MARK}year={year}")
    if topic is not None:
        keys.append(f"{FACET_MARK}topic={topic}")
    return keys


def count_facets(conn: sa.Connection) -> None:
    """Count every indexed document by facet value again, in one grouped pass per facet.

    What a full re-index does once at the end, and migration 0031 for an index built before
    the counts were kept. ``search_document`` has these four columns in both back ends.
    """
    conn.execute(
        sa.text("DELETE FROM search_term WHERE term >= :lo AND term < :hi"),
        {"lo": FACET_MARK, "hi": FACET_MARK + _LAST},
    )
    for name, column in (
        ("agency", "agency_id"),
        ("outcome", "outcome"),
        ("year", "year"),
        ("topic", "topic"),
    ):
        conn.execute(
            sa.text(
                # S608 is a false positive here: fixed column names; the mark is bound.
                "INSERT INTO search_term (term, docs) SELECT"  # noqa: S608
                f" :mark || CAST({column} AS TEXT), count(*) FROM search_document"
                f" WHERE {column} IS NOT NULL GROUP BY {column}"
            ),
            {"mark": f"{FACET_MARK}{name}="},
        )


def kept_facet_counts(conn: sa.Connection) -> dict[str, dict[str, int]]:
    """Return the documents counted by facet and value, most first: a range of a few dozen keys."""
    counts: dict[str, dict[str, int]] = {}
    rows = conn.execute(
        sa.text("SELECT term, docs FROM search_term WHERE term >= :lo AND term < :hi"),
        {"lo": FACET_MARK, "hi": FACET_MARK + _LAST},
    )
    for term, docs in sorted(rows, key=lambda row: -row.docs):
        name, _, value = term[len(FACET_MARK) :].partition("=")
        if docs > 0:
            counts.setdefault(name, {})[value] = docs
    return counts


def choose_pair_words(documents: Iterable[Iterable[str]]) -> frozenset[str] | None:
    """Return the pair words for documents like these (each given as its folded words).

    ``None`` (index every pair) when there are too few documents to tell common words apart.
    """
    seen: Counter = Counter()
    count = 0
    for words in documents:
        seen.update(set(words))
        count += 1
    if count < PAIR_MIN_SAMPLE:
        return None
    return frozenset(w for w, n in seen.items() if n >= PAIR_SHARE * count)


def save_pair_words(conn: sa.Connection, words: frozenset[str] | None) -> None:
    """Replace the list of pair words (``None``: remove it, so every pair is indexed)."""
    conn.execute(
        sa.text("DELETE FROM search_term WHERE term >= :lo AND term < :hi"),
        {"lo": PAIR_MARK, "hi": PAIR_MARK + _LAST},
    )
    if words is not None:
        apply(conn, Counter({PAIR_MARK: len(words), **{PAIR_MARK + w: 1 for w in words}}))


def apply(conn: sa.Connection, delta: Counter) -> None:
    """Add ``delta`` (word → change in document count) to the statistics."""
    # Every word, however long: a prefix is expanded only into the words listed here. Sorted,
    # so that two transactions publishing at once lock the rows they share in the same order.
    rows = sorted((t, n) for t, n in delta.items() if n)
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        # One statement whatever the number of words (executemany sends one per row).
        terms, docs = zip(*rows)
        conn.execute(
            sa.text(
                "INSERT INTO search_term (term, docs) SELECT * FROM unnest("
                "CAST(:terms AS text[]), CAST(:docs AS bigint[])) ON CONFLICT (term)"
                " DO UPDATE SET docs = search_term.docs + excluded.docs"
            ),
            {"terms": list(terms), "docs": list(docs)},
        )
    else:
        conn.exec_driver_sql(UPSERT.replace(":term", "?").replace(":docs", "?"), rows)


def plan(conn: sa.Connection, parsed: ParsedQuery) -> Plan:
    """Return the plan of ``parsed``: its expansions and an upper bound of its matches."""
    atoms = [atom for group in parsed.required for atom in group]
    # Excluded phrases too: "-" a phrase must be looked for the way it was indexed.
    phrase_words = {
        t.folded for a in (*atoms, *parsed.excluded) if isinstance(a, Phrase) for t in a.terms
    }
    if not atoms and not phrase_words:
        return Plan()
    terms = [t for a in atoms for t in (a.terms if isinstance(a, Phrase) else (a,))]
    pair_keys = {PAIR_MARK, *(PAIR_MARK + w for w in phrase_words)} if phrase_words else set()
    words = sorted({ALL, *(t.folded for t in terms if not t.prefix), *pair_keys})
    docs: dict[str, int] = dict(
        conn.execute(
            sa.text("SELECT term, docs FROM search_term WHERE term IN :words").bindparams(
                sa.bindparam("words", expanding=True)
            ),
            {"words": words},
        ).all()
    )
    listed = (
        frozenset(w for w in phrase_words if PAIR_MARK + w in docs) if PAIR_MARK in docs else None
    )
    if not atoms:
        return Plan(pair_words=listed)
    out = Plan(total=docs.get(ALL), pair_words=listed)
    prefix_docs: dict[str, int | None] = {}
    for t in terms:
        if not t.prefix:
            continue
        for prefix in {t.exact, t.folded}:
            if prefix in out.expansions:
                continue
            rows = conn.execute(
                sa.text(
                    "SELECT term, docs FROM search_term WHERE term >= :lo AND term < :hi"
                    " ORDER BY term LIMIT :n"
                ),
                {"lo": prefix, "hi": prefix + _LAST, "n": MAX_EXPANSION + 1},
            ).all()
            if len(rows) > MAX_EXPANSION:
                out.expansions[prefix] = None
                prefix_docs[prefix] = None
            else:
                out.expansions[prefix] = tuple(r.term for r in rows)
                prefix_docs[prefix] = sum(max(0, r.docs) for r in rows)

    def term_estimate(t: Term) -> int | None:
        if t.prefix:
            return prefix_docs.get(t.folded)
        return max(0, docs.get(t.folded, 0))

    def atom_estimate(atom: Term | Phrase) -> int | None:
        if isinstance(atom, Term):
            return term_estimate(atom)
        known = [n for n in map(term_estimate, atom.terms) if n is not None]
        return min(known) if known else None

    estimates: list[int | None] = []
    for group in parsed.required:
        parts = [atom_estimate(a) for a in group]
        known_parts = [n for n in parts if n is not None]
        estimates.append(sum(known_parts) if len(known_parts) == len(parts) else None)
    known = [n for n in estimates if n is not None]
    out.estimate = min(known) if known else None
    return out
