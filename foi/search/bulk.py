"""A full re-index in batches, the word work of the next batches done while this one is written.

Splitting, spelling and folding the words of a batch (a back end's ``prepare``) is a pure
function of its documents; reading the documents and writing them to the database must stay
on the caller's connection and thread. The database driver lets go of Python's interpreter
lock while the database works (SQLite's FTS5 indexing, PostgreSQL's COPY), so one helper
thread preparing the next batch keeps a second CPU partly busy. But the reading, the word work
and the writing's own Python all want that one lock, and at a million requests it is the lock,
not the database, that sets the pace: with ``workers``, the word work is done by that many
worker processes instead, and this process only reads and writes.
"""

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

import sqlalchemy as sa

# The niceness the worker processes add to their own (os.nice): 10 is far below the writer's.
WORKER_NICENESS = 10


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
    workers: int = 0,
) -> int:
    """Index ``docs`` into an empty index batch by batch; return how many were given.

    ``docs`` is read on this thread only (it may come from a query on ``conn``); ``prepare``
    runs on a helper thread, or with ``workers`` in that many worker processes (it must then
    be picklable), and gets each document's ``decoded()`` form. At most two batches a worker
    wait to be written, so memory does not grow with the archive when writing is the slower
    side.
    """
    done = 0
    highest: int | None = None
    pending: deque[tuple[list[Any], int, Future[Any]]] = deque()

    def write(batch: list[Any], given: int, future: Future[Any]) -> None:
        nonlocal done, highest
        prepared = future.result()  # an error in the helper thread or a worker is raised here
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

    with _executor(workers) as pool:
        try:
            for batch, given in batches(docs, backend.batch_size):
                pending.append((batch, given, pool.submit(_prepare_decoded, prepare, batch)))
                if len(pending) > 2 * max(1, workers) - 1:
                    write(*pending.popleft())
            while pending:
                write(*pending.popleft())
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return done


def _prepare_decoded(prepare: Callable[[list[Any]], Any], batch: list[Any]) -> Any:
    # The documents may come with their texts as bytes (EncodedDocument): decoded here, in a
    # worker process or on the helper thread, not by the process that reads and writes.
    return prepare([d.decoded() for d in batch])


def _executor(workers: int) -> Executor:
    if workers < 1:
        return ThreadPoolExecutor(1, thread_name_prefix="foi-reindex")
    # "spawn": a fresh interpreter inherits no open connection, thread or lock of this one.
    # It imports the program's main module again, so that module must keep its work behind
    # ``if __name__ == "__main__"`` (console scripts such as ``flask`` and ``huey`` do).
    # The workers run at a lower priority: the writing (this process, and PostgreSQL's server
    # process) is the one step that cannot be shared out, so it should never wait for a CPU
    # they hold; and a re-index on a web host then gives way to the pages it serves.
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=os.nice,
        initargs=(WORKER_NICENESS,),
    )
