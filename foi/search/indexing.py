"""The writing half of a search back end: schema, adding and removing documents, re-indexing.

A full re-index samples the first documents to choose the pair words (:mod:`foi.search.terms`),
then loads everything in batches (:mod:`foi.search.bulk`) with the word statistics deferred to
the end, written once instead of per document.
"""

import functools
import itertools
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from foi.search import bulk
from foi.search.terms import PAIR_SAMPLE, choose_pair_words, pair_words, save_pair_words
from foi.search.terms import apply as apply_terms
from foi.search.tokens import folded_words
from foi.search.values import EncodedDocument, SearchDocument


class Indexing(ABC):
    """Keep the index of published requests in step with the archive."""

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
        docs: Iterable[SearchDocument | EncodedDocument],
        progress: Callable[[int], None] | None = None,
        finishing: Callable[[], None] | None = None,
        workers: int = 0,
    ) -> int:
        """Replace the whole index by ``docs``; return how many were indexed.

        ``progress`` is called after each batch with the number of documents in that batch,
        so ``click.progressbar(...).update`` can be passed as it is; ``finishing`` once all
        are written, before the indexes are built and merged (minutes for a large archive).
        ``workers``: processes doing the word work (:func:`foi.search.bulk.run`); 0 for one
        helper thread.
        """
        docs = iter(docs)
        sample = [d.decoded() for d in itertools.islice(docs, PAIR_SAMPLE)]
        pairs = choose_pair_words(
            folded_words(f"{d.reference}\n{d.title}\n{d.body}\n{d.answer}\n{d.attachments_text}")
            for d in sample
        )
        self._clear(conn)
        save_pair_words(conn, pairs)
        self._start_bulk(conn)
        try:
            done = bulk.run(
                self,
                conn,
                itertools.chain(sample, docs),
                self._bulk_prepare(pairs),
                progress,
                workers,
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

    @abstractmethod
    def _clear(self, conn: sa.Connection) -> None:
        """Delete every indexed document."""

    def _insert(
        self, conn: sa.Connection, docs: Sequence[SearchDocument], prepared: Any = None
    ) -> None:
        """Insert documents known not to be indexed yet (``prepared``: :meth:`prepare` of them)."""
        if docs:
            self._write_prepared(
                conn,
                prepared if prepared is not None else self.prepare(docs, self._pair_words(conn)),
            )

    @abstractmethod
    def _write_prepared(self, conn: sa.Connection, prepared: Any) -> None:
        """Write documents not indexed yet, as :meth:`prepare` (or a re-index's) made them."""

    @abstractmethod
    def _remove_many(self, conn: sa.Connection, request_ids: Sequence[int]) -> None:
        """Remove these requests from the index."""
