"""Passkeys stand in for the code at login: added after the second factor, checked for real.

The device is tests/accounts/soft_passkey.py (an EC key answering as browsers relay it); the
server checks with py_webauthn exactly what a browser's answer would be checked with.
"""

import pytest
from sqlalchemy import select

from foi.extensions import db
from foi.models import AccountEvent, LoginAttempt, Passkey
from foi.models.base import utcnow
from foi.services.remembered_devices import device_cookie_name
from foi.services.second_factor import second_factor_reset
from tests.accounts.soft_passkey import SoftPasskey
from tests.factories import PASSWORD, TOTP_SECRET, make_user

SITE = "https://foi.example.az"


@pytest.fixture
def site(app, monkeypatch):
    monkeypatch.setitem(app.config, "SITE_URL", SITE)
    return SoftPasskey(SITE, "foi.example.az")


def _add(client, device, label="Telefonum"):
    options = client.post("/account/passkeys/options", json={}).get_json()
    answer = {"credential": device.create(options), "label": label}
    return client.post("/account/passkeys", json=answer)


def _password_step(client, user):
    client.post("/logout")
    server = client.application.config["SERVER_NAME"] or "localhost"
    client.delete_cookie(device_cookie_name(user), domain=server, path="/login")  # not remembered
    answer = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert answer.location.endswith("/login/second-factor")


def _sign_in_with(client, device, **answer):
    options = client.post("/login/second-factor/passkey/options", json={}).get_json()
    signed = {"credential": device.get(options, **answer)}
    return client.post("/login/second-factor/passkey", json=signed)


def test_an_officer_adds_a_passkey_and_signs_in_with_it_instead_of_a_code(site, client, login):
    officer = make_user("officer", None)
    login(officer)
    page = client.get("/account/second-factor").text
    assert "Add a passkey" in page and "js/passkeys.js" in page

    added = _add(client, site)
    assert added.status_code == 200
    assert added.get_json()["redirect"].endswith("/account/second-factor")
    assert "Telefonum" in client.get("/account/second-factor").text
    kinds = db.session.scalars(select(AccountEvent.kind).where(AccountEvent.user_id == officer.id))
    assert "passkey_added" in list(kinds)  # in the account's history

    _password_step(client, officer)
    assert "Use a passkey" in client.get("/login/second-factor").text
    signed_in = _sign_in_with(client, site)
    assert signed_in.status_code == 200, signed_in.get_json()
    assert client.get("/account").status_code == 200  # signed in: the account page opens
    assert db.session.scalar(select(Passkey.last_used_at)) is not None


def test_a_cloned_key_a_wrong_site_and_a_replayed_answer_are_refused_and_counted(
    site, client, login
):
    officer = make_user("officer", None)
    login(officer)
    _add(client, site)
    _password_step(client, officer)
    assert _sign_in_with(client, site).status_code == 200

    _password_step(client, officer)
    cloned = _sign_in_with(client, site, count=1)  # the counter did not move on
    assert cloned.status_code == 422 and "Type a code instead" in cloned.get_json()["detail"]
    phished = _sign_in_with(client, site, origin="https://foi-example.az.evil.test")
    assert phished.status_code == 422
    options = client.post("/login/second-factor/passkey/options", json={}).get_json()
    answer = site.get(options)
    signed_in = client.post("/login/second-factor/passkey", json={"credential": answer})
    assert signed_in.status_code == 200
    _password_step(client, officer)
    client.post("/login/second-factor/passkey/options", json={})
    replayed = client.post("/login/second-factor/passkey", json={"credential": answer})
    assert replayed.status_code == 422  # a new challenge was asked: the old answer is worthless
    key = f"2fa:{officer.id}"
    failures = db.session.scalars(select(LoginAttempt).where(LoginAttempt.email == key)).all()
    assert len(failures) == 1  # the successful login in between wiped the earlier two


def test_without_the_password_step_or_the_second_factor_there_is_no_passkey(site, client, login):
    officer = make_user("officer", None)
    assert client.post("/login/second-factor/passkey/options", json={}).status_code == 404
    citizen = make_user("citizen")  # no second factor turned on
    login(citizen)
    refused = client.post("/account/passkeys/options", json={})
    assert refused.status_code == 422 and "authenticator app first" in refused.get_json()["detail"]
    login(officer)
    another = SoftPasskey(SITE, "foi.example.az")
    _add(client, another)
    stranger = make_user("officer", None)
    _password_step(client, stranger)  # a passkey of someone else's account opens nothing
    assert client.post("/login/second-factor/passkey/options", json={}).status_code == 404


def test_removing_needs_the_password_and_a_reset_removes_them_all(site, client, login):
    officer = make_user("officer", None, locale="az")
    login(officer)
    _add(client, site)
    [passkey] = db.session.scalars(select(Passkey)).all()
    wrong = client.post(f"/account/passkeys/{passkey.id}/remove", data={"remove-password": "x"})
    assert wrong.status_code == 422 and "Bu, hazırkı şifrəniz deyil." in wrong.text
    assert db.session.scalar(select(Passkey.id)) == passkey.id
    other = make_user("officer", None)
    login(other)
    remove = f"/account/passkeys/{passkey.id}/remove"
    theirs = client.post(remove, data={"remove-password": PASSWORD})
    assert theirs.status_code == 404

    login(officer)
    removed = client.post(remove, data={"remove-password": PASSWORD})
    assert removed.status_code == 302 and db.session.scalar(select(Passkey.id)) is None
    _add(client, SoftPasskey(SITE, "foi.example.az"))
    second_factor_reset(actor=make_user("admin"), user_id=officer.id)
    assert db.session.scalar(select(Passkey.id)) is None


def test_a_site_reached_by_its_ip_address_offers_no_passkeys(app, client, login, monkeypatch):
    monkeypatch.setitem(app.config, "SITE_URL", "http://127.0.0.1:5000")
    login(make_user("officer", None))
    assert "Add a passkey" not in client.get("/account/second-factor").text
    assert client.post("/account/passkeys/options", json={}).status_code == 404


def test_a_deleted_account_keeps_no_second_factor_and_no_passkey(site, client, login):
    from foi.models import RecoveryCode, SecondFactor
    from foi.services.account_deletion import account_delete
    from foi.services.recovery_codes import recovery_codes_set

    citizen = make_user("citizen")
    db.session.add(SecondFactor(user_id=citizen.id, secret=TOTP_SECRET, confirmed_at=utcnow()))
    db.session.commit()
    recovery_codes_set(citizen, ["code0-00000"])
    login(citizen)
    assert _add(client, site).status_code == 200

    account_delete(user=citizen, password=PASSWORD)

    for model in (SecondFactor, RecoveryCode, Passkey):
        assert db.session.scalars(select(model).where(model.user_id == citizen.id)).all() == []
