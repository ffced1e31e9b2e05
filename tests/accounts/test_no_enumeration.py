"""Nobody learns from the registration or reset forms which addresses have accounts.

A taken address is answered exactly as a new one (the owner is told by e-mail), and a reset
for an address without an account is answered, and queued in the outbox, as one with.
"""

from sqlalchemy import func, select

from foi.extensions import db
from foi.mail.delivery import deliver_pending
from foi.models import OutboxMessage, User
from foi.models.base import utcnow
from tests.factories import PASSWORD, make_user


def _register(app, email: str, name: str = "Aysel Məmmədova"):
    browser = app.test_client()  # a fresh browser each time: nothing carried between tries
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return browser.post(
        "/register",
        data={"display_name": name, "email": email, "password": PASSWORD, "confirm": PASSWORD},
    )


def _same_answer(first, second) -> None:
    assert first.status_code == second.status_code == 302
    assert first.location == second.location
    assert first.get_data() == second.get_data()


def test_registering_a_taken_address_answers_as_a_new_one_and_tells_its_owner(app, mail_server):
    owner = make_user(email="taken@example.org", display_name="Günel Əliyeva")
    before = db.session.scalar(select(func.count(User.id)))
    taken = _register(app, "Taken@example.org", name="Someone Else")
    new = _register(app, "new@example.org")
    _same_answer(taken, new)
    db.session.expire_all()
    assert db.session.scalar(select(func.count(User.id))) == before + 1  # only the new one
    assert db.session.get(User, owner.id).display_name == "Günel Əliyeva"  # nothing changed
    deliver_pending(utcnow())
    [note] = mail_server.to("taken@example.org")
    assert note["Subject"] == "Someone tried to register with your e-mail address"
    body = note.get_content()
    assert "Hello Günel Əliyeva" in body and "No new account was made" in body
    assert "/reset" in body and "/login" in body
    [welcome] = mail_server.to("new@example.org")
    assert welcome["Subject"] == "Confirm your e-mail address"


def test_the_owner_is_told_in_the_language_of_their_account(app, mail_server):
    make_user(email="taken@example.org", locale="az")
    _register(app, "taken@example.org")
    deliver_pending(utcnow())
    [note] = mail_server.to("taken@example.org")
    assert note["Subject"] == "Kimsə e-poçt ünvanınızla qeydiyyatdan keçməyə çalışdı"


def test_registration_attempts_with_one_taken_address_mail_its_owner_a_few_times_an_hour(
    app, mail_server
):
    make_user(email="taken@example.org")
    answers = [_register(app, "taken@example.org") for _ in range(8)]
    assert {a.status_code for a in answers} == {302}
    deliver_pending(utcnow())
    assert 1 <= len(mail_server.to("taken@example.org")) < 8


def _reset(app, email: str):
    browser = app.test_client()
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return browser.post("/reset", data={"email": email})


def test_a_reset_answers_the_same_and_queues_one_e_mail_whether_or_not_an_account_exists(
    app, mail_server
):
    make_user(email="known@example.org")
    known = _reset(app, "known@example.org")
    unknown = _reset(app, "unknown@example.org")
    _same_answer(known, unknown)
    # The work is the same shape both ways: one row in the outbox to the address typed.
    rows = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    assert [r.to_addr for r in rows] == ["known@example.org", "unknown@example.org"]
    assert all(r.status == "pending" and r.sent_at is None for r in rows)  # sent later
    deliver_pending(utcnow())
    [link] = mail_server.to("known@example.org")
    assert "/reset/" in link.get_content()
    [note] = mail_server.to("unknown@example.org")
    assert "no account uses this address" in note.get_content()
    assert "/reset/" not in note.get_content() and "/register" in note.get_content()


def test_the_login_form_says_the_same_for_a_wrong_password_and_an_unknown_address(app):
    make_user(email="known@example.org")
    browser = app.test_client()
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    wrong = browser.post("/login", data={"email": "known@example.org", "password": "x" * 12})
    unknown = browser.post("/login", data={"email": "nobody@example.org", "password": "x" * 12})
    assert wrong.status_code == unknown.status_code == 422
    assert "The e-mail or password is not right." in wrong.get_data(as_text=True)
    assert "The e-mail or password is not right." in unknown.get_data(as_text=True)
