"""The administrator's page of one account is about that account, not about the administrator."""

from foi.extensions import db
from foi.services.accounts import unusable_password
from tests.factories import make_agency, make_user


def test_another_account_shows_its_own_details_and_the_buttons_to_manage_it(app, client, login):
    officer = make_user("officer", make_agency(), display_name="Nigar Həsənova")
    login(make_user("admin", display_name="Admin Person"))
    page = client.get(f"/admin/users/{officer.id}").get_data(as_text=True)
    assert officer.email in page
    assert "This is your own account" not in page
    assert "Deactivate the account" in page


def test_a_deactivated_account_offers_reactivation_and_an_uninvited_one_the_invitation(
    app, client, login
):
    gone = make_user("citizen", active=False)
    invited = make_user("officer", make_agency())
    invited.password_hash = unusable_password()  # as an invitation leaves it
    db.session.commit()
    login(make_user("admin"))
    assert "Reactivate the account" in client.get(f"/admin/users/{gone.id}").get_data(as_text=True)
    page = client.get(f"/admin/users/{invited.id}").get_data(as_text=True)
    assert "Send the invitation again" in page and "This is your own account" not in page


def test_the_administrators_own_account_cannot_be_deactivated_from_its_page(app, client, login):
    admin = make_user("admin")
    login(admin)
    page = client.get(f"/admin/users/{admin.id}").get_data(as_text=True)
    assert "This is your own account" in page and "Deactivate the account" not in page
