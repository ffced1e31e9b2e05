"""Held files: the coordinator sees why, and releases, redacts or keeps each one private."""

import io

import pytest
from pypdf import PdfReader

from foi.extensions import db
from foi.models import Document
from tests.documents.factories import text_pdf, xlsx
from tests.documents_web.helpers import agency_files, answer_with_files, in_english, pdf_text
from tests.factories import file_request, make_agency, make_user

SECRET_SHEET = xlsx(
    [
        ("Budget", "visible", [["Item", "AZN"], ["Roads", "1200"]]),
        ("Contacts", "veryHidden", [["leyla.h@example.az"], ["tural@example.az"]]),
    ]
)


@pytest.fixture
def people(app):
    agency = make_agency()
    return {
        "agency": agency,
        "citizen": make_user("citizen"),
        "officer": make_user("officer", agency),
        "coordinator": make_user("coordinator", agency),
    }


def publish(client, req, public_text="Cavab."):
    response = client.post(
        f"/officer/requests/{req.reference}/approve", data={"approve-public_text": public_text}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]


def held_request(people, login, name, data):
    req = file_request(people["citizen"], people["agency"])
    client = login(people["officer"])
    assert answer_with_files(client, req, {name: data}).status_code == 302
    in_english(login(people["coordinator"]))
    publish(client, req)
    (doc,) = agency_files(req)
    return client, req, doc


def test_xlsx_with_very_hidden_sheet_is_held_and_only_coordinator_sees_the_emails(people, login):
    client, req, doc = held_request(people, login, "budget.xlsx", SECRET_SHEET)
    assert doc.held_reason and not doc.public
    assert client.get(f"/r/{req.reference}/files/{doc.id}").status_code == 404

    queue = client.get("/documents/review").get_data(as_text=True)
    assert "budget.xlsx" in queue
    page = client.get(f"/documents/files/{doc.id}/review").get_data(as_text=True)
    assert "Very hidden sheet" in page and "Contacts" in page and "2 e-mail" in page

    # The officer learns the kind of finding, not its detail.
    in_english(login(people["officer"]))
    officer_page = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    assert "Very hidden sheet" in officer_page
    assert "Contacts" not in officer_page
    assert client.get(f"/documents/files/{doc.id}/review").status_code == 404
    assert client.get("/documents/review").status_code == 404


def test_release_anyway_needs_the_check_box_then_publishes(people, login):
    client, req, doc = held_request(people, login, "budget.xlsx", SECRET_SHEET)
    refused = client.post(f"/documents/files/{doc.id}/review/release", data={})
    assert refused.status_code == 422
    assert "Confirm that you opened the file" in refused.get_data(as_text=True)
    assert not db.session.get(Document, doc.id).public

    done = client.post(f"/documents/files/{doc.id}/review/release", data={"release-checked": "y"})
    assert done.status_code == 302
    assert client.get(f"/r/{req.reference}/files/{doc.id}").status_code == 200
    assert "budget.xlsx" not in client.get("/documents/review").get_data(as_text=True)


def test_keep_private_asks_why_and_keeps_the_file_out_of_the_archive(people, login):
    client, req, doc = held_request(people, login, "budget.xlsx", SECRET_SHEET)
    missing = client.post(f"/documents/files/{doc.id}/review/private", data={})
    assert missing.status_code == 422
    done = client.post(
        f"/documents/files/{doc.id}/review/private",
        data={"private-reason": "Contains staff e-mail addresses"},
    )
    assert done.status_code == 302
    assert client.get(f"/r/{req.reference}/files/{doc.id}").status_code == 404
    assert "budget.xlsx" not in client.get("/documents/review").get_data(as_text=True)
    # Decided once: a second decision is refused.
    again = client.post(f"/documents/files/{doc.id}/review/release", data={"release-checked": "y"})
    assert again.status_code == 422


def test_held_pdf_published_as_redacted_copy_without_the_words_or_metadata(people, login):
    original = text_pdf(["Contract with Jane Roe", "Amount 5000 AZN"], author="Jane Roe")
    client, req, doc = held_request(people, login, "contract.pdf", original)
    assert "metadata" in doc.held_reason

    response = client.post(f"/documents/files/{doc.id}/redact", data={"redact-terms": "Jane Roe"})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    original_doc, copy = agency_files(req)
    assert not original_doc.public and copy.public
    assert client.get(f"/r/{req.reference}/files/{original_doc.id}").status_code == 404

    published = client.get(f"/r/{req.reference}/files/{copy.id}")
    assert published.status_code == 200
    assert "Jane Roe" not in pdf_text(published.data)
    assert b"Jane Roe" not in published.data
    assert not PdfReader(io.BytesIO(published.data)).metadata


def test_redacting_a_word_that_is_not_in_the_text_layer_is_refused(people, login):
    client, req, doc = held_request(
        people, login, "contract.pdf", text_pdf(["Plain text"], author="Jane Roe")
    )
    response = client.post(
        f"/documents/files/{doc.id}/redact", data={"redact-terms": "Nobody Here"}
    )
    assert response.status_code == 422
    assert "Not found in the file" in response.get_data(as_text=True)
    assert len(agency_files(req)) == 1
