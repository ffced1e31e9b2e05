"""The coordinator sees which files publication would hold, and decides before publishing."""

import pytest

from foi.extensions import db
from foi.models import Document
from tests.documents_web.helpers import agency_files, answer_with_files, in_english
from tests.documents_web.test_review import SECRET_SHEET
from tests.factories import file_request, make_agency, make_user


@pytest.fixture
def answered(app, login):
    """Return a signed-in coordinator's client and a request answered with a hiding sheet."""
    agency = make_agency()
    req = file_request(make_user("citizen"), agency)
    officer_client = login(make_user("officer", agency))
    assert answer_with_files(officer_client, req, {"budget.xlsx": SECRET_SHEET}).status_code == 302
    client = in_english(login(make_user("coordinator", agency)))
    return client, req


def approve(client, req, **data):
    return client.post(
        f"/officer/requests/{req.reference}/approve",
        data={"approve-public_text": "Cavab.", **data},
        follow_redirects=True,
    )


def test_approval_form_says_which_file_will_be_held_and_why_before_publishing(answered):
    client, req = answered
    page = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    assert "1 file will be held for review" in page
    assert "budget.xlsx" in page and "Very hidden sheet" in page
    assert 'name="approve-file-' in page
    # Opening the page decided nothing.
    (doc,) = agency_files(req)
    assert not doc.held_reason and not doc.public


def test_publishing_says_the_file_was_held_not_just_published(answered):
    client, req = answered
    page = approve(client, req).get_data(as_text=True)
    assert "1 file is held for review and is not public yet: budget.xlsx" in page
    (doc,) = agency_files(req)
    assert doc.held_reason and not doc.public
    assert "budget.xlsx" in client.get("/documents/review").get_data(as_text=True)


def test_coordinator_publishes_the_file_as_it_is_before_publishing(answered):
    client, req = answered
    (doc,) = agency_files(req)
    page = approve(client, req, **{f"approve-file-{doc.id}": "release"}).get_data(as_text=True)
    assert "Published in the archive." in page and "is held for review" not in page
    assert db.session.get(Document, doc.id).public
    assert client.get(f"/r/{req.reference}/files/{doc.id}").status_code == 200
    assert "Held file released" in client.get(f"/officer/requests/{req.reference}").get_data(
        as_text=True
    )


def test_coordinator_keeps_the_file_private_before_publishing(answered):
    client, req = answered
    (doc,) = agency_files(req)
    approve(client, req, **{f"approve-file-{doc.id}": "private"})
    assert client.get(f"/r/{req.reference}/files/{doc.id}").status_code == 404
    assert "budget.xlsx" not in client.get("/documents/review").get_data(as_text=True)
    assert "File kept private" in client.get(f"/officer/requests/{req.reference}").get_data(
        as_text=True
    )


def test_an_unknown_choice_is_refused_and_nothing_is_published(answered):
    client, req = answered
    (doc,) = agency_files(req)
    response = approve(client, req, **{f"approve-file-{doc.id}": "burn"})
    assert response.status_code == 422
    assert "Choose what to do with each file." in response.get_data(as_text=True)
    db.session.expire_all()
    assert not db.session.get(Document, doc.id).public


def test_files_held_for_review_is_in_the_coordinators_navigation_only(app, login):
    agency = make_agency()
    coordinator = in_english(login(make_user("coordinator", agency)))
    assert 'href="/documents/review"' in coordinator.get("/officer/").get_data(as_text=True)
    officer = in_english(login(make_user("officer", agency)))
    assert 'href="/documents/review"' not in officer.get("/officer/").get_data(as_text=True)
