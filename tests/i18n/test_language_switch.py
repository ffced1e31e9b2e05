"""The language switch, the browser's preference and the account's language."""

import re

import pytest

from foi.extensions import db
from tests.factories import make_user
from tests.i18n.conftest import sign_in


def lang_of(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.get_data(as_text=True)).group(1)


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        (None, "az"),
        ("ru-RU,ru;q=0.9,en;q=0.8", "ru"),
        ("en-GB,en;q=0.9", "en"),
        ("tr-TR,tr;q=0.9,ru;q=0.5", "ru"),
        ("de-DE,de;q=0.9", "az"),
    ],
)
def test_first_visit_follows_the_browsers_preference(visitor, header, lang):
    headers = {"Accept-Language": header} if header else {}
    assert lang_of(visitor.get("/", headers=headers)) == lang


def test_chosen_language_is_remembered_over_the_browsers(visitor):
    response = visitor.post("/language", data={"lang": "ru", "next": "/archive?q=vergi"})
    assert response.status_code == 302 and response.location.endswith("/archive?q=vergi")
    assert lang_of(visitor.get("/", headers={"Accept-Language": "en"})) == "ru"
    assert lang_of(visitor.get("/agencies")) == "ru"
    visitor.post("/language", data={"lang": "en"})
    assert lang_of(visitor.get("/", headers={"Accept-Language": "ru"})) == "en"


def test_switch_ignores_unknown_languages_and_foreign_redirects(visitor):
    visitor.post("/language", data={"lang": "en"})
    response = visitor.post("/language", data={"lang": "fr", "next": "//evil.example/x"})
    assert response.status_code == 302
    assert "evil.example" not in response.location
    assert lang_of(visitor.get("/")) == "en"


def test_every_page_offers_the_switch_with_the_current_language_marked(visitor):
    html = visitor.get("/login", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    switch = re.search(r'<form class="lang-switch".*?</form>', html, re.S).group(0)
    assert 'action="/language"' in switch
    assert re.search(r'value="ru" lang="ru"\s+aria-current="true"', switch)
    assert {"az", "en", "ru"} <= set(re.findall(r'name="lang" value="(\w+)"', switch))


def test_choice_while_logged_in_is_saved_to_the_account(visitor, app):
    user = make_user("citizen", locale="az")
    sign_in(visitor, user)
    visitor.post("/language", data={"lang": "ru"})
    db.session.refresh(user)
    assert user.locale == "ru"
    # Another device, with a browser that prefers English, opens in the account's language.
    elsewhere = app.test_client()
    sign_in(elsewhere, user)
    assert lang_of(elsewhere.get("/my/requests", headers={"Accept-Language": "en"})) == "ru"


def test_logged_in_user_without_a_choice_reads_in_the_accounts_language(visitor):
    sign_in(visitor, make_user("citizen", locale="en"))
    assert lang_of(visitor.get("/my/requests", headers={"Accept-Language": "ru"})) == "en"
