"""One limit, counted across real processes: two gunicorn workers on the database, and two
app servers on one Redis.

The servers run the testing configuration with the limits switched on, on a database migrated
by ``flask db upgrade``; every request comes on a fresh connection, from several threads at
once, so that both workers (or both servers) answer. Gunicorn's access log names the process
that answered each request (``%(p)s``).

Which gunicorn worker accepts a connection is up to the kernel, and one worker can take them
all; so one worker is kept busy on a half-sent request while the flood runs, and the other
has to answer it.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
import sqlalchemy as sa

from tests.conftest import _free_port

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 10


def _env(database_url: str, tmp_path: Path, **extra: str) -> dict:
    return {
        **os.environ,
        "FOI_ENV": "testing",
        "FOI_DATABASE_URL": database_url,
        "FOI_INSTANCE_DIR": str(tmp_path),
        "FOI_RATELIMIT_ENABLED": "1",
        "FOI_RATE_LIMITS": f"reset.address={LIMIT}/hour",
        **extra,
    }


def _migrate(env: dict) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


class Gunicorn:
    """A gunicorn serving ``wsgi:app`` on a free port, logging which process answered."""

    def __init__(self, env: dict, log: Path, workers: int):
        self.port = _free_port()
        self.log = log
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--access-logfile",
                str(log),
                "--access-logformat",
                "%(p)s %(s)s",
                "--timeout",
                "120",  # the held worker must outlive the flood on a slow machine
                "wsgi:app",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(300):
            if self.proc.poll() is not None:
                raise AssertionError(self.proc.stderr.read())
            try:
                if _get(self.port, "/healthz") == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("gunicorn did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)

    def answered_by(self) -> set[str]:
        """Return the process ids that answered a POST /reset."""
        lines = self.log.read_text().split("\n")
        return {line.split()[0] for line in lines if line.strip()} - {""}


def _get(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    finally:
        conn.close()


def _reset(port: int, n: int) -> tuple[int, str | None]:
    """POST the reset form for an address nobody has, on a new connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(
            "POST",
            "/reset",
            body=urlencode({"email": f"nobody{n}@example.org"}),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Connection": "close"},
        )
        response = conn.getresponse()
        response.read()
        return response.status, response.getheader("Retry-After")
    finally:
        conn.close()


class HeldRequest:
    """A POST /reset whose body is held back, so the worker that accepts it waits on it.

    It connects first, so the first worker to accept takes it (accept is first in, first out).
    """

    def __init__(self, port: int, n: int):
        body = urlencode({"email": f"nobody{n}@example.org"}).encode()
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        self.sock.sendall(
            b"POST /reset HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)
        )
        self.body = body

    def finish(self) -> tuple[int, str | None]:
        self.sock.sendall(self.body)
        response = http.client.HTTPResponse(self.sock)
        response.begin()
        response.read()
        self.sock.close()
        return response.status, response.getheader("Retry-After")


def _flood(ports: list[int], count: int) -> list[tuple[int, str | None]]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda n: _reset(ports[n % len(ports)], n), range(count)))


def _counted(answers):
    return sorted(status for status, _ in answers)


def test_two_gunicorn_workers_enforce_one_limit_in_the_database(spare_database_url, tmp_path):
    env = _env(spare_database_url, tmp_path)
    _migrate(env)
    server = Gunicorn(env, tmp_path / "access.log", workers=2)
    try:
        held = HeldRequest(server.port, 1000)  # one worker waits on it ...
        answers = _flood([server.port], LIMIT + 5)  # ... so the other answers these
        answers.append(held.finish())
        after = _reset(server.port, 999)
    finally:
        server.stop()
    assert _counted(answers) == [302] * LIMIT + [429] * 6
    assert all(int(retry) > 0 for status, retry in answers if status == 429)
    assert after[0] == 429 and int(after[1]) > 3000
    assert len(server.answered_by()) == 2, "both workers should have answered"
    engine = sa.create_engine(spare_database_url)
    with engine.connect() as conn:
        rows = (
            conn.execute(
                sa.text("SELECT count FROM rate_limit_counter WHERE key LIKE '%reset.address%'")
            )
            .scalars()
            .all()
        )
    engine.dispose()
    assert rows == [LIMIT + 7]  # one row for the address, every hit counted


def test_two_app_servers_on_one_redis_enforce_one_limit(
    spare_database_url, redis_url, redis_client, tmp_path
):
    env = _env(spare_database_url, tmp_path, FOI_REDIS_URL=redis_url)
    _migrate(env)
    servers = [Gunicorn(env, tmp_path / f"access-{i}.log", workers=1) for i in range(2)]
    try:
        answers = _flood([s.port for s in servers], LIMIT + 6)
    finally:
        for s in servers:
            s.stop()
    assert _counted(answers) == [302] * LIMIT + [429] * 6
    assert all(s.answered_by() for s in servers)
    assert [k for k in redis_client.keys("*") if b"reset.address" in k]
    engine = sa.create_engine(spare_database_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM rate_limit_counter")).scalar() == 0
    engine.dispose()


@pytest.mark.parametrize("hops, expected", [(0, "127.0.0.1"), (1, "198.51.100.77")])
def test_the_client_address_comes_through_the_configured_proxy_hops(app, hops, expected):
    from foi import create_app

    proxied = create_app("testing", SQLALCHEMY_DATABASE_URI="sqlite://", PROXY_HOPS=hops)

    @proxied.get("/_address")
    def _address():
        from foi.ratelimits.web import client_address

        return client_address()

    page = proxied.test_client().get(
        "/_address",
        headers={"X-Forwarded-For": "198.51.100.77"},
        environ_base={"REMOTE_ADDR": "127.0.0.1"},
    )
    assert page.get_data(as_text=True) == expected


@pytest.mark.parametrize(
    "lang, words",
    [
        ("en", "Try again in 60 minutes"),
        ("az", "Yenidən cəhd edin: 60 dəqiqədən sonra"),
        ("ru", "Попробуйте снова через 60 минут"),
    ],
)
def test_a_page_without_a_form_answers_the_429_page_in_the_readers_language(
    spare_database_url, lang, words
):
    from flask_migrate import upgrade

    from foi import create_app

    limited = create_app(
        "testing", SQLALCHEMY_DATABASE_URI=spare_database_url, RATE_LIMITS_ENABLED=True
    )
    limiter = limited.extensions["foi_limiter"]

    @limited.post("/_ping")
    @limiter.limit("1/hour")
    def _ping():
        return "pong"

    with limited.app_context():
        upgrade()
    client = limited.test_client()
    assert client.post("/_ping").status_code == 200
    page = client.post("/_ping", headers={"Accept-Language": lang})
    assert page.status_code == 429
    assert 3500 < int(page.headers["Retry-After"]) <= 3600
    text = page.get_data(as_text=True)
    assert words in text, text[text.index("<main") :]
    with limited.app_context():
        from foi.extensions import db

        db.engine.dispose()
