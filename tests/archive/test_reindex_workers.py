"""A large archive's word work is done by worker processes during a re-index: the same index.

The threshold is lowered and the batches made small so that a small archive takes the path a
million requests take: real worker processes preparing batches while the test's process reads
the requests and writes the index.
"""

import multiprocessing

import pytest
import sqlalchemy as sa

from foi.extensions import db
from foi.search import SearchQuery, bulk, get_backend
from foi.services import search_index
from foi.services.archive import archive_search
from foi.services.search_index import archive_reindex
from tests.archive.seed import SECRET_UNPUBLISHED, build_archive, publish


def _snapshot() -> dict[str, list]:
    """Return every row of the search tables (on SQLite the word statistics are read from the
    FTS5 index itself, so they stand for what it holds)."""
    with db.engine.connect() as conn:
        return {
            table: sorted(
                tuple(map(str, row))
                for row in conn.execute(sa.text(f"SELECT * FROM {table}"))  # noqa: S608
            )
            for table in ("search_document", "search_text", "search_term")
        }


def _found(q: str) -> list[int]:
    return sorted(h.request_id for h in archive_search(SearchQuery(q=q))[0].hits)


@pytest.fixture
def archive(app, monkeypatch):
    archive = build_archive()
    for i in range(6):
        publish(
            archive,
            f"Kitabxana fondu {i}",
            "Şəhər kitabxanalarının fondu barədə informasiya.",
            f"Fondda {i + 1} min kitab var.",
            agency=archive.other_agency if i % 2 else archive.agency,
        )
    db.session.commit()
    monkeypatch.setattr(search_index, "PROCESSES_FROM", 1)
    with db.engine.connect() as conn:
        monkeypatch.setattr(type(get_backend(conn)), "batch_size", 2)
    return archive


def test_worker_processes_build_the_index_one_process_builds(archive, monkeypatch):
    assert archive_reindex() == 9
    one_process = _snapshot()
    pools = []
    executor = bulk._executor
    monkeypatch.setattr(
        bulk, "_executor", lambda workers: pools.append(workers) or executor(workers)
    )
    steps = []

    assert archive_reindex(workers=2, progress=steps.append) == 9
    assert pools == [2]  # two worker processes did the word work
    assert sum(steps) == 9 and max(steps) <= 2  # progress batch by batch
    assert _snapshot() == one_process
    kitabxana = [r.id for r in archive.published if r.subject.startswith("Kitabxana")]
    assert _found("kitabxana") == sorted(kitabxana)
    assert _found('"seher kitabxanalarinin"') == sorted(kitabxana)
    assert _found("büdcə kəsiri") == []  # the unpublished answer stays out
    assert SECRET_UNPUBLISHED not in str(one_process)


def _broken_prepare(docs):
    """Prepare nothing: in a worker process, fail as a worker out of memory would."""
    if multiprocessing.parent_process() is not None:
        raise MemoryError("worker out of memory")
    return None


def test_a_failing_worker_leaves_the_old_index_whole(archive, monkeypatch):
    archive_reindex()
    before = _snapshot()
    with db.engine.connect() as conn:
        backend_class = type(get_backend(conn))
    monkeypatch.setattr(backend_class, "_bulk_prepare", lambda self, pairs: _broken_prepare)

    with pytest.raises(MemoryError, match="worker out of memory"):
        archive_reindex(workers=2)
    assert _snapshot() == before
    assert len(_found("kitabxana")) == 6
