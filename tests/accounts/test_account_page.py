"""Everyone's account page: name, language, password, e-mail address; a citizen deletes theirs."""

from sqlalchemy import select

from foi.extensions import db
from foi.models import AccountEvent, InfoRequest, User
from foi.services import accounts
from tests.factories import PASSWORD, file_request, make_agency, make_user


def test_header_links_to_my_account(app, client, login):
    login(make_user())
    assert 'href="/account"' in client.get("/account").get_data(as_text=True)


def test_anonymous_visitors_are_sent_to_log_in(app, client):
    response = client.get("/account")
    assert response.status_code == 302 and "/login" in response.location


def test_name_and_language_are_saved_on_the_account(app, client, login):
    user = make_user()
    login(user)
    page = client.post(
        "/account/profile",
        data={"profile-display_name": "Səbinə Əlizadə", "profile-locale": "ru"},
        follow_redirects=True,
    )
    text = page.get_data(as_text=True)
    assert '<html lang="ru">' in text and "Səbinə Əlizadə" in text
    db.session.expire_all()
    assert db.session.get(User, user.id).locale == "ru"


def test_password_change_asks_the_current_one(app, client, login):
    user = make_user()
    login(user)
    page = client.post(
        "/account/password",
        data={
            "password-current_password": "not my password",
            "password-new_password": "brand new pass",
            "password-confirm": "brand new pass",
        },
    )
    assert "This is not your current password." in page.get_data(as_text=True)
    client.post(
        "/account/password",
        data={
            "password-current_password": PASSWORD,
            "password-new_password": "brand new pass",
            "password-confirm": "brand new pass",
        },
    )
    assert accounts.user_authenticate(user.email, "brand new pass") is not None
    assert accounts.user_authenticate(user.email, PASSWORD) is None


def test_new_email_address_takes_effect_when_its_link_is_opened(app, client, login, mailed_link):
    user = make_user(email="old@example.org")
    make_user(email="taken@example.org")
    login(user)
    page = client.post(
        "/account/email", data={"email-email": "taken@example.org", "email-password": PASSWORD}
    )
    assert "Another account uses this e-mail address." in page.get_data(as_text=True)
    client.post(
        "/account/email", data={"email-email": "New@Example.org", "email-password": PASSWORD}
    )
    db.session.expire_all()
    assert db.session.get(User, user.id).email == "old@example.org"  # not yet

    link = mailed_link("new@example.org", "/account/email/")
    page = client.get(link, follow_redirects=True)
    assert "Your e-mail address is now new@example.org." in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, user.id).email == "new@example.org"
    # The link is spent: the account's address is no longer the one it was sent from.
    page = client.get(link, follow_redirects=True)
    assert "invalid or has expired" in page.get_data(as_text=True)


def test_email_change_needs_the_password(app, client, login, mail_server):
    login(make_user())
    page = client.post(
        "/account/email", data={"email-email": "thief@example.org", "email-password": "guessing it"}
    )
    assert "This is not your current password." in page.get_data(as_text=True)
    assert mail_server.to("thief@example.org") == []


def test_deleting_an_account_anonymises_it_and_keeps_the_published_request(app, client, login):
    agency = make_agency(publish_mode="on_answer")
    citizen = make_user(
        display_name="Kamran Nəsirov",
        email="kamran@example.org",
        address="Bakı, Nizami küç. 1",
        phone="+994501234567",
    )
    req = file_request(citizen, agency, subject="Yol təmiri xərcləri", publish_name=True)
    req.status, req.published_at = "published", req.received_at
    db.session.commit()
    assert "Kamran Nəsirov" in client.get(f"/r/{req.reference}").get_data(as_text=True)

    login(citizen)
    page = client.post("/account/delete", data={"delete-password": PASSWORD})
    assert "Tick the box to confirm." in page.get_data(as_text=True)
    response = client.post(
        "/account/delete", data={"delete-password": PASSWORD, "delete-understood": "y"}
    )
    assert response.status_code == 302

    db.session.expire_all()
    gone = db.session.get(User, citizen.id)
    assert gone.display_name == "Deleted user" and not gone.active
    assert gone.email.endswith("@deleted.invalid") and "kamran" not in gone.email
    assert gone.address == "" and gone.phone == ""
    assert accounts.user_authenticate("kamran@example.org", PASSWORD) is None
    kept = db.session.get(InfoRequest, req.id)
    assert kept.subject == "Yol təmiri xərcləri" and kept.status == "published"
    assert not kept.publish_name
    public = client.get(f"/r/{req.reference}").get_data(as_text=True)
    assert "Yol təmiri xərcləri" in public and "Kamran" not in public
    assert (
        db.session.scalar(select(AccountEvent.kind).where(AccountEvent.user_id == citizen.id))
        == "deleted"
    )
    # The address can register again, as a new person.
    assert accounts.user_by_email("kamran@example.org") is None


def test_staff_cannot_delete_their_own_account(app, client, login):
    officer = make_user("officer", make_agency())
    login(officer)
    assert "Delete my account" not in client.get("/account").get_data(as_text=True)
    assert (
        client.post(
            "/account/delete", data={"delete-password": PASSWORD, "delete-understood": "y"}
        ).status_code
        == 404
    )
    db.session.expire_all()
    assert db.session.get(User, officer.id).active
