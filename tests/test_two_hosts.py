"""Two web hosts over one database and one real Redis agree on everything people can notice.

Two gunicorn processes on different ports (two "hosts"), with ``FOI_REDIS_URL`` set, serve one
database (PostgreSQL in the PostgreSQL pass of ``make test``); the test process changes the
archive through the services as a third party would. Two ``flask foi scheduler`` processes
share the same database: one works, the other stands by.
"""

import http.client
import re
import sys
from urllib.parse import urlencode

import pytest
import sqlalchemy as sa

from tests.conftest import _empty_database, _free_port
from tests.jobs.test_failover import Scheduler, lease, wait_until
from tests.ratelimits.test_shared_limits import ROOT


class Host:
    """One gunicorn (one sync worker) serving ``wsgi:app`` on a free port."""

    def __init__(self, env: dict):
        import subprocess
        import time

        self.port = _free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "1"]
            + ["--bind", f"127.0.0.1:{self.port}", "wsgi:app"],
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
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("gunicorn did not start")

    def request(self, method: str, path: str, body: dict | None = None, cookie: str = ""):
        """Return the status, headers and text of one request on a new connection."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Accept-Language": "en", "Connection": "close"}
        if cookie:
            headers["Cookie"] = cookie
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=urlencode(body) if body else None, headers=headers)
            response = conn.getresponse()
            return response.status, response.headers, response.read().decode()
        finally:
            conn.close()

    def get(self, path: str, cookie: str = ""):
        return self.request("GET", path, cookie=cookie)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


pytestmark = pytest.mark.db  # runs again on PostgreSQL in `make test`


@pytest.fixture(scope="module")
def site(redis_url, mail_server, tmp_path_factory):
    """Build the archive on a migrated database; yield it with two hosts serving it."""
    with _empty_database(tmp_path_factory, "hosts") as url:
        yield from _site(url, redis_url, mail_server, tmp_path_factory.mktemp("hosts"))


def _site(spare_database_url, redis_url, mail_server, tmp_path):
    import os

    from flask_migrate import upgrade

    from foi import create_app
    from foi.extensions import db

    local = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=spare_database_url,
        UPLOAD_DIR=str(tmp_path / "files"),
        SMTP_PORT=mail_server.port,
        SERVER_NAME="foi.test",
    )
    env = {
        **os.environ,
        "FOI_ENV": "testing",
        "FOI_DATABASE_URL": spare_database_url,
        "FOI_REDIS_URL": redis_url,
        "FOI_INSTANCE_DIR": str(tmp_path),
        "FOI_UPLOAD_DIR": str(tmp_path / "files"),
        "FOI_SMTP_PORT": str(mail_server.port),
        "FOI_RATELIMIT_ENABLED": "1",
        "FOI_RATE_LIMITS": "api.address=6/hour",
    }
    with local.app_context():
        upgrade()
        from tests.archive.seed import Archive, publish
        from tests.factories import make_agency, make_user

        agency = make_agency(slug="vergi", name_en="State Tax Service")
        archive = Archive(
            agency,
            make_agency(slug="tehsil"),
            make_user("citizen", email="citizen@example.org"),
            make_user("officer", agency),
            make_user("coordinator", agency),
        )
        publish(archive, "Vergi güzəştləri", "Siyahını göndərin.", "Siyahı əlavə olunub.")
        hosts = [Host(env), Host(env)]
        try:
            yield archive, hosts, spare_database_url, mail_server, tmp_path
        finally:
            for host in hosts:
                host.stop()
            db.session.remove()
            db.engine.dispose()


def test_two_hosts_count_one_limit(site, redis_client):
    _archive, (a, b), *_ = site
    answers = [host.get("/api/v1/requests")[0] for host in (a, b, a, b, a, b, a, b)]
    assert answers == [200] * 6 + [429] * 2


def test_a_publication_empties_the_kept_pages_of_both_hosts(site, redis_client):
    from tests.archive.seed import publish

    archive, (a, b), url, *_ = site
    first = a.get("/archive")[2]
    assert "Vergi güzəştləri" in first and redis_client.keys("foi:cache:page:*")
    engine = sa.create_engine(url)  # a change the services did not make: no new version
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE agency SET name_en = 'Renamed' WHERE slug = 'vergi'"))
    engine.dispose()
    assert b.get("/archive")[2] == first  # host A's page, kept in Redis, served by host B

    publish(archive, "Vergi borcları", "Borcların siyahısı.", "Siyahı əlavə olunub.")
    for host in (a, b):
        page = host.get("/archive")[2]
        assert "Vergi borcları" in page and "Renamed" in page


def test_a_session_opened_on_one_host_works_on_the_other(site):
    archive, (a, b), *_ = site
    status, headers, _text = a.request(
        "POST", "/login", {"email": archive.citizen.email, "password": "correct horse battery"}
    )
    assert status == 302
    cookie = "; ".join(
        re.match(r"[^;]+", value).group(0) for value in headers.get_all("Set-Cookie")
    )
    assert b.get("/my/requests")[0] == 302  # no session: to the login page
    status, _headers, page = b.get("/my/requests", cookie=cookie)
    assert status == 200 and "Vergi güzəştləri" in page and "Log out" in page


def test_one_scheduler_works_and_the_other_stands_by(site):
    _archive, _hosts, url, mail_server, tmp_path = site
    first = Scheduler(url, mail_server.port, tmp_path)
    procs = [first]
    try:
        wait_until(lambda: (lease() or ("",))[0] == first.holder, "first takes the lease", procs)
        second = Scheduler(url, mail_server.port, tmp_path)
        procs.append(second)
        wait_until(lambda: second.said("standing by"), "second stands by", procs)
        assert first.said(f"scheduler {first.holder} active")
        assert not second.said("active") and lease()[0] == first.holder
    finally:
        for proc in procs:
            proc.stop()
