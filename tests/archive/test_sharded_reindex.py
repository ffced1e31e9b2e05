"""A large archive is re-indexed by worker processes, shard by shard, into the same index.

The threshold and the shards' width are lowered so that a small archive takes the path a
million requests take on PostgreSQL: real worker processes reading the test database on their
own connections while the test's process writes.
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


def _index() -> dict[str, list]:
    """Return every row of the search tables (on SQLite the word statistics are read from the
    FTS5 index itself, so they stand for what it holds)."""
    with db.engine.connect() as conn:
        return {
            table: [tuple(map(str, row)) for row in conn.execute(sa.text(f"SELECT * FROM {table}"))]
            for table in ("search_document", "search_text", "search_term")
        }


def _snapshot() -> dict[str, list]:
    return {table: sorted(rows) for table, rows in _index().items()}


def _found(q: str) -> list[int]:
    return sorted(h.request_id for h in archive_search(SearchQuery(q=q))[0].hits)


@pytest.fixture
def archive(app, monkeypatch):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite re-indexes in one process: its writer is the limit (search_index)")
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
    monkeypatch.setattr(search_index, "SHARDED_FROM", 1)
    with db.engine.connect() as conn:
        monkeypatch.setattr(type(get_backend(conn)), "batch_size", 2)
    return archive


def test_worker_processes_build_the_index_one_process_builds(archive, monkeypatch):
    assert archive_reindex(workers=1) == 9
    one_process = _snapshot()
    sharded = []
    run_sharded = bulk.run_sharded
    monkeypatch.setattr(
        bulk, "run_sharded", lambda *a, **k: sharded.append(a[6]) or run_sharded(*a, **k)
    )
    steps = []

    assert archive_reindex(workers=2, progress=steps.append) == 9
    assert sharded == [2]  # the worker processes did the reading and the word work
    assert sum(steps) == 9 and max(steps) <= 2  # progress shard by shard
    assert _snapshot() == one_process
    kitabxana = [r.id for r in archive.published if r.subject.startswith("Kitabxana")]
    assert _found("kitabxana") == sorted(kitabxana)
    assert _found('"seher kitabxanalarinin"') == sorted(kitabxana)
    assert _found("büdcə kəsiri") == []  # the unpublished answer stays out
    assert SECRET_UNPUBLISHED not in str(one_process)


def _broken_read(url, topics, lo, hi):
    """Read a shard in this process; in a worker process, fail as a broken disk would."""
    if multiprocessing.parent_process() is not None:
        raise OSError("disk I/O error")
    return search_index.read_shard(url, topics, lo, hi)


def test_a_failing_worker_leaves_the_old_index_whole(archive, monkeypatch):
    archive_reindex(workers=1)
    before = _snapshot()
    monkeypatch.setattr(search_index, "read_shard", _broken_read)

    with pytest.raises(OSError, match="disk I/O error"):
        archive_reindex(workers=2)
    assert _snapshot() == before
    assert len(_found("kitabxana")) == 6
