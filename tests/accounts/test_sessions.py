"""Logins end when they should: a copied session or remember cookie dies on every worker.

Each test signs in through the real forms in one app, copies the browser's cookies into a
browser of a second app on the same database (another worker or host), checks that the copy
opens the account, does what should end the login in the first app, and checks the copy again.
Browsers talk to apps of their own (``host``, ``other_host``): the suite's ``app`` keeps one
app context open for the test, in which Flask-Login would remember the user between requests.
"""

import re

import pyotp
import pytest
from sqlalchemy import select

from foi.extensions import db
from foi.models import UserSession
from tests.factories import PASSWORD, make_agency, make_user, pass_second_factor

pytestmark = pytest.mark.db

SESSION, REMEMBER = "session", "remember_token"


def _host(app, database_url):
    from foi import create_app

    return create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=database_url,
        UPLOAD_DIR=app.config["UPLOAD_DIR"],
        SERVER_NAME="foi.test",
        SMTP_HOST=app.config["SMTP_HOST"],
        SMTP_PORT=app.config["SMTP_PORT"],
        SITE_URL=app.config["SITE_URL"],
    )


@pytest.fixture
def host(app, database_url):
    """The app the person's own browser talks to."""
    return _host(app, database_url)


@pytest.fixture
def other_host(app, database_url):
    """A second app on the same database: what another worker or host sees."""
    return _host(app, database_url)


@pytest.fixture
def client(host):
    browser = host.test_client()
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return browser


def sign_in(client, user, remember=True):
    response = client.post(
        "/login",
        data={"email": user.email, "password": PASSWORD, **({"remember": "y"} if remember else {})},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    pass_second_factor(client, user, response, remember=False)
    return client


def copies(client, other_host):
    """Return two browsers of the other host: one with the session cookie, one with only the
    remember cookie (as a thief who copied either would have)."""
    session_copy, remember_copy = other_host.test_client(), other_host.test_client()
    session_copy.set_cookie(
        SESSION, client.get_cookie(SESSION, domain="foi.test").value, domain="foi.test"
    )
    remember_copy.set_cookie(
        REMEMBER, client.get_cookie(REMEMBER, domain="foi.test").value, domain="foi.test"
    )
    for browser in (session_copy, remember_copy):
        browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return session_copy, remember_copy


def opens_account(browser) -> bool:
    response = browser.get("/account")
    assert response.status_code in (200, 302), response.status_code
    return response.status_code == 200


def test_the_remember_cookie_is_lax_http_only_and_lasts_30_days(app, client):
    user = make_user()
    response = client.post(
        "/login", data={"email": user.email, "password": PASSWORD, "remember": "y"}
    )
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith(REMEMBER))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Max-Age=2592000" in cookie or "Expires=" in cookie
    # Neither cookie names the account: they name one login, which the server can end.
    assert str(user.id) != client.get_cookie(REMEMBER, domain="foi.test").value.split("|")[0]


def test_secure_remember_cookie_when_the_session_cookie_is_secure(database_url):
    from foi import create_app

    app = create_app("production", SECRET_KEY="k" * 64, SQLALCHEMY_DATABASE_URI=database_url)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert app.config["REMEMBER_COOKIE_SAMESITE"] == "Lax"


def test_logout_ends_copied_session_and_remember_cookies_on_another_host(app, client, other_host):
    user = make_user()
    sign_in(client, user)
    session_copy, remember_copy = copies(client, other_host)
    assert opens_account(session_copy) and opens_account(remember_copy)
    client.post("/logout")
    assert not opens_account(client)
    assert not opens_account(session_copy) and not opens_account(remember_copy)


def test_a_password_change_ends_every_copy_and_other_device_but_keeps_this_browser_in(
    app, client, other_host
):
    user = make_user()
    sign_in(client, user)
    session_copy, remember_copy = copies(client, other_host)
    laptop = sign_in(other_host.test_client(), user)
    assert opens_account(laptop) and opens_account(session_copy)
    response = client.post(
        "/account/password",
        data={
            "password-current_password": PASSWORD,
            "password-new_password": "a brand new one",
            "password-confirm": "a brand new one",
        },
    )
    assert response.status_code == 302
    assert opens_account(client)  # the person changing it carries on, with a new login
    assert not opens_account(laptop)
    assert not opens_account(session_copy) and not opens_account(remember_copy)
    # Still kept logged in: the new login has its own remember cookie.
    kept = other_host.test_client()
    kept.set_cookie(
        REMEMBER, client.get_cookie(REMEMBER, domain="foi.test").value, domain="foi.test"
    )
    assert opens_account(kept)


def test_a_password_reset_ends_every_login_of_the_account(app, client, other_host, mailed_link):
    user = make_user()
    sign_in(client, user)
    session_copy, remember_copy = copies(client, other_host)
    stranger = other_host.test_client()
    stranger.post("/reset", data={"email": user.email})
    link = mailed_link(user.email, "/reset/")
    response = stranger.post(
        link, data={"password": "reset password 1", "confirm": "reset password 1"}
    )
    assert response.status_code == 302
    assert not opens_account(client)
    assert not opens_account(session_copy) and not opens_account(remember_copy)
    assert opens_account(stranger)  # the reset signed in its own new login


def test_deactivation_by_an_administrator_ends_the_logins_on_every_host(app, client, other_host):
    agency = make_agency()
    officer = make_user("officer", agency)
    sign_in(client, officer)
    session_copy, remember_copy = copies(client, other_host)
    assert opens_account(session_copy)
    admin_browser = other_host.test_client()
    sign_in(admin_browser, make_user("admin"))
    assert admin_browser.post(f"/admin/users/{officer.id}/deactivate").status_code == 302
    assert not opens_account(client)
    assert not opens_account(session_copy) and not opens_account(remember_copy)
    db.session.expire_all()
    rows = db.session.scalars(select(UserSession).where(UserSession.user_id == officer.id))
    assert {row.end_reason for row in rows} == {"deactivated"}


def test_deleting_the_account_ends_its_logins_everywhere(app, client, other_host):
    user = make_user()
    sign_in(client, user)
    session_copy, remember_copy = copies(client, other_host)
    response = client.post(
        "/account/delete", data={"delete-password": PASSWORD, "delete-understood": "y"}
    )
    assert response.status_code == 302
    assert not opens_account(session_copy) and not opens_account(remember_copy)


def test_turning_on_the_second_factor_signs_out_the_other_devices(app, client, other_host):
    user = make_user()
    sign_in(client, user)
    session_copy, remember_copy = copies(client, other_host)
    laptop = sign_in(other_host.test_client(), user)
    page = client.get("/account/second-factor").get_data(as_text=True)
    secret = re.search(r'<code class="secret-key">([A-Z2-7 ]+)</code>', page).group(1)
    code = pyotp.TOTP(secret.replace(" ", "")).now()
    assert client.post("/account/second-factor/setup", data={"setup-code": code}).status_code == 200
    assert opens_account(client)
    assert not opens_account(laptop)
    assert not opens_account(session_copy) and not opens_account(remember_copy)


def test_the_account_page_lists_logins_and_signs_out_all_other_devices(app, client, other_host):
    user = make_user()
    sign_in(client, user)
    phone = other_host.test_client()
    phone.environ_base["HTTP_USER_AGENT"] = (
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
    )
    sign_in(phone, user, remember=False)
    page = client.get("/account").get_data(as_text=True)
    assert "Where you are signed in" in page and "Chrome, Android" in page
    assert page.count("(this device)") == 1
    response = client.post("/account/sessions/others/end", follow_redirects=True)
    assert "You are signed out on every other device." in response.get_data(as_text=True)
    assert opens_account(client) and not opens_account(phone)
    assert "Chrome, Android" not in client.get("/account").get_data(as_text=True)


def test_one_device_is_signed_out_from_the_list_and_no_one_else_s(app, client, other_host):
    user, other = make_user(), make_user()
    sign_in(client, user)
    phone = sign_in(other_host.test_client(), user, remember=False)
    someone = sign_in(other_host.test_client(), other, remember=False)
    theirs = db.session.scalar(select(UserSession.id).where(UserSession.user_id == other.id))
    client.post(f"/account/sessions/{theirs}/end")
    assert opens_account(someone)  # another account's login cannot be ended from mine
    mine = db.session.scalars(
        select(UserSession.id).where(UserSession.user_id == user.id).order_by(UserSession.id)
    ).all()
    client.post(f"/account/sessions/{mine[-1]}/end")
    assert not opens_account(phone) and opens_account(client)


def test_a_login_without_keep_me_logged_in_ends_after_the_idle_time(app, client):
    from datetime import timedelta

    from foi.models.base import utcnow

    user = make_user()
    sign_in(client, user, remember=False)
    assert opens_account(client)
    row = db.session.scalar(select(UserSession).where(UserSession.user_id == user.id))
    row.last_seen_at = utcnow() - timedelta(hours=app.config["SESSION_IDLE_HOURS"] + 1)
    db.session.commit()
    assert not opens_account(client)


def test_a_remembered_login_ends_after_its_30_days(app, client):
    from datetime import timedelta

    from foi.models.base import utcnow

    user = make_user()
    sign_in(client, user)
    row = db.session.scalar(select(UserSession).where(UserSession.user_id == user.id))
    row.last_seen_at = utcnow() - timedelta(hours=1)
    row.created_at = utcnow() - timedelta(days=29)
    db.session.commit()
    assert opens_account(client)
    row = db.session.scalar(select(UserSession).where(UserSession.user_id == user.id))
    row.created_at = utcnow() - timedelta(days=31)
    db.session.commit()
    assert not opens_account(client)
