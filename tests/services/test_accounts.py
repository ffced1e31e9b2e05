"""Registration, e-mail confirmation, login and password reset, with real e-mail."""

import re

from foi.mail.delivery import deliver_pending
from foi.models.base import utcnow
from foi.services import accounts
from tests.factories import PASSWORD, make_user


def _link(mail_server, address: str, path: str) -> str:
    deliver_pending(utcnow())
    bodies = [m.get_content() for m in mail_server.to(address)]
    links = [u for b in bodies for u in re.findall(r"https?://\S+", b) if path in u]
    assert links, bodies
    return links[-1].split("foi.test", 1)[1]


def test_registration_sends_a_link_that_confirms_the_address(app, client, mail_server):
    response = client.post(
        "/register",
        data={
            "display_name": "Rəşad Əliyev",
            "email": "Rashad@Example.org",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = accounts.user_by_email("rashad@example.org")
    assert user.email == "rashad@example.org" and user.email_confirmed_at is None
    assert user.password_hash.startswith("$argon2")

    client.get(_link(mail_server, "rashad@example.org", "/confirm/"))
    assert accounts.user_by_email("rashad@example.org").email_confirmed_at is not None


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(app, client):
    user = make_user()
    page = client.post("/login", data={"email": user.email, "password": "wrong password!"})
    assert page.status_code == 422
    assert "The e-mail or password is not right." in page.get_data(as_text=True)
    page = client.post("/login", data={"email": "nobody@example.org", "password": "whatever12"})
    assert "The e-mail or password is not right." in page.get_data(as_text=True)


def test_password_reset_link_sets_a_new_password_once(app, client, mail_server):
    user = make_user(email="forgot@example.org")
    client.post("/reset", data={"email": "forgot@example.org"})
    link = _link(mail_server, "forgot@example.org", "/reset/")

    assert (
        client.post(
            link, data={"password": "a new long password", "confirm": "a new long password"}
        ).status_code
        == 302
    )
    assert accounts.user_authenticate(user.email, "a new long password") is not None
    assert accounts.user_authenticate(user.email, PASSWORD) is None
    # The link dies with the old password.
    page = client.post(link, data={"password": "another password!", "confirm": "another password!"})
    assert "invalid or has expired" in page.get_data(as_text=True)


def test_reset_for_an_unknown_address_reveals_nothing_on_the_page(app, client, mail_server):
    response = client.post("/reset", data={"email": "ghost@example.org"}, follow_redirects=True)
    assert "If an account uses this address" in response.get_data(as_text=True)
    deliver_pending(utcnow())
    # Only the mailbox's owner learns there is no account (and gets no reset link).
    [note] = mail_server.to("ghost@example.org")
    assert "/reset/" not in note.get_content()
