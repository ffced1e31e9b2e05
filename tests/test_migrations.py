"""Migrations build the schema the models describe, and go down and up again cleanly."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from foi import create_app
from foi.extensions import db


def test_migrations_match_models_and_downgrade_cleanly(spare_database_url):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=spare_database_url)
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "include_name": lambda name, type_, parent: (
                        not (type_ == "table" and (name or "").startswith(("search_", "huey_")))
                    )
                },
            )
            assert compare_metadata(context, db.metadata) == []
            assert "search_document" in sa.inspect(conn).get_table_names()

        downgrade(revision="base")
        with db.engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) <= {"alembic_version"}

        upgrade()
        with db.engine.connect() as conn:
            assert "info_request" in sa.inspect(conn).get_table_names()
        db.engine.dispose()


def _statements(engine, into: list[str]):
    """Record every SQL statement the engine runs into ``into``."""

    @sa.event.listens_for(engine, "before_cursor_execute")
    def record(conn, cursor, statement, parameters, context, executemany):
        into.append(" ".join(statement.split()))

    return record


def test_postgresql_builds_the_statistics_index_without_blocking_writes(spare_database_url):
    """0008 builds its index CONCURRENTLY outside a transaction, and drops it the same way."""
    import pytest

    app = create_app("testing", SQLALCHEMY_DATABASE_URI=spare_database_url)
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("CONCURRENTLY is PostgreSQL's; SQLite builds the index as before")
        upgrade(revision="0007")
        ran: list[str] = []
        listener = _statements(db.engine, ran)
        upgrade(revision="0008")
        assert any(
            s.startswith("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_info_request_statistics")
            for s in ran
        ), ran
        with db.engine.connect() as conn:
            valid = conn.exec_driver_sql(
                "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "WHERE c.relname = 'ix_info_request_statistics'"
            ).scalar()
        assert valid is True

        ran.clear()
        downgrade(revision="0007")
        assert any(
            s.startswith("DROP INDEX CONCURRENTLY IF EXISTS ix_info_request_statistics")
            for s in ran
        ), ran
        sa.event.remove(db.engine, "before_cursor_execute", listener)
        db.engine.dispose()


def test_a_failed_concurrent_build_is_finished_by_running_the_migration_again(
    spare_database_url,
):
    """An INVALID index left by an interrupted CONCURRENTLY build is replaced, not kept."""
    import pytest

    app = create_app("testing", SQLALCHEMY_DATABASE_URI=spare_database_url)
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("only PostgreSQL builds indexes concurrently")
        upgrade(revision="0007")
        with db.engine.connect() as conn:
            # What an interrupted build leaves: the index exists and is marked invalid.
            conn.exec_driver_sql(
                "CREATE INDEX ix_info_request_statistics ON info_request (agency_id)"
            )
            conn.exec_driver_sql(
                "UPDATE pg_index SET indisvalid = false WHERE indexrelid = "
                "'ix_info_request_statistics'::regclass"
            )
            conn.commit()
        upgrade(revision="0008")
        with db.engine.connect() as conn:
            valid, columns = conn.exec_driver_sql(
                "SELECT i.indisvalid, i.indnatts FROM pg_index i "
                "WHERE i.indexrelid = 'ix_info_request_statistics'::regclass"
            ).one()
        assert valid is True and columns == 6
        db.engine.dispose()
