"""Browser-side protections on every page."""

import pytest

from foi import create_app


def test_pages_forbid_framing_sniffing_and_foreign_scripts(client):
    response = client.get("/")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_session_cookie_is_http_only_and_same_site(client):
    response = client.post("/language", data={"lang": "en", "next": "/"})
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("session=") and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_forms_refuse_posts_without_csrf_token(database_url):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=database_url, WTF_CSRF_ENABLED=True)
    response = app.test_client().post(
        "/login", data={"email": "a@example.org", "password": "whatever123"}
    )
    assert response.status_code == 400


def test_production_refuses_to_start_without_a_secret_key():
    with pytest.raises(RuntimeError, match="FOI_SECRET_KEY"):
        create_app("production", SECRET_KEY="dev-only-not-secret")


def test_language_switch_never_redirects_to_another_site(client):
    response = client.post("/language", data={"lang": "ru", "next": "https://evil.example/"})
    assert response.headers["Location"] in ("/", "http://foi.test/")
