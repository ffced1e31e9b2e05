"""One e-mail address given twice at the same moment: the second person gets the same answer.

The check before each use case cannot see an account committed a moment later by another
request; the database's unique index does. These tests let the check miss such an account, as
it would in that race, and expect the same error the check gives, with nothing half-written.
"""

import pytest
from flask_babel import lazy_gettext as _l

from foi.extensions import db
from foi.models import AccountEvent, User
from foi.services import account_page, accounts, staff
from foi.services.errors import DomainError
from tests.factories import PASSWORD, make_user


@pytest.fixture
def check_misses(monkeypatch):
    """Return a function making a module's check miss accounts, as in that race.

    In foi.services.accounts only the first look misses (the look after the database refused
    the insert is the real one); foi.services.staff's own looks miss every time.
    """
    real = accounts.user_by_email
    missed: list[str] = []

    def first_look_misses(email: str):
        if not missed:
            missed.append(email)
            return None
        return real(email)

    def arm(module=accounts) -> list[str]:
        monkeypatch.setattr(
            module, "user_by_email", first_look_misses if module is accounts else lambda email: None
        )
        return missed

    return arm


def _accounts() -> int:
    return db.session.query(User).count()


def test_registering_an_address_taken_a_moment_ago_answers_as_for_a_new_one(
    app, client, check_misses, mail_server
):
    """The race's loser is answered as anyone giving a taken address: the same redirect, and
    the owner's e-mail; nothing is written."""
    from foi.mail.delivery import deliver_pending
    from foi.models.base import utcnow

    make_user(email="aysel@example.org")
    before = _accounts()
    missed = check_misses()
    response = client.post(
        "/register",
        data={
            "display_name": "Aysel Məmmədova",
            "email": "Aysel@example.org",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 302 and response.location.endswith("/requests/new")
    assert missed == ["aysel@example.org"]
    assert _accounts() == before
    deliver_pending(utcnow())
    [note] = mail_server.to("aysel@example.org")
    assert note["Subject"] == "Someone tried to register with your e-mail address"


def test_creating_a_staff_account_for_a_taken_address_says_so(app, check_misses):
    admin = make_user("admin")
    make_user(email="officer@example.org")
    before = _accounts()
    check_misses(staff)
    with pytest.raises(DomainError) as error:
        staff.account_create(
            email="officer@example.org", display_name="Nigar", role="admin", password=PASSWORD
        )
    assert error.value.field == "email"
    with pytest.raises(DomainError) as error:
        staff.staff_invite(
            actor=admin, email="officer@example.org", display_name="Nigar", role="ombudsman"
        )
    assert error.value.field == "email"
    assert _accounts() == before
    assert db.session.query(AccountEvent).count() == 0  # no event of a failed creation


def test_an_address_change_confirmed_after_another_account_took_the_address_fails_cleanly(
    app, mailed_link, check_misses
):
    user = make_user(email="orxan@example.org")
    account_page.email_change_request(user=user, password=PASSWORD, new_email="new@example.org")
    token = mailed_link("new@example.org", "/account/email/").rsplit("/", 1)[1]
    make_user(email="new@example.org")  # someone else registered it in between
    missed = check_misses()

    with pytest.raises(DomainError) as error:
        account_page.email_change_confirm(token)
    assert error.value.message == _l("Another account uses this e-mail address.")
    assert missed == ["new@example.org"]
    db.session.expire_all()
    assert db.session.get(User, user.id).email == "orxan@example.org"
