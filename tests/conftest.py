"""Fixtures shared by the whole suite.

The database under test comes from ``FOI_TEST_DATABASE_URL``: unset means a fresh SQLite file;
a PostgreSQL URL means a fresh database created on that server for this run and dropped after it,
so that runs never see each other. Every test that uses ``database_url`` (directly or through
another fixture) is marked ``db`` and so runs again in the PostgreSQL pass of ``make test``.
"""
import os
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url


def pytest_collection_modifyitems(items):
    for item in items:
        if "database_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.db)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """Return the URL of an empty database that lives for this test session."""
    server_url = os.environ.get("FOI_TEST_DATABASE_URL", "").strip()
    if not server_url or server_url.startswith("sqlite"):
        path = tmp_path_factory.mktemp("db") / "foi-test.sqlite3"
        yield f"sqlite:///{path}"
        return
    name = f"foi_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
            ), {"n": name})
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
