"""Nobody sees what is not theirs: requests of others, other agencies, internal notes."""

import pytest

from foi.services.answering import request_answer, request_note
from tests.factories import file_request, make_agency, make_user

SECRET_NOTE = "Daxili qeyd: nazir müavini ilə razılaşdırılmalıdır"


@pytest.fixture
def world(app):
    health = make_agency(slug="sehiyye", name_az="Səhiyyə Nazirliyi")
    justice = make_agency(slug="edliyye", name_az="Ədliyyə Nazirliyi")
    citizen = make_user("citizen", email="owner@example.org", address="Bakı, Nizami küç. 5")
    other_citizen = make_user("citizen")
    officer = make_user("officer", health)
    coordinator = make_user("coordinator", health)
    foreign_officer = make_user("officer", justice)
    req = file_request(citizen, health)
    return dict(
        req=req,
        citizen=citizen,
        other_citizen=other_citizen,
        officer=officer,
        coordinator=coordinator,
        foreign_officer=foreign_officer,
    )


def test_citizen_cannot_open_another_citizens_request(world, login):
    client = login(world["other_citizen"])
    assert client.get(f"/my/requests/{world['req'].reference}").status_code == 404


def test_officer_of_another_agency_gets_404_for_page_and_every_action(world, login):
    client = login(world["foreign_officer"])
    ref = world["req"].reference
    assert client.get(f"/officer/requests/{ref}").status_code == 404
    for action in ("answer", "note", "transfer", "clarify", "extend", "assign", "approve"):
        assert client.post(f"/officer/requests/{ref}/{action}").status_code == 404, action
    assert ref not in client.get("/officer/").get_data(as_text=True)


def test_citizen_cannot_reach_the_officer_queue(world, login):
    client = login(world["citizen"])
    assert client.get("/officer/").status_code == 404
    assert client.get("/admin/").status_code == 404


def test_internal_note_is_seen_by_staff_only(world, login):
    req = world["req"]
    request_note(actor=world["officer"], req=req, text=SECRET_NOTE)
    request_answer(actor=world["officer"], req=req, outcome="given", text="Cavab mətni.")
    from foi.services.publishing import response_approve

    response_approve(actor=world["coordinator"], req=req)

    staff_page = login(world["officer"]).get(f"/officer/requests/{req.reference}")
    assert SECRET_NOTE in staff_page.get_data(as_text=True)

    requester_page = login(world["citizen"]).get(f"/my/requests/{req.reference}")
    assert requester_page.status_code == 200
    assert SECRET_NOTE not in requester_page.get_data(as_text=True)

    client = login(world["other_citizen"])
    client.post("/logout")
    for url in (
        f"/r/{req.reference}",
        f"/api/v1/requests/{req.reference}",
        "/archive?q=razılaşdırılmalıdır",
        "/api/v1/requests?q=Cavab",
    ):
        body = client.get(url).get_data(as_text=True)
        assert SECRET_NOTE not in body, url
        assert "owner@example.org" not in body and "Nizami" not in body, url
    # A word found only in the note finds nothing.
    assert f"/r/{req.reference}" not in client.get("/archive?q=razılaşdırılmalıdır").get_data(
        as_text=True
    )


def test_unapproved_answer_is_not_public(world, client):
    req = world["req"]
    request_answer(actor=world["officer"], req=req, outcome="given", text="Hələ dərc olunmayıb.")
    assert client.get(f"/r/{req.reference}").status_code == 404
    assert client.get(f"/api/v1/requests/{req.reference}").status_code == 404
    assert client.get(f"/api/v1/requests/{req.reference}").mimetype == "application/problem+json"
