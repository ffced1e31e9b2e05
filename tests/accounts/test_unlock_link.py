"""A locked login e-mails its owner a link that lifts the lock at once (issue 16)."""

import re
from datetime import timedelta

import pytest

from foi.mail.delivery import deliver_pending
from foi.models import AccountEvent
from foi.models.base import utcnow
from foi.services import login_throttle
from foi.services.errors import DomainError
from tests.factories import PASSWORD, make_user


def _fail(client, email: str, n: int):
    for _ in range(n):
        client.post("/login", data={"email": email, "password": "wrong guess!"})


def _login(client, email: str = "owner@example.org"):
    return client.post("/login", data={"email": email, "password": PASSWORD})


def _unlock_mails(mail_server, address="owner@example.org"):
    deliver_pending(utcnow())
    return [m for m in mail_server.to(address) if "/login/unlock/" in m.get_content()]


def _link(message) -> str:
    url = re.search(r"https?://\S+/login/unlock/\S+", message.get_content()).group(0)
    return url.split("foi.test", 1)[1]


def test_the_owner_unlocks_the_login_from_the_e_mail_and_logs_in(app, client, mail_server):
    owner = make_user(email="owner@example.org")
    _fail(client, "owner@example.org", 4)
    assert not _unlock_mails(mail_server)  # not locked yet: no e-mail
    _fail(client, "owner@example.org", 1)
    assert "Too many failed attempts" in _login(client).get_data(as_text=True)
    [mail] = _unlock_mails(mail_server)
    assert "15 minutes" in mail["Subject"]
    link = _link(mail)
    # Opening the link shows a button: a mail scanner that follows links unlocks nothing.
    page = client.get(link).get_data(as_text=True)
    assert "Unlock and log in" in page
    assert "Too many failed attempts" in _login(client).get_data(as_text=True)
    page = client.post(link, follow_redirects=True).get_data(as_text=True)
    assert "Your login is unlocked" in page
    assert _login(client).status_code == 302
    events = app.extensions["sqlalchemy"].session.query(AccountEvent).filter_by(user_id=owner.id)
    assert "login_unlocked" in [e.kind for e in events]


def test_the_link_works_once(app, client, mail_server):
    make_user(email="owner@example.org")
    _fail(client, "owner@example.org", 5)
    link = _link(_unlock_mails(mail_server)[0])
    client.post(link)
    page = client.post(link, follow_redirects=True).get_data(as_text=True)
    assert "This unlock link was already used or has expired." in page
    # Nor does it lift a later lock: that one has a link of its own.
    _fail(client, "owner@example.org", 5)
    assert "already used" in client.post(link, follow_redirects=True).get_data(as_text=True)
    assert "Too many failed attempts" in _login(client).get_data(as_text=True)
    assert len(_unlock_mails(mail_server)) == 2


def test_the_link_dies_with_the_lock_and_a_forged_one_never_works(app, client, mail_server):
    make_user(email="owner@example.org")
    _fail(client, "owner@example.org", 5)
    token = _link(_unlock_mails(mail_server)[0]).rsplit("/", 1)[1]
    with pytest.raises(DomainError):
        login_throttle.login_unlock(token, now=utcnow() + timedelta(minutes=16))
    with pytest.raises(DomainError):
        login_throttle.login_unlock(token[:-3] + "abc")
    login_throttle.login_unlock(token)  # still valid now


def test_an_address_without_an_account_gets_no_e_mail(app, client, mail_server):
    _fail(client, "nobody@example.org", 6)
    deliver_pending(utcnow())
    assert not mail_server.to("nobody@example.org")


def test_the_e_mail_is_in_the_owners_language(app, client, mail_server):
    make_user(email="owner@example.org", locale="az")
    _fail(client, "owner@example.org", 5)
    [mail] = _unlock_mails(mail_server)
    assert "bloklandı" in mail["Subject"] and "dəqiqə" in mail.get_content()
