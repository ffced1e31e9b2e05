"""Anonymous public pages can be cached by browsers and proxies; a signed-in person's never are."""

import pytest

from tests.archive.seed import Archive, publish
from tests.factories import make_agency, make_user

PUBLIC_PAGES = ["/", "/archive", "/archive?q=vergi", "/agencies", "/api/v1/requests"]


@pytest.fixture
def archive(app):
    agency = make_agency(slug="vergi", name_az="Dövlət Vergi Xidməti", name_en="State Tax Service")
    archive = Archive(
        agency,
        make_agency(slug="tehsil"),
        make_user("citizen"),
        make_user("officer", agency),
        make_user("coordinator", agency),
    )
    publish(archive, "Vergi güzəştləri", "Siyahını göndərin.", "Siyahı əlavə olunub.")
    return archive


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_anonymous_public_page_is_cacheable_and_sets_no_cookie(client, archive, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert response.cache_control.public and response.cache_control.max_age == 60
    assert {"Accept-Language", "Cookie"} <= set(response.vary)
    assert response.headers["ETag"]
    assert response.last_modified is not None


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_matching_conditional_request_gets_304_without_a_body(client, archive, path):
    first = client.get(path)
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    since = client.get(path, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304


def test_a_new_publication_is_seen_at_once_by_a_client_holding_the_old_page(client, archive):
    old = client.get("/archive")
    publish(archive, "Yol tikintisi", "Xərcləri göndərin.", "Xərclər cədvəldədir.")
    fresh = client.get(
        "/archive",
        headers={
            "If-None-Match": old.headers["ETag"],
            "If-Modified-Since": old.headers["Last-Modified"],
        },
    )
    assert fresh.status_code == 200
    assert "Yol tikintisi" in fresh.get_data(as_text=True)
    assert fresh.last_modified >= old.last_modified


def test_pages_in_two_languages_have_different_validators(client, archive):
    english = client.get("/archive", headers={"Accept-Language": "en"})
    russian = client.get("/archive", headers={"Accept-Language": "ru"})
    assert english.headers["ETag"] != russian.headers["ETag"]
    assert (
        client.get(
            "/archive", headers={"Accept-Language": "ru", "If-None-Match": english.headers["ETag"]}
        ).status_code
        == 200
    )


def test_signed_in_pages_are_never_stored(client, archive, login):
    login(archive.citizen)
    for path in ["/", "/archive", "/my/requests"]:
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "private, no-store", path
        assert "ETag" not in response.headers


def test_a_page_holding_a_form_token_is_not_cacheable(client):
    response = client.get("/login")
    assert response.headers["Cache-Control"] == "private, no-store"


def test_an_anonymous_language_choice_is_a_cookie_not_a_session(client, archive):
    response = client.get("/language?lang=ru&next=/archive")
    assert response.status_code == 302 and response.location.endswith("/archive")
    cookies = response.headers.getlist("Set-Cookie")
    assert len(cookies) == 1 and cookies[0].startswith("foi_lang=ru")
    assert "HttpOnly" in cookies[0] and "SameSite=Lax" in cookies[0]
    page = client.get("/archive", headers={"Accept-Language": "en"})
    assert '<html lang="ru"' in page.get_data(as_text=True)
    assert page.cache_control.public and "Set-Cookie" not in page.headers


def test_the_language_link_never_leaves_the_site(client):
    response = client.get("/language?lang=en&next=https://evil.example/")
    assert "evil.example" not in response.location
