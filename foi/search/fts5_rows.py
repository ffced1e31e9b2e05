"""The rows a document becomes in the SQLite back end's three tables (:mod:`foi.search.sqlite_fts`).

The FTS row holds the words as :func:`foi.search.tokens.indexed_words` splits them, joined by
spaces, and the pairs of neighbouring folded pair words as single tokens. Deleting a contentless
FTS5 row repeats exactly these values, so :func:`fts_values` serves adding and removing alike.
"""

import json
from collections import Counter
from collections.abc import Sequence

from foi.search.terms import ALL, facet_keys
from foi.search.tokens import indexed_words
from foi.search.values import SearchDocument, as_utc, rank_key

# Joins two words into one pairs token: a private-use character, a letter to unicode61 ("Co")
# that no query word can hold.
PAIR = "\ue000"
# The columns of each table in the order of the values in its rows.
DOCUMENT_COLUMNS = (
    "rank_key",
    "request_id",
    "agency_id",
    "outcome",
    "year",
    "topic",
    "published_at",
    "reference",
    "title",
)
TEXT_COLUMNS = ("rank_key", "body", "answer", "attachments_text")
FTS_COLUMNS = ("rowid", "title_exact", "title_folded", "text_exact", "text_folded", "pairs")


def prepare_rows(
    docs: Sequence[SearchDocument], pairs: frozenset[str] | None, count: bool = True
) -> tuple[bytes, bytes, bytes, Counter]:
    """Return the rows of ``docs`` for the three tables and the count of their word forms.

    The rows are JSON arrays, each table's written by one statement (``json_each``): the
    driver lets go of Python's interpreter lock for the whole statement, instead of taking
    it back after every row while a helper thread prepares the next batch. They are UTF-8
    bytes: a worker process's result is unpickled by the one process that writes, where bytes
    cost a copy and a ``str`` of Azerbaijani text costs decoding (about 40 µs a request). Without
    ``count`` the word forms are not counted (a re-index reads the counts from the finished
    index instead).
    """
    delta: Counter | None = Counter() if count else None
    documents, texts, fts = [], [], []
    for d in docs:
        key, published = rank_key(d), as_utc(d.published_at)
        documents.append(
            (
                key,
                d.request_id,
                d.agency_id,
                d.outcome,
                published.year,
                d.topic,
                published.isoformat(),
                d.reference,
                d.title,
            )
        )
        texts.append((key, d.body or "", d.answer or "", d.attachments_text or ""))
        if delta is not None:
            delta.update(facet_keys(d.agency_id, d.outcome, published.year, d.topic))
        fts.append(
            fts_values(
                key, d.reference, d.title, d.body, d.answer, d.attachments_text, delta, pairs
            )
        )
    return (
        json.dumps(documents, ensure_ascii=False).encode(),
        json.dumps(texts, ensure_ascii=False).encode(),
        json.dumps(fts, ensure_ascii=False).encode(),
        delta or Counter(),
    )


def fts_values(
    key: int,
    reference: str,
    title: str,
    body: str,
    answer: str,
    attachments: str,
    terms: Counter | None,
    pair_words: frozenset[str] | None,
) -> tuple:
    """Return the FTS row of a document, and count its distinct word forms into ``terms``.

    Pairs are made of pair words only (all words if ``pair_words`` is ``None``).
    """
    title_exact, title_folded = indexed_words(f"{reference}\n{title}")
    text_exact, text_folded = indexed_words(f"{body or ''}\n{answer or ''}\n{attachments or ''}")
    if terms is not None:
        terms.update({ALL, *title_exact, *title_folded, *text_exact, *text_folded})
    pairs = " ".join([*_pairs(title_folded, pair_words), *_pairs(text_folded, pair_words)])
    return (
        key,
        " ".join(title_exact),
        " ".join(title_folded),
        " ".join(text_exact),
        " ".join(text_folded),
        pairs,
    )


def _pairs(words: list[str], keep: frozenset[str] | None) -> list[str]:
    if keep is None:
        return [a + PAIR + b for a, b in zip(words, words[1:])]
    return [a + PAIR + b for a, b in zip(words, words[1:]) if a in keep and b in keep]
