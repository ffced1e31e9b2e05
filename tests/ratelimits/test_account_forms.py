"""Login, registration and password reset answer 429 past their limits, keeping the form."""

import pytest

from foi.mail.delivery import deliver_pending
from foi.models.base import utcnow
from tests.factories import make_user

ADDRESS = {"REMOTE_ADDR": "203.0.113.9"}
WAIT = {
    "en": "You have done this too many times in a short while. Try again in",
    "az": "Bunu qısa müddətdə çox dəfə etdiniz. Yenidən cəhd edin:",
    "ru": "Вы сделали это слишком много раз за короткое время. Попробуйте снова через",
}


def _register(client, n: int, lang: str = "en"):
    return client.post(
        "/register",
        data={
            "display_name": "Flood Person",
            "email": f"flood{n}@example.org",
            "password": "long enough password",
            "confirm": "long enough password",
        },
        environ_base=ADDRESS,
        headers={"Accept-Language": lang},
    )


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_registration_past_the_limit_is_refused_with_the_form_kept(app, client, limits_on, lang):
    limits_on(register__address="3/hour")
    for n in range(3):
        assert _register(client, n, lang).status_code == 302
        client.post("/logout")
    page = _register(client, 99, lang)
    text = page.get_data(as_text=True)
    assert page.status_code == 429
    assert 3000 < int(page.headers["Retry-After"]) <= 3600
    assert WAIT[lang] in text
    assert 'value="flood99@example.org"' in text and 'value="Flood Person"' in text
    from foi.services.accounts import user_by_email

    assert user_by_email("flood99@example.org") is None


def test_another_address_is_not_limited_by_the_first(app, client, limits_on):
    limits_on(register__address="1/hour")
    assert _register(client, 1).status_code == 302
    client.post("/logout")
    assert _register(client, 2).status_code == 429
    other = client.post(
        "/register",
        data={
            "display_name": "Someone Else",
            "email": "else@example.org",
            "password": "long enough password",
            "confirm": "long enough password",
        },
        environ_base={"REMOTE_ADDR": "198.51.100.20"},
    )
    assert other.status_code == 302


def test_login_past_the_limit_is_refused_without_checking_the_password(app, client, limits_on):
    limits_on(login__address="4/hour")
    user = make_user()
    for _ in range(4):
        client.post(
            "/login", data={"email": user.email, "password": "wrong guess!"}, environ_base=ADDRESS
        )
    page = client.post(
        "/login",
        data={"email": user.email, "password": "correct horse battery"},
        environ_base=ADDRESS,
    )
    assert page.status_code == 429
    assert int(page.headers["Retry-After"]) > 0
    text = page.get_data(as_text=True)
    assert WAIT["en"] in text
    assert f'value="{user.email}"' in text
    with client.session_transaction() as session:
        assert "_user_id" not in session


def test_reset_past_the_address_limit_is_refused(app, client, limits_on):
    limits_on(reset__address="2/hour", mail__recipient="10/hour")
    for n in range(2):
        page = client.post("/reset", data={"email": f"x{n}@example.org"}, environ_base=ADDRESS)
        assert page.status_code == 302
    page = client.post("/reset", data={"email": "typed@example.org"}, environ_base=ADDRESS)
    assert page.status_code == 429
    assert "Retry-After" in page.headers
    assert 'value="typed@example.org"' in page.get_data(as_text=True)


def test_reset_mails_to_one_address_stop_after_three_but_the_page_answers_the_same(
    app, client, limits_on, mail_server
):
    from foi.ratelimits import mail_allowed

    limits_on(reset__address="100/hour")  # the default of 3 e-mails per address and hour
    user = make_user()

    def ask(n: int):
        page = client.post(
            "/reset",
            data={"email": user.email.upper()},  # however it is typed
            environ_base={"REMOTE_ADDR": f"198.51.100.{n}"},  # from many places
            follow_redirects=True,
        )
        return page.status_code, "we sent it a link" in page.get_data(as_text=True)

    assert ask(1) == (200, True)
    deliver_pending(utcnow())
    assert len(mail_server.to(user.email)) == 1
    # Two more reset or confirmation e-mails went to the address earlier this hour.
    assert mail_allowed(user.email) and mail_allowed(user.email)
    assert [ask(n) for n in range(2, 6)] == [(200, True)] * 4
    deliver_pending(utcnow())
    assert len(mail_server.to(user.email)) == 1


def test_limits_are_off_unless_configured(app, client):
    user = make_user()
    for _ in range(8):
        assert client.post("/reset", data={"email": user.email}).status_code == 302
