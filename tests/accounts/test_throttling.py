"""Login throttling: password guessing is refused for a while, counted in the database."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from foi.extensions import db
from foi.models import LoginAttempt
from foi.models.base import utcnow
from foi.services import accounts, login_throttle
from tests.factories import PASSWORD, make_user


def _fail(client, email: str, n: int, ip: str = "203.0.113.5"):
    for _ in range(n):
        page = client.post(
            "/login",
            data={"email": email, "password": "wrong guess!"},
            environ_base={"REMOTE_ADDR": ip},
        )
        assert "The e-mail or password is not right." in page.get_data(as_text=True)


def test_five_failures_lock_the_address_even_for_the_right_password(app, client):
    user = make_user(email="victim@example.org")
    _fail(client, "Victim@example.org", 5)
    page = client.post(
        "/login",
        data={"email": "victim@example.org", "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "198.51.100.7"},
    )
    text = page.get_data(as_text=True)
    assert page.status_code == 422
    assert "Too many failed attempts to log in. Wait 15 minutes" in text
    assert 'value="victim@example.org"' in text  # the form keeps what was typed
    assert accounts.user_by_email(user.email) is not None


def test_an_unknown_address_is_locked_the_same_way(app, client):
    _fail(client, "ghost@example.org", 5)
    page = client.post("/login", data={"email": "ghost@example.org", "password": "x" * 12})
    assert "Too many failed attempts to log in" in page.get_data(as_text=True)


def test_lockout_ends_fifteen_minutes_after_the_last_failure(app):
    user = make_user()
    start = utcnow() - timedelta(minutes=20)
    for minute in range(5):
        assert (
            login_throttle.login_attempt(
                email=user.email,
                password="wrong guess!",
                ip="1.2.3.4",
                now=start + timedelta(minutes=minute),
            )
            is None
        )
    with pytest.raises(login_throttle.LoginThrottled) as refused:
        login_throttle.login_attempt(
            email=user.email, password=PASSWORD, ip="1.2.3.4", now=start + timedelta(minutes=18)
        )
    assert refused.value.until == start + timedelta(minutes=19)
    assert (
        login_throttle.login_attempt(
            email=user.email, password=PASSWORD, ip="1.2.3.4", now=start + timedelta(minutes=19)
        )
        is not None
    )


def test_four_failures_then_success_clears_the_count(app, client, login):
    user = make_user()
    _fail(client, user.email, 4)
    login(user)  # the fifth attempt succeeds
    _fail(client, user.email, 4)
    client.post("/logout")
    login(user)
    assert (
        db.session.scalar(
            select(func.count()).select_from(LoginAttempt).where(LoginAttempt.email == user.email)
        )
        == 0
    )


def test_failures_spread_over_more_than_the_window_do_not_lock(app):
    user = make_user()
    start = utcnow() - timedelta(hours=1)
    for minute in (0, 4, 8, 12, 16):
        login_throttle.login_attempt(
            email=user.email,
            password="wrong guess!",
            ip="1.2.3.4",
            now=start + timedelta(minutes=minute),
        )
    assert (
        login_throttle.login_attempt(
            email=user.email, password=PASSWORD, ip="1.2.3.4", now=start + timedelta(minutes=17)
        )
        is not None
    )


def test_twenty_failures_from_one_ip_lock_every_address_from_it(app, client):
    user = make_user()
    for n in range(5):
        _fail(client, f"guess{n}@example.org", 4, ip="192.0.2.66")
    page = client.post(
        "/login",
        data={"email": user.email, "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "192.0.2.66"},
    )
    assert "Too many failed attempts to log in" in page.get_data(as_text=True)
    # The same person from another address is let in.
    page = client.post(
        "/login",
        data={"email": user.email, "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "192.0.2.67"},
    )
    assert page.status_code == 302


def test_old_failures_are_pruned_by_the_next_failure(app):
    old = utcnow() - timedelta(hours=2)
    login_throttle.login_attempt(
        email="a@example.org", password="wrong guess!", ip="1.2.3.4", now=old
    )
    login_throttle.login_attempt(email="b@example.org", password="wrong guess!", ip="1.2.3.4")
    assert db.session.scalars(select(LoginAttempt.email)).all() == ["b@example.org"]


def test_the_refusal_is_in_the_readers_language(app, client):
    _fail(client, "someone@example.org", 5)
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ru"
    page = client.post(
        "/login",
        data={"email": "someone@example.org", "password": "x" * 12},
        environ_base={"REMOTE_ADDR": "203.0.113.5"},
    )
    assert "15 минут" in page.get_data(as_text=True)
