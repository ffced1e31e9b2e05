"""Compiled catalogues for the language tests, even on a clone where ``make`` never ran."""

from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.factories import PASSWORD, pass_second_factor

TRANSLATIONS = Path(__file__).resolve().parents[2] / "foi" / "translations"


def compile_stale_catalogues() -> None:
    """Compile each messages.po whose .mo is missing or older, as ``make translations`` does."""
    for po in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            catalog = read_po(source)
        with mo.open("wb") as target:
            write_mo(target, catalog)


def pytest_configure(config):
    # Before any test renders a page: Flask-Babel keeps a catalogue once it has loaded it.
    compile_stale_catalogues()


@pytest.fixture
def visitor(app):
    """A browser that states no language preference (the shared ``client`` prefers English)."""
    return app.test_client()


def sign_in(browser, user, password: str = PASSWORD):
    """Log ``browser`` in as ``user`` through the login form."""
    response = browser.post("/login", data={"email": user.email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    pass_second_factor(browser, user, response)
    return browser
