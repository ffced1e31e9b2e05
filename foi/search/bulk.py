"""A full re-index in batches, the word work of the next batch done while this one is written.

Splitting, spelling and folding the words of a batch (a back end's ``prepare``) is a pure
function of its documents and about half the work of a re-index; writing to the database is the
other half and must stay on the caller's connection and thread. The database driver lets go of
Python's interpreter lock while the database works (SQLite's FTS5 indexing, PostgreSQL's COPY), so
one helper thread preparing the next batch keeps a second CPU busy without the start-up and
copying costs of worker processes.
"""

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import sqlalchemy as sa


def batches(docs: Iterable[Any], size: int) -> Iterator[tuple[list[Any], int]]:
    """Yield ``docs`` in lists of ``size``, each without repeated requests (last one wins)."""
    batch: list[Any] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield list({d.request_id: d for d in batch}.values()), len(batch)
            batch = []
    if batch:
        yield list({d.request_id: d for d in batch}.values()), len(batch)


def run(
    backend,
    conn: sa.Connection,
    docs: Iterable[Any],
    prepare: Callable[[list[Any]], Any],
    progress: Callable[[int], None] | None,
) -> int:
    """Index ``docs`` into an empty index batch by batch; return how many were given.

    ``docs`` is read on this thread only (it may come from a query on ``conn``); ``prepare``
    runs on the helper thread.
    """
    done = 0
    highest: int | None = None
    waiting: tuple[list[Any], int, Future[Any]] | None = None

    def write(batch: list[Any], given: int, future: Future[Any]) -> None:
        nonlocal done, highest
        prepared = future.result()  # an error in the helper thread is raised here
        ids = [d.request_id for d in batch]
        if highest is not None and min(ids) <= highest:
            # A request may come again (the last version wins); in id order, as a full
            # re-index reads them, none does and this costs nothing.
            backend._remove_many(conn, ids)
        highest = max(ids) if highest is None else max(highest, *ids)
        backend._insert(conn, batch, prepared)
        done += given
        if progress is not None:
            progress(given)

    with ThreadPoolExecutor(1, thread_name_prefix="foi-reindex") as pool:
        for batch, given in batches(docs, backend.batch_size):
            future = pool.submit(prepare, batch)
            if waiting is not None:
                write(*waiting)
            waiting = (batch, given, future)
        if waiting is not None:
            write(*waiting)
    return done
