"""Real-browser fixtures: the app served on a local port, and headless Debian Chromium.

Every test here is marked ``browser``; ``make test`` runs them in their own pass. The browser is
shared by the whole session; each person in a journey gets their own context (cookies), opened
with ``open_page``. ``audit`` screenshots a step and checks it with axe-core in every language.
"""

import logging
import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.e2e.audit import Auditor, install_axe

ARTIFACTS = Path(os.environ.get("FOI_TEST_ARTIFACTS", "test-artifacts/screenshots"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_server(_app):
    """Serve the test app on 127.0.0.1 in a background thread for the whole session."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # keep request lines out of the output
    server = make_server("127.0.0.1", 0, _app, threaded=True)
    port = server.socket.getsockname()[1]
    _app.config["SERVER_NAME"] = f"127.0.0.1:{port}"
    _app.config["SITE_URL"] = f"http://127.0.0.1:{port}"  # e-mailed links lead here
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run `apt-get install -y chromium`.")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _artifact_dir(request) -> Path:
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def open_page(browser, app, live_server, request):
    """Return ``open(viewport=DESKTOP, locale="en-GB")``: a page in a context of its own.

    Each person of a journey needs their own cookies. The last state of every page is kept as
    a screenshot artefact when the test ends.
    """
    opened = []

    def open_(viewport=DESKTOP, locale="en-GB", name="page"):
        context = browser.new_context(
            viewport=viewport, locale=locale, accept_downloads=True, base_url=live_server
        )
        install_axe(context)
        page = context.new_page()
        page.set_default_timeout(5_000)
        opened.append((name, context, page))
        return page

    yield open_
    folder = _artifact_dir(request)
    for name, context, page in opened:
        try:
            page.screenshot(path=str(folder / f"last-{name}.png"), full_page=True)
        finally:
            context.close()


@pytest.fixture
def page(open_page):
    """A fresh desktop browser page."""
    return open_page()


@pytest.fixture
def audit(request, live_server):
    """Return an ``Auditor``: ``audit(page, "step")`` screenshots and checks one page."""
    return Auditor(_artifact_dir(request))
