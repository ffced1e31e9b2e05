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
        conn.execute(sa.text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
                ),
                {"n": name},
            )
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


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """Return the URL of a real, empty Redis server for this test session.

    ``FOI_TEST_REDIS_URL`` names one to use (its database is flushed); otherwise Debian's
    ``redis-server`` is started on a free port for this run and stopped after it.
    """
    import shutil
    import subprocess
    import time

    import redis

    given = os.environ.get("FOI_TEST_REDIS_URL", "").strip()
    if given:
        redis.Redis.from_url(given).flushdb()
        yield given
        return
    binary = shutil.which("redis-server")
    if not binary:
        pytest.fail("redis-server is not installed: `make test` installs it (apt-get)")
    port = _free_port()
    workdir = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    try:
        yield url
    finally:
        client.close()
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def redis_client(redis_url):
    """A client of the session's Redis server, emptied before each test."""
    import redis

    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.close()


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

                server.messages.append(
                    email.message_from_bytes(envelope.content, policy=policy.default)
                )
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

    app = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=database_url,
        UPLOAD_DIR=str(tmp_path_factory.mktemp("files")),
        QUEUE_PATH=str(tmp_path_factory.mktemp("queue") / "queue.sqlite3"),
        JOBS_DIR=str(tmp_path_factory.mktemp("jobs")),
        JOB_MODULES="tests.jobs.holding",
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=mail_server.port,
        SERVER_NAME="foi.test",
        SITE_URL="http://foi.test",  # the public address e-mails, PDFs and exports link to
    )
    with app.app_context():
        upgrade()
    return app


@pytest.fixture
def app(_app, mail_server):
    """The app with an empty database for this test (rows are deleted after each test).

    The application cache is emptied too: each test starts again at version 1 of the public
    content, so a page kept by an earlier test would otherwise look current.
    """
    from foi.extensions import cache, db
    from foi.search import get_backend

    mail_server.messages.clear()
    with _app.app_context():
        cache.clear()
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
        from tests.factories import pass_second_factor

        client.post("/logout")
        response = client.post("/login", data={"email": user.email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        pass_second_factor(client, user, response)
        return client

    return do
