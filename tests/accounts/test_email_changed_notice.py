"""The old address is told when the account's address changes, so that a takeover is noticed."""

from datetime import UTC, datetime

import pytest

from foi.mail.delivery import deliver_pending
from foi.models.base import utcnow
from foi.services import account_page
from tests.factories import PASSWORD, make_user

SUBJECT = {
    "en": "The e-mail address of your foi account was changed",
    "az": "foi hesabınızın e-poçt ünvanı dəyişdirildi",
}
IF_NOT_YOU = {
    "en": "Tell the site's administrators at once",
    "az": "Dərhal saytın inzibatçılarına bildirin",
}


def _change_address(client, login, mailed_link, user, new_email: str) -> None:
    """Ask for ``new_email`` on the account page and open the link mailed there."""
    login(user)
    client.post("/account/email", data={"email-email": new_email, "email-password": PASSWORD})
    assert client.get(mailed_link(new_email, "/account/email/")).status_code == 302


@pytest.mark.parametrize("locale", ["en", "az"])
def test_the_old_address_is_told_in_the_owners_language_without_the_new_address(
    app, client, login, mailed_link, mail_server, locale
):
    user = make_user(email="leyla@old.example", display_name="Leyla Həsənova", locale=locale)
    _change_address(client, login, mailed_link, user, "cavid.new@example.org")

    deliver_pending(utcnow())
    [notice] = mail_server.to("leyla@old.example")
    body = notice.get_content()
    assert notice["Subject"] == SUBJECT[locale]
    assert "Leyla Həsənova" in body
    assert "c•••@example.org" in body
    assert IF_NOT_YOU[locale] in body
    whole = str(notice)
    assert "cavid.new" not in whole and "cavid.new" not in body
    # The new address gets its confirmation link only, not the notice.
    assert [
        m["Subject"]
        for m in mail_server.to("cavid.new@example.org")
        if m["Subject"] == SUBJECT[locale]
    ] == []
    assert len(mail_server.to("cavid.new@example.org")) == 1


@pytest.mark.parametrize(
    ("locale", "when"),
    [
        ("en", "10 March 2025, 12:05:00"),
        ("az", "10 mart 2025 12:05:00"),
    ],
)
def test_the_notice_gives_the_time_of_the_change_in_baku(
    app, mailed_link, mail_server, locale, when
):
    user = make_user(email="orxan@old.example", locale=locale)
    account_page.email_change_request(user=user, password=PASSWORD, new_email="new@example.org")
    token = mailed_link("new@example.org", "/account/email/").rsplit("/", 1)[1]
    # 08:05 UTC is 12:05 in Baku (UTC+4 all year).
    account_page.email_change_confirm(token, now=datetime(2025, 3, 10, 8, 5, tzinfo=UTC))

    deliver_pending(utcnow())
    body = mail_server.to("orxan@old.example")[0].get_content()
    assert when in body and "12:05" in body and "08:05" not in body


def test_confirming_twice_sends_one_notice(app, client, login, mailed_link, mail_server):
    user = make_user(email="nigar@old.example")
    _change_address(client, login, mailed_link, user, "nigar@new.example")
    link = mailed_link("nigar@new.example", "/account/email/")
    client.get(link)  # spent: the address is no longer the one the link was sent from

    deliver_pending(utcnow())
    assert len(mail_server.to("nigar@old.example")) == 1


@pytest.mark.parametrize(
    ("locale", "line"),
    [
        ("en", "The administrators' address: help@foi.example.az"),
        ("ru", "Адрес администраторов: help@foi.example.az"),
    ],
)
def test_the_notice_gives_the_administrators_address_when_the_site_has_one(
    app, client, login, mailed_link, mail_server, monkeypatch, locale, line
):
    first = make_user(email="aynur@old.example", locale=locale)
    _change_address(client, login, mailed_link, first, "aynur@new.example")
    monkeypatch.setitem(app.config, "ADMIN_CONTACT", "help@foi.example.az")
    second = make_user(email="samir@old.example", locale=locale)
    _change_address(client, login, mailed_link, second, "samir@new.example")

    deliver_pending(utcnow())
    without = mail_server.to("aynur@old.example")[0].get_content()
    assert "help@foi.example.az" not in without and line.split(":")[0] not in without
    assert line in mail_server.to("samir@old.example")[0].get_content()
