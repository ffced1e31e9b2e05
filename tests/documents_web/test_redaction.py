"""Officers mark passages and PDF words before publication; the archive shows only the rest."""

import io

import pytest
from pypdf import PdfReader

from foi.extensions import db
from foi.models import InfoRequest
from tests.documents.factories import text_pdf
from tests.documents_web.helpers import agency_files, answer_with_files, in_english, pdf_text
from tests.factories import file_request, make_agency, make_user

ANSWER = (
    "The contract was signed on 3 March 2025.\n"
    "Contact person: Jane Roe, phone 050 555 12 34.\n"
    "The amount is 5000 AZN."
)


@pytest.fixture
def answered(app, login):
    agency = make_agency()
    citizen = make_user("citizen")
    officer = make_user("officer", agency)
    coordinator = make_user("coordinator", agency)
    req = file_request(citizen, agency)
    client = in_english(login(officer))
    # A clean PDF (no metadata) that names a person on its page.
    response = answer_with_files(
        client,
        req,
        {"contract.pdf": text_pdf(["Contract 17/2025", "Signed by Jane Roe", "Amount 5000 AZN"])},
        text=ANSWER,
    )
    assert response.status_code == 302
    return client, req, citizen, officer, coordinator


def approve(client, login, coordinator, req):
    in_english(login(coordinator))
    page = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    # The approve form starts from the text to publish, already without the removed passages.
    public_text = db.session.get(InfoRequest, req.id).response.published_text
    assert "Publish" in page
    response = client.post(
        f"/officer/requests/{req.reference}/approve", data={"approve-public_text": public_text}
    )
    assert response.status_code == 302


def test_officer_redacts_pdf_before_publication_and_archive_gets_only_the_copy(answered, login):
    client, req, _citizen, _officer, coordinator = answered
    (original,) = agency_files(req)
    page = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    assert f"/documents/files/{original.id}/redact" in page

    response = client.post(
        f"/documents/files/{original.id}/redact",
        data={"redact-terms": "jane roe\n5000", "redact-areas": "1: 40, 30, 300, 60"},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    approve(client, login, coordinator, req)

    original, copy = agency_files(req)
    assert not original.public and copy.public
    client.post("/logout")
    archive = client.get(f"/r/{req.reference}").get_data(as_text=True)
    assert f"/r/{req.reference}/files/{copy.id}" in archive
    assert f"/r/{req.reference}/files/{original.id}" not in archive
    assert client.get(f"/r/{req.reference}/files/{original.id}").status_code == 404

    published = client.get(f"/r/{req.reference}/files/{copy.id}").data
    text = pdf_text(published)
    assert "Jane Roe" not in text and "5000" not in text and "Contract 17" not in text
    assert b"Jane Roe" not in published
    assert not PdfReader(io.BytesIO(published)).metadata


def test_officer_removes_passages_the_requester_keeps_the_full_answer(answered, login):
    client, req, citizen, _officer, coordinator = answered
    response = client.post(
        f"/documents/requests/{req.reference}/passages",
        data={"passages": "Jane Roe, phone 050 555 12 34"},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    approve(client, login, coordinator, req)

    client.post("/logout")
    public = client.get(f"/r/{req.reference}").get_data(as_text=True)
    assert "050 555 12 34" not in public and "Jane Roe" not in public
    # The mark is in the request's language (az), whatever the coordinator's screen shows.
    assert "[silinib]" in public and "5000 AZN" in public
    assert f"/r/{req.reference}" not in client.get("/archive?q=phone").get_data(as_text=True)
    assert f"/r/{req.reference}" in client.get("/archive?q=amount").get_data(as_text=True)

    login(citizen)
    assert "050 555 12 34" in client.get(f"/my/requests/{req.reference}").get_data(as_text=True)


def test_coordinator_removes_passages_in_the_approve_form(answered, login):
    client, req, _citizen, _officer, coordinator = answered
    in_english(login(coordinator))
    response = client.post(
        f"/officer/requests/{req.reference}/approve",
        data={"approve-public_text": ANSWER, "approve-passages": "050 555 12 34\nJane Roe"},
    )
    assert response.status_code == 302
    published = db.session.get(InfoRequest, req.id).response.published_text
    assert "Jane Roe" not in published and "050 555" not in published
    assert "5000 AZN" in published


def test_passage_not_in_the_answer_is_reported_and_nothing_changes(answered):
    client, req, *_ = answered
    response = client.post(
        f"/documents/requests/{req.reference}/passages", data={"passages": "not in the text"}
    )
    assert response.status_code == 422
    assert "None of these passages" in response.get_data(as_text=True)
    assert db.session.get(InfoRequest, req.id).response.public_body is None


def test_badly_written_area_is_explained_next_to_the_field(answered):
    client, req, *_ = answered
    (original,) = agency_files(req)
    response = client.post(
        f"/documents/files/{original.id}/redact",
        data={"redact-terms": "Jane Roe", "redact-areas": "first page"},
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="redact-areas-error"' in page and "Line 1" in page
    assert "Jane Roe" in page  # what was typed stays in the form
    assert len(agency_files(req)) == 1


def test_staff_of_another_agency_cannot_redact(answered, login):
    client, req, *_ = answered
    (original,) = agency_files(req)
    login(make_user("officer", make_agency()))
    assert client.get(f"/documents/files/{original.id}/redact").status_code == 404
    assert (
        client.post(
            f"/documents/files/{original.id}/redact", data={"redact-terms": "Jane"}
        ).status_code
        == 404
    )
