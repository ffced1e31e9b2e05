"""Second factor: staff must set one up, the login asks for a code, codes work once."""

import re

import pyotp
import pytest
from sqlalchemy import func, select

from foi.extensions import db
from foi.mail.delivery import deliver_pending
from foi.models import AccountEvent, RecoveryCode, SecondFactor, TrustedDevice
from foi.models.base import utcnow
from tests.factories import PASSWORD, make_agency, make_user, totp_code

pytestmark = pytest.mark.db


def password_step(client, user, password=PASSWORD, **extra):
    client.post("/logout")
    return client.post("/login", data={"email": user.email, "password": password, **extra})


def code_step(client, code, remember=False):
    data = {"code": code, **({"remember_device": "y"} if remember else {})}
    return client.post("/login/second-factor", data=data)


def signed_in(client) -> bool:
    return client.get("/account").status_code == 200


def kinds(user) -> list[str]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(AccountEvent.kind)
            .where(AccountEvent.user_id == user.id)
            .order_by(AccountEvent.id)
        )
    )


def set_up(client, user) -> list[str]:
    """Go through the set-up page as a person with an authenticator app does; return codes."""
    page = client.get("/account/second-factor").get_data(as_text=True)
    secret = re.search(r'<code class="secret-key">([A-Z2-7 ]+)</code>', page).group(1)
    code = pyotp.TOTP(secret.replace(" ", "")).now()
    done = client.post("/account/second-factor/setup", data={"setup-code": code})
    assert done.status_code == 200, done.get_data(as_text=True)[:2000]
    assert done.headers["Cache-Control"] == "no-store"
    return re.findall(
        r"<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>", done.get_data(as_text=True)
    )


def test_staff_without_a_second_factor_set_it_up_before_anything_else_opens(app, client):
    officer = make_user("officer", make_agency(), second_factor=False)
    first = password_step(client, officer)
    assert first.location.endswith("/account/second-factor")
    for path in ("/officer/", "/account", "/documents/review", "/admin/"):
        response = client.get(path)
        assert response.status_code == 303 and response.location.endswith(
            "/account/second-factor"
        ), path
    assert client.post("/account/profile", data={}).status_code == 303

    page = client.get("/account/second-factor").get_data(as_text=True)
    assert "<svg" in page and 'role="img"' in page  # the QR code, inline: no script, no request
    assert "otpauth://totp/" in page
    wrong = client.post("/account/second-factor/setup", data={"setup-code": "000000"})
    assert wrong.status_code == 422
    assert "This code is not right" in wrong.get_data(as_text=True)

    codes = set_up(client, officer)
    assert len(codes) == len(set(codes)) == 10
    # Only argon2 hashes are kept, never the codes.
    stored = db.session.scalars(
        select(RecoveryCode.code_hash).where(RecoveryCode.user_id == officer.id)
    ).all()
    assert len(stored) == 10 and all(h.startswith("$argon2") for h in stored)
    assert not {c.replace("-", "") for c in codes} & set(stored)
    assert client.get("/officer/").status_code == 200
    assert kinds(officer) == ["second_factor_enabled"]


def test_the_password_alone_does_not_sign_in_and_a_code_works_once(app, client):
    officer = make_user("officer", make_agency())
    response = password_step(client, officer)
    assert response.location.endswith("/login/second-factor")
    assert not signed_in(client)
    assert client.get("/officer/").status_code in (302, 404)

    code = totp_code(officer)
    assert code_step(client, code).status_code == 302
    assert signed_in(client)

    # The same code, seen over a shoulder a moment later, is refused.
    password_step(client, officer)
    again = code_step(client, code)
    assert again.status_code == 422
    assert "used already" in again.get_data(as_text=True)
    assert not signed_in(client)


def test_the_code_page_without_the_password_step_sends_back_to_login(app, client):
    response = code_step(client, "123456")
    assert response.status_code == 302 and response.location.endswith("/login")


def test_wrong_codes_are_throttled_and_the_password_does_not_reset_the_count(app, client):
    officer = make_user("officer", make_agency())
    for attempt in range(5):
        if attempt % 2 == 0:
            password_step(client, officer)  # a right password clears only password failures
        assert code_step(client, "000000").status_code == 422
    password_step(client, officer)
    refused = code_step(client, totp_code(officer))
    assert "Too many wrong codes. Wait 15 minutes" in refused.get_data(as_text=True)
    assert not signed_in(client)


def test_a_recovery_code_opens_the_account_once_and_is_recorded(app, client):
    citizen = make_user("citizen")
    password_step(client, citizen)
    codes = set_up(client, citizen)
    password_step(client, citizen)
    response = code_step(client, codes[3].upper().replace("-", " "))
    assert response.status_code == 302
    assert "9 left" in client.get("/account").get_data(as_text=True)
    password_step(client, citizen)
    assert code_step(client, codes[3]).status_code == 422
    assert kinds(citizen) == ["second_factor_enabled", "recovery_code_used"]


def test_a_remembered_device_skips_the_code_until_the_password_changes(app, client):
    officer = make_user("officer", make_agency())
    password_step(client, officer)
    done = code_step(client, totp_code(officer), remember=True)
    header = next(h for h in done.headers.getlist("Set-Cookie") if "foi_device_" in h)
    assert "HttpOnly" in header and "SameSite=Lax" in header and "Path=/login" in header
    # Only a hash of the token is stored.
    token_hash = db.session.scalar(select(TrustedDevice.token_hash))
    assert token_hash and token_hash not in header

    assert password_step(client, officer).location.endswith("/officer/")
    assert signed_in(client)

    # The cookie names its account: another account with the same cookie value still asks.
    other = make_user("officer", make_agency())
    value = re.search(r"foi_device_\d+=([^;]+)", header).group(1)
    client.set_cookie(f"foi_device_{other.id}", value, domain="foi.test", path="/login")
    assert password_step(client, other).location.endswith("/login/second-factor")
    # A cookie whose signature was tampered with is worthless too.
    name = f"foi_device_{officer.id}"
    client.set_cookie(name, value[:-4] + "AAAA", domain="foi.test", path="/login")
    assert password_step(client, officer).location.endswith("/login/second-factor")
    client.set_cookie(name, value, domain="foi.test", path="/login")

    # A new password forgets every remembered device.
    assert password_step(client, officer).location.endswith("/officer/")
    changed = client.post(
        "/account/password",
        data={
            "password-current_password": PASSWORD,
            "password-new_password": "a brand new password",
            "password-confirm": "a brand new password",
        },
    )
    assert changed.status_code == 302
    assert db.session.scalar(select(func.count(TrustedDevice.id))) == 0
    again = password_step(client, officer, password="a brand new password")
    assert again.location.endswith("/login/second-factor")


def test_a_reset_link_does_not_skip_the_second_factor(app, client, mailed_link):
    officer = make_user("officer", make_agency())
    client.post("/reset", data={"email": officer.email})
    link = mailed_link(officer.email, "/reset/")
    response = client.post(
        link, data={"password": "new password 123", "confirm": "new password 123"}
    )
    assert response.location.endswith("/login/second-factor")
    assert not signed_in(client)
    assert code_step(client, totp_code(officer)).status_code == 302
    assert signed_in(client)


def test_an_administrator_resets_a_second_factor_on_record_and_the_owner_is_told(
    app, client, login, mail_server
):
    agency = make_agency()
    officer = make_user("officer", agency, locale="ru")
    admin = make_user("admin")
    login(officer)
    # Not an administrator: the page does not exist for them.
    assert client.post(f"/admin/users/{officer.id}/second-factor/reset").status_code == 404

    login(admin)
    page = client.get(f"/admin/users/{officer.id}").get_data(as_text=True)
    # The page is about the officer, not the administrator looking at it.
    assert f"<h1>{officer.display_name}</h1>" in page and officer.email in page
    assert "Reset the second factor" in page
    done = client.post(f"/admin/users/{officer.id}/second-factor/reset")
    assert done.status_code == 302
    assert db.session.scalar(select(SecondFactor).where(SecondFactor.user_id == officer.id)) is None
    event = db.session.scalars(select(AccountEvent).where(AccountEvent.user_id == officer.id)).one()
    assert (event.kind, event.actor_id) == ("second_factor_reset", admin.id)
    assert "Second factor reset by an administrator" in client.get(
        f"/admin/users/{officer.id}"
    ).get_data(as_text=True)
    deliver_pending(utcnow())
    (message,) = mail_server.to(officer.email)
    assert message["Subject"] == "Второй фактор вашей учётной записи foi сброшен"

    # The owner sets up a new one at their next login.
    assert password_step(client, officer).location.endswith("/account/second-factor")


def test_citizens_may_turn_it_on_and_off_and_the_roles_are_configurable(app, client, monkeypatch):
    citizen = make_user("citizen")
    password_step(client, citizen)
    assert client.get("/my/requests").status_code == 200  # not required for citizens
    set_up(client, citizen)
    assert password_step(client, citizen).location.endswith("/login/second-factor")
    assert code_step(client, totp_code(citizen)).status_code == 302
    off = client.post("/account/second-factor/disable", data={"disable-password": PASSWORD})
    assert off.status_code == 302
    assert password_step(client, citizen).location.endswith("/my/requests")

    monkeypatch.setitem(app.config, "TWO_FACTOR_REQUIRED_ROLES", ("admin",))
    officer = make_user("officer", make_agency(), second_factor=False)
    assert password_step(client, officer).location.endswith("/officer/")
    assert client.get("/officer/").status_code == 200


def test_staff_cannot_turn_off_the_second_factor_their_role_requires(app, client, login):
    officer = make_user("officer", make_agency())
    login(officer)
    response = client.post("/account/second-factor/disable", data={"disable-password": PASSWORD})
    assert "Your role must sign in with a second factor." in response.get_data(as_text=True)
    assert db.session.scalar(select(SecondFactor).where(SecondFactor.user_id == officer.id))


def test_a_code_accepted_by_one_worker_is_refused_by_another(app, client, database_url):
    from foi import create_app

    officer = make_user("officer", make_agency())
    other_worker = create_app(
        "testing", SQLALCHEMY_DATABASE_URI=database_url, UPLOAD_DIR=app.config["UPLOAD_DIR"]
    ).test_client()
    code = totp_code(officer)
    for browser in (client, other_worker):
        browser.post("/login", data={"email": officer.email, "password": PASSWORD})
    assert code_step(client, code).status_code == 302
    # The step used lives in the database, not in the first worker's memory.
    assert code_step(other_worker, code).status_code == 422


def test_a_half_done_login_dies_when_the_password_changes_meanwhile(app, client):
    from foi.services.accounts import hash_password

    officer = make_user("officer", make_agency())
    password_step(client, officer)
    officer.password_hash = hash_password("changed on another device")
    db.session.commit()
    response = code_step(client, totp_code(officer))
    assert response.status_code == 302 and response.location.endswith("/login")
    assert not signed_in(client)
