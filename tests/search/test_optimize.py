"""After a re-index, PostgreSQL writes the re-index's pages out before the site's next commits."""

import uuid

import pytest
import sqlalchemy as sa

from tests.search.conftest import make_doc


def _recording(conn):
    ran: list[str] = []

    def record(_conn, _cursor, statement, *_):
        ran.append(statement.strip().upper())

    sa.event.listen(conn, "before_cursor_execute", record)
    return ran, record


def test_postgresql_ends_a_reindex_with_a_checkpoint(conn, backend):
    if conn.dialect.name != "postgresql":
        pytest.skip("SQLite has no CHECKPOINT; its optimize merges the FTS5 segments")
    ran, record = _recording(conn)
    backend.optimize(conn)
    sa.event.remove(conn, "before_cursor_execute", record)
    assert "CHECKPOINT" in ran
    assert ran.index("CHECKPOINT") > ran.index("ANALYZE SEARCH_TERM")


def test_without_the_checkpoint_privilege_the_reindex_still_finishes(conn, backend, caplog):
    """A site's own database role may not CHECKPOINT: the index is still usable at once."""
    if conn.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    backend.index(conn, make_doc(1, "Şəhər büdcəsi"))
    role = f"foi_plain_{uuid.uuid4().hex[:8]}"
    conn.exec_driver_sql(f'CREATE ROLE "{role}" NOLOGIN')
    conn.exec_driver_sql(f'GRANT ALL ON search_document, search_term TO "{role}"')
    conn.exec_driver_sql(f'SET ROLE "{role}"')
    backend.optimize(conn)  # ANALYZE of tables it may touch, then the refused CHECKPOINT
    assert "no CHECKPOINT after the re-index" in caplog.text
    # The transaction survived the refusal: the re-index's rows are still there to commit.
    assert conn.exec_driver_sql("SELECT count(*) FROM search_document").scalar() == 1
    conn.exec_driver_sql("RESET ROLE")
