"""A full re-index in batches, with the word work of later batches done by other processes.

Splitting, spelling and folding the words of a batch (a back end's ``prepare``) is a pure
function of its documents and about half the work of a re-index; writing to the database is the
other half and must stay on the caller's connection. So once a re-index proves long, batches are
prepared by a few worker processes while this one writes the batches already prepared.
"""
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

import sqlalchemy as sa

log = logging.getLogger(__name__)

#: Documents indexed in this process before workers are started (starting one costs ~1 s).
PARALLEL_AFTER = 20_000


def default_workers() -> int:
    """Return how many worker processes to use: one CPU is left for this process."""
    return max(0, min(4, (os.cpu_count() or 1) - 1))


def batches(docs: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Yield ``docs`` in lists of ``size``, each without repeated requests (last one wins)."""
    batch: list[Any] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield list({d.request_id: d for d in batch}.values()), len(batch)
            batch = []
    if batch:
        yield list({d.request_id: d for d in batch}.values()), len(batch)


def _prepare(backend_class: type, batch: list[Any]) -> Any:
    return backend_class.prepare(batch)


def run(backend, conn: sa.Connection, docs: Iterable[Any],
        progress: Callable[[int], None] | None, workers: int,
        parallel_after: int = PARALLEL_AFTER) -> int:
    """Index ``docs`` batch by batch through ``backend``; return how many were given."""
    done = 0
    pool: ProcessPoolExecutor | None = None
    waiting: deque[tuple[list[Any], int, Future]] = deque()

    def write(batch: list[Any], given: int, prepared: Any) -> None:
        nonlocal done
        backend._remove_many(conn, [d.request_id for d in batch])
        backend._insert(conn, batch, prepared)
        done += given
        if progress is not None:
            progress(given)

    def write_first() -> None:
        nonlocal broken
        batch, given, future = waiting.popleft()
        try:
            prepared = future.result()
        except Exception:  # a worker could not start or died: this process does the work
            log.warning("search re-index: worker process failed, going on without",
                        exc_info=True)
            prepared, broken = None, True
        write(batch, given, prepared)

    broken = False
    try:
        for batch, given in batches(docs, backend.batch_size):
            if pool is None and not broken and workers > 0 and done >= parallel_after:
                # "spawn": a fresh interpreter shares no connection or thread with this one.
                pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(
                    "spawn"))
            if pool is None or broken:
                write(batch, given, None)
                continue
            waiting.append((batch, given, pool.submit(_prepare, type(backend), batch)))
            if len(waiting) > workers + 1:
                write_first()
        while waiting:
            write_first()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return done
