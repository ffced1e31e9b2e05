"""Administrators manage accounts at /admin/users."""

import re

from sqlalchemy import select

from foi.extensions import db
from foi.models import AccountEvent, Event, User
from foi.models.request import INTERNAL
from foi.services import accounts
from tests.factories import PASSWORD, file_request, make_agency, make_user


def _table(response) -> str:
    """Return the list's rows only (the header shows the administrator's own name)."""
    match = re.search(r"<tbody>.*</tbody>", response.get_data(as_text=True), re.S)
    return match.group(0) if match else ""


def test_only_administrators_see_the_accounts_pages(app, client, login):
    target = make_user("officer", make_agency())
    for role in ("citizen", "officer", "coordinator", "ombudsman"):
        login(make_user(role, make_agency() if role in ("officer", "coordinator") else None))
        assert client.get("/admin/users").status_code == 404
        assert client.get(f"/admin/users/{target.id}").status_code == 404
        assert client.post(f"/admin/users/{target.id}/deactivate").status_code == 404
    assert db.session.get(User, target.id).active


def test_search_and_filters_find_accounts_by_name_email_role_agency_and_state(app, client, login):
    tax, health = make_agency(), make_agency()
    make_user("officer", tax, display_name="Leyla Məmmədova", email="leyla@tax.example")
    make_user("coordinator", health, display_name="Orxan Quliyev", email="orxan@health.example")
    make_user("citizen", display_name="Nigar Əliyeva", email="nigar@mail.example", active=False)
    login(make_user("admin", display_name="Admin Person"))

    def names(**args):
        page = _table(client.get("/admin/users", query_string=args))
        return {n for n in ("Leyla", "Orxan", "Nigar", "Admin Person") if n in page}

    assert names(q="məmməd") == {"Leyla"}
    assert names(q="Əliyeva") == {"Nigar"}
    assert names(q="HEALTH.example") == {"Orxan"}
    assert names(role="citizen") == {"Nigar"}
    assert names(agency=str(tax.id)) == {"Leyla"}
    assert names(active="no") == {"Nigar"}
    assert names() == {"Leyla", "Orxan", "Nigar", "Admin Person"}


def test_the_list_is_paginated(app, client, login):
    for n in range(55):
        make_user(display_name=f"Citizen {n:02d}")
    login(make_user("admin", display_name="Zz Admin"))
    first = _table(client.get("/admin/users"))
    assert "Citizen 00" in first and "Zz Admin" not in first
    second = _table(client.get("/admin/users?page=2"))
    assert "Zz Admin" in second and "Citizen 00" not in second


def test_an_invited_officer_sets_a_password_from_the_emailed_link(
    app, client, login, mailed_link, mail_server
):
    agency = make_agency()
    admin = make_user("admin")
    login(admin)
    response = client.post(
        "/admin/users/new",
        data={
            "display_name": "Aysel Rəhimova",
            "email": "Aysel@Agency.example",
            "role": "officer",
            "agency_id": agency.id,
            "locale": "az",
        },
    )
    assert response.status_code == 302
    user = accounts.user_by_email("aysel@agency.example")
    assert user.role == "officer" and user.agency_id == agency.id
    # No password yet: nothing logs in, not even an empty or guessed one.
    assert accounts.user_authenticate(user.email, "") is None

    link = mailed_link("aysel@agency.example", "/welcome/")
    # Written in the language the administrator chose for the invitation.
    assert mail_server.to("aysel@agency.example")[0]["Subject"] == (
        "foi hesabınız hazırdır: şifrənizi təyin edin"
    )
    client.post("/logout")
    response = client.post(
        link, data={"password": "my first password", "confirm": "my first password"}
    )
    # Signed in, but an officer sets up the second factor before anything else opens.
    assert response.status_code == 302 and response.location.endswith("/account/second-factor")
    assert client.get("/officer/").location.endswith("/account/second-factor")
    assert accounts.user_authenticate(user.email, "my first password") is not None
    # The link works once.
    client.post("/logout")
    page = client.post(link, data={"password": "another password!", "confirm": "another password!"})
    assert "invalid or has expired" in page.get_data(as_text=True)
    kinds = db.session.scalars(
        select(AccountEvent.kind).where(AccountEvent.user_id == user.id).order_by(AccountEvent.id)
    ).all()
    assert kinds == ["invited", "password_set"]


def test_officers_and_coordinators_need_an_agency(app, client, login):
    login(make_user("admin"))
    page = client.post(
        "/admin/users/new",
        data={
            "display_name": "No Agency",
            "email": "no@agency.example",
            "role": "coordinator",
            "agency_id": 0,
            "locale": "en",
        },
    )
    assert "Choose the agency this person works for." in page.get_data(as_text=True)
    assert accounts.user_by_email("no@agency.example") is None
    # The oversight body works for no agency.
    assert (
        client.post(
            "/admin/users/new",
            data={
                "display_name": "Ombudsman",
                "email": "omb@example.org",
                "role": "ombudsman",
                "agency_id": 0,
                "locale": "en",
            },
        ).status_code
        == 302
    )


def test_editing_moves_an_officer_and_records_who_did_it(app, client, login):
    old, new = make_agency(), make_agency()
    officer = make_user("officer", old)
    admin = make_user("admin")
    login(admin)
    response = client.post(
        f"/admin/users/{officer.id}",
        data={"display_name": "Renamed Officer", "role": "coordinator", "agency_id": new.id},
    )
    assert response.status_code == 302
    db.session.expire_all()
    officer = db.session.get(User, officer.id)
    assert (officer.display_name, officer.role, officer.agency_id) == (
        "Renamed Officer",
        "coordinator",
        new.id,
    )
    event = db.session.scalar(select(AccountEvent).where(AccountEvent.kind == "updated"))
    assert event.actor_id == admin.id and event.user_id == officer.id
    assert event.data["changes"]["role"] == ["officer", "coordinator"]
    assert "Account changed" in client.get(f"/admin/users/{officer.id}").get_data(as_text=True)


def test_an_administrator_cannot_demote_or_deactivate_themselves(app, client, login):
    admin = make_user("admin")
    login(admin)
    page = client.post(
        f"/admin/users/{admin.id}",
        data={"display_name": admin.display_name, "role": "officer", "agency_id": make_agency().id},
    )
    assert "You cannot remove your own administrator role" in page.get_data(as_text=True)
    page = client.post(f"/admin/users/{admin.id}/deactivate", follow_redirects=True)
    assert "You cannot deactivate your own account" in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, admin.id).role == "admin"
    assert db.session.get(User, admin.id).active


def test_deactivated_officer_cannot_log_in_and_their_requests_go_back_to_coordinators(
    app, client, login
):
    agency = make_agency()
    officer = make_user("officer", agency)
    coordinator = make_user("coordinator", agency)
    req = file_request(make_user(), agency)
    req.assignee = officer
    db.session.commit()
    login(make_user("admin"))
    page = client.post(f"/admin/users/{officer.id}/deactivate", follow_redirects=True)
    assert "1 open request is now unassigned" in page.get_data(as_text=True)

    db.session.expire_all()
    assert db.session.get(type(req), req.id).assignee_id is None
    event = db.session.scalars(
        select(Event).where(Event.request_id == req.id).order_by(Event.id.desc())
    ).first()
    assert event.kind == "assigned" and event.visibility == INTERNAL
    assert event.data["previous"] == officer.display_name
    # The coordinator finds it among the unassigned requests.
    login(coordinator)
    queue = client.get("/officer/?assignee=none").get_data(as_text=True)
    assert req.reference in queue
    # The officer is refused like a wrong password, and a session they had is over.
    response = client.post("/login", data={"email": officer.email, "password": PASSWORD})
    assert "The e-mail or password is not right." in response.get_data(as_text=True)


def test_a_session_ends_when_the_account_is_deactivated(app, client, login):
    officer = make_user("officer", make_agency())
    login(officer)
    assert client.get("/officer/").status_code == 200
    officer.active = False
    db.session.commit()
    assert client.get("/officer/").status_code == 302  # back to the login page


def test_reactivated_account_logs_in_again(app, client, login):
    citizen = make_user(active=False)
    login(make_user("admin"))
    client.post(f"/admin/users/{citizen.id}/reactivate")
    client.post("/logout")
    assert (
        client.post("/login", data={"email": citizen.email, "password": PASSWORD}).status_code
        == 302
    )


def test_invitation_can_be_sent_again_until_a_password_is_set(
    app, client, login, mailed_link, mail_server
):
    login(make_user("admin"))
    client.post(
        "/admin/users/new",
        data={
            "display_name": "Late Reader",
            "email": "late@example.org",
            "role": "admin",
            "agency_id": 0,
            "locale": "en",
        },
    )
    user = accounts.user_by_email("late@example.org")
    mailed_link("late@example.org", "/welcome/")
    page = client.post(f"/admin/users/{user.id}/invite", follow_redirects=True)
    assert "a new link to set a password" in page.get_data(as_text=True)
    link = mailed_link("late@example.org", "/welcome/")
    assert len(mail_server.to("late@example.org")) == 2
    client.post(link, data={"password": "finally a password", "confirm": "finally a password"})
    login(make_user("admin"))
    page = client.post(f"/admin/users/{user.id}/invite", follow_redirects=True)
    assert "This person has already set a password." in page.get_data(as_text=True)
