"""A full re-index in batches, the word work of the next batch done while this one is written.

Splitting, spelling and folding the words of a batch (a back end's ``prepare``) is a pure
function of its documents and about half the work of a re-index; writing to the database is the
other half and must stay on the caller's connection and thread. The database driver lets go of
Python's interpreter lock while the database works (SQLite's FTS5 indexing, PostgreSQL's COPY), so
one helper thread preparing the next batch keeps a second CPU busy without the start-up and
copying costs of worker processes. A large archive is better served by :func:`run_sharded`:
worker processes read and prepare shards of it while this process only writes.
"""

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
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


# Worker processes of a sharded re-index: what :func:`_start_worker` was given.
_worker: dict[str, Any] = {}


def _start_worker(read: Callable[[int, int], list[Any]], prepare: Callable[[list], Any]) -> None:
    _worker.update(read=read, prepare=prepare)


def _read_and_prepare(lo: int, hi: int) -> tuple[int, Any]:
    """Read the documents of one shard and prepare them (in a worker process)."""
    docs = _worker["read"](lo, hi)
    return len(docs), _worker["prepare"](docs) if docs else None


def run_sharded(
    backend,
    conn: sa.Connection,
    shards: Iterable[tuple[int, int]],
    read: Callable[[int, int], list[Any]],
    prepare: Callable[[list[Any]], Any],
    progress: Callable[[int], None] | None,
    workers: int,
) -> int:
    """Index the documents of ``shards`` into an empty index; return how many there were.

    Each shard is a range of request ids ``(lo, hi]``, disjoint from the others. Worker
    processes read a shard's documents with ``read`` (on their own connection) and prepare
    them; this process only writes, in shard order, so the index receives requests in the
    order of their ids as :func:`run` gives them. Unlike the helper thread of :func:`run`,
    the workers share no interpreter lock with the writer: reading and the word work run
    on the other CPUs while the database writes. At most two shards a worker wait to be
    written, so memory does not grow with the archive when the writer is the slower side.
    """
    done = 0
    pending: deque[Future[tuple[int, Any]]] = deque()
    # "spawn": a fresh interpreter inherits no open connection, thread or lock of this one.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(read, prepare)
    ) as pool:
        try:
            for shard in shards:
                pending.append(pool.submit(_read_and_prepare, *shard))
                if len(pending) >= 2 * workers:
                    done += _write(backend, conn, pending.popleft(), progress)
            while pending:
                done += _write(backend, conn, pending.popleft(), progress)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return done


def _write(backend, conn: sa.Connection, future: Future[tuple[int, Any]], progress) -> int:
    given, prepared = future.result()  # an error in a worker is raised here
    if given:
        backend._write_prepared(conn, prepared)
        if progress is not None:
            progress(given)
    return given
