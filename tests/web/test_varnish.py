"""deploy/varnish/default.vcl in front of the app: anonymous pages cached, signed-in never.

Debian's real ``varnishd`` runs with the shipped configuration, pointed at the app served by
werkzeug on a free port; ``make test`` installs varnish when it is missing.
"""

import http.client
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.archive.seed import Archive, publish
from tests.conftest import _free_port
from tests.factories import PASSWORD, make_agency, make_user

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"


@pytest.fixture
def backend(app):
    """Serve the test app over HTTP on a free port; yield the port."""
    port = _free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield port
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture
def varnish(backend, tmp_path):
    """Start varnishd with the shipped VCL in front of ``backend``; yield its port."""
    binary = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(binary).exists():
        pytest.fail("varnishd is not installed: `make test` installs Debian's varnish")
    vcl = tmp_path / "foi.vcl"
    vcl.write_text(re.sub(r'\.port = "\d+"', f'.port = "{backend}"', VCL.read_text()))
    port = _free_port()
    proc = subprocess.Popen(
        [binary, "-F", "-j", "none", "-n", str(tmp_path / "varnish"), "-f", str(vcl),
         "-a", f"127.0.0.1:{port}", "-T", "127.0.0.1:0", "-s", "malloc,32m"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    for _ in range(200):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("HEAD", "/healthz")
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"varnishd did not start: {proc.stderr.read().decode()[-500:]}")
            time.sleep(0.05)
    yield port
    proc.terminate()
    proc.wait(timeout=20)


def get(port: int, path: str, headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    return response, body


def sign_in(port: int, email: str) -> str:
    """Log in through the proxy; return the session cookie the browser would send."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(
        "POST",
        "/login",
        body=f"email={email}&password={PASSWORD}",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    response = conn.getresponse()
    response.read()
    assert response.status == 302
    cookie = response.getheader("Set-Cookie")
    return cookie.split(";", 1)[0]


@pytest.fixture
def archive(app):
    agency = make_agency(slug="vergi", name_az="Dövlət Vergi Xidməti", name_en="State Tax Service")
    archive = Archive(
        agency,
        make_agency(slug="tehsil"),
        make_user("citizen", email="aysel@example.org", display_name="Aysel Məmmədova"),
        make_user("officer", agency),
        make_user("coordinator", agency),
    )
    publish(archive, "Vergi güzəştləri", "Siyahını göndərin.", "Siyahı əlavə olunub.")
    return archive


def test_anonymous_pages_come_from_the_cache_one_copy_per_language(varnish, archive):
    first, _ = get(varnish, "/archive", {"Accept-Language": "en-GB,en;q=0.9"})
    second, body = get(varnish, "/archive", {"Accept-Language": "en-US,en;q=0.8"})
    assert first.getheader("X-Cache") == "MISS"
    assert second.getheader("X-Cache") == "HIT" and '<html lang="en"' in body
    russian, body = get(varnish, "/archive", {"Accept-Language": "ru-RU,ru;q=0.9"})
    assert russian.getheader("X-Cache") == "MISS" and '<html lang="ru"' in body
    chosen, body = get(
        varnish, "/archive", {"Cookie": "_ga=1; foi_lang=ru", "Accept-Language": "ru"}
    )
    assert chosen.getheader("X-Cache") == "MISS" and '<html lang="ru"' in body
    again, _ = get(varnish, "/archive", {"Cookie": "foi_lang=ru; other=2", "Accept-Language": "ru"})
    assert again.getheader("X-Cache") == "HIT"


def test_a_signed_in_persons_page_is_never_cached_nor_served_from_the_cache(varnish, archive):
    get(varnish, "/archive", {"Accept-Language": "en"})
    anonymous, _ = get(varnish, "/archive", {"Accept-Language": "en"})
    assert anonymous.getheader("X-Cache") == "HIT"
    cookie = sign_in(varnish, archive.citizen.email)
    for _ in range(2):
        mine, body = get(varnish, "/archive", {"Accept-Language": "en", "Cookie": cookie})
        assert mine.getheader("X-Cache") == "MISS"
        assert mine.getheader("Cache-Control") == "private, no-store"
        assert "Aysel Məmmədova" in body  # the signed-in header, which no one else may see
    later, body = get(varnish, "/archive", {"Accept-Language": "en"})
    assert later.getheader("X-Cache") == "HIT" and "Aysel Məmmədova" not in body
