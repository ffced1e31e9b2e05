"""Receipts, response letters and dossiers as PDFs, each for the people allowed to read it."""

import io

import pytest
from pypdf import PdfReader

from foi.models.user import OMBUDSMAN
from foi.services import answering
from tests.factories import file_request, make_agency, make_user


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def case(app):
    agency = make_agency(
        name_az="Maliyyə Nazirliyi", name_en="Ministry of Finance", name_ru="Министерство финансов"
    )
    citizen = make_user("citizen", display_name="Aysel Məmmədova")
    officer = make_user("officer", agency, display_name="Rəşad Əliyev")
    req = file_request(citizen, agency, subject="Büdcə xərcləri 2025")
    return agency, citizen, officer, req


def test_requester_downloads_receipt_with_due_date_article_and_link(case, login):
    agency, citizen, _officer, req = case
    client = login(citizen)
    response = client.get(f"/documents/requests/{req.reference}/receipt.pdf?lang=az")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    text = pdf_text(response.data)
    assert req.reference in text
    assert "Maliyyə Nazirliyi" in text
    assert "Cavabın son tarixi" in text  # "answer due by", in Azerbaijani
    assert "maddə 24.1" in text and "Art." not in text
    assert f"/my/requests/{req.reference}" in text.replace("\n", "")


def test_receipt_follows_the_asked_language(case, login):
    _agency, citizen, _officer, req = case
    text = pdf_text(
        login(citizen).get(f"/documents/requests/{req.reference}/receipt.pdf?lang=ru").data
    )
    assert "Министерство финансов" in text
    assert "Срок ответа" in text


def test_other_people_get_404_for_a_request_pdf(case, client, login):
    _agency, _citizen, _officer, req = case
    url = f"/documents/requests/{req.reference}/receipt.pdf"
    assert client.get(url).status_code == 302  # anonymous: asked to log in
    login(make_user("citizen"))
    assert client.get(url).status_code == 404
    login(make_user("officer", make_agency()))
    assert client.get(url).status_code == 404
    login(make_user("admin"))
    assert client.get(url).status_code == 404


def test_refusal_letter_cites_grounds_and_how_to_complain_by_when(case, login):
    _agency, citizen, officer, req = case
    answering.request_answer(
        actor=officer,
        req=req,
        outcome="refused",
        text="Məlumat dövlət sirridir.",
        grounds=["state_secret"],
    )
    client = login(citizen)
    text = pdf_text(client.get(f"/documents/requests/{req.reference}/letter.pdf?lang=en").data)
    assert "Request refused" in text
    assert "Art. 34" in text and "State secret" in text
    assert "How to complain" in text
    assert "Ombudsman" in text
    assert "Complain by" in text
    assert "Rəşad Əliyev" in text


def test_letter_does_not_exist_before_the_answer(case, login):
    _agency, citizen, _officer, req = case
    assert login(citizen).get(f"/documents/requests/{req.reference}/letter.pdf").status_code == 404


def test_dossier_hides_internal_notes_from_requester_and_marks_them_for_staff(case, login):
    _agency, citizen, officer, req = case
    answering.request_note(actor=officer, req=req, text="Zəng etmək lazımdır: 050 555 12 34")
    url = f"/documents/requests/{req.reference}/dossier.pdf?lang=en"

    requester_copy = pdf_text(login(citizen).get(url).data)
    assert "Request filed" in requester_copy
    assert "050 555 12 34" not in requester_copy

    staff_copy = pdf_text(login(officer).get(url).data)
    assert "050 555 12 34" in staff_copy
    assert "[Internal]" in staff_copy
    assert "Staff copy" in staff_copy


def test_ombudsman_reads_the_dossier_without_internal_notes(case, login):
    _agency, _citizen, officer, req = case
    answering.request_note(actor=officer, req=req, text="Daxili qeyd: gizli")
    ombudsman = make_user(OMBUDSMAN)
    client = login(ombudsman)
    text = pdf_text(client.get(f"/documents/requests/{req.reference}/dossier.pdf").data)
    assert req.reference in text
    assert "gizli" not in text
    assert client.get(f"/documents/requests/{req.reference}/receipt.pdf").status_code == 404
