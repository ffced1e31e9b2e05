"""Fixtures shared by the whole suite.

The database under test comes from ``FOI_TEST_DATABASE_URL``: unset means a fresh SQLite file;
a PostgreSQL URL means a fresh database created on that server for this run and dropped after it,
so that runs never see each other. Every test that uses ``database_url`` (directly or through
another fixture) is marked ``db`` and so runs again in the PostgreSQL pass of ``make test``.
"""
import os
import uuid
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items):
    for item in items:
        if {"database_url", "spare_database_url"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)


@contextmanager
def _empty_database(tmp_path_factory, label: str):
    """Yield the URL of a new, empty database: a SQLite file, or one on the PostgreSQL server."""
    server_url = os.environ.get("FOI_TEST_DATABASE_URL", "").strip()
    if not server_url or server_url.startswith("sqlite"):
        path = tmp_path_factory.mktemp(label) / "foi-test.sqlite3"
        yield f"sqlite:///{path}"
        return
    name = f"foi_{label}_{uuid.uuid4().hex[:12]}"
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


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """Return the URL of an empty database that lives for this test session."""
    with _empty_database(tmp_path_factory, "test") as url:
        yield url


@pytest.fixture
def spare_database_url(tmp_path_factory):
    """Return the URL of another empty database, for tests that build schemas themselves."""
    with _empty_database(tmp_path_factory, "spare") as url:
        yield url


# --- The application, built on a migrated database -------------------------------------------

def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MailServer:
    """A real SMTP server (aiosmtpd) on a free local port, keeping what it receives."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages = []
        server = self

        class Handler:
            async def handle_DATA(self, smtp, session, envelope):
                import email
                from email import policy

                server.messages.append(email.message_from_bytes(envelope.content,
                                                                policy=policy.default))
                return "250 OK"

        self.port = _free_port()  # aiosmtpd's start-up check cannot follow port=0
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)

    def start(self):
        self.controller.start()

    def stop(self):
        self.controller.stop()

    def to(self, address: str) -> list:
        return [m for m in self.messages if m["To"] == address]


@pytest.fixture(scope="session")
def mail_server():
    server = MailServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _app(database_url, mail_server, tmp_path_factory):
    from flask_migrate import upgrade

    from foi import create_app

    app = create_app("testing", SQLALCHEMY_DATABASE_URI=database_url,
                     UPLOAD_DIR=str(tmp_path_factory.mktemp("files")),
                     SMTP_HOST="127.0.0.1", SMTP_PORT=mail_server.port,
                     SERVER_NAME="foi.test")
    with app.app_context():
        upgrade()
    return app


@pytest.fixture
def app(_app, mail_server):
    """The app with an empty database for this test (rows are deleted after each test)."""
    from foi.extensions import db
    from foi.search import get_backend

    mail_server.messages.clear()
    with _app.app_context():
        yield _app
        db.session.rollback()
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
            get_backend(conn).reindex(conn, [])


@pytest.fixture
def client(app):
    """A browser that prefers English, so assertions read in English; i18n tests ask otherwise."""
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def login(client):
    """Log ``client`` in as ``user`` through the real login form."""
    def do(user, password="correct horse battery"):
        client.post("/logout")
        response = client.post("/login", data={"email": user.email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return client
    return do
