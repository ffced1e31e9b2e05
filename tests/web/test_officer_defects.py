"""Defects an officer met while working requests (issue 16): each test failed before its fix."""

import re

import pytest

from foi.mail.delivery import deliver_pending
from foi.models.base import utcnow
from foi.services import answering, publishing, redaction
from tests.factories import file_request, make_agency, make_user


@pytest.fixture
def office(app):
    agency = make_agency(slug="vergi", name_az="Vergi Xidməti", name_en="Tax Service")
    other = make_agency(slug="statistika", name_az="Statistika Komitəsi", name_en="Statistics")
    return dict(
        agency=agency,
        other=other,
        citizen=make_user("citizen", email="citizen@example.org"),
        officer=make_user("officer", agency),
        coordinator=make_user("coordinator", agency),
    )


def test_after_a_transfer_the_officer_lands_on_the_queue_with_the_message(office, login):
    req = file_request(office["citizen"], office["agency"])
    client = login(office["officer"])
    response = client.post(
        f"/officer/requests/{req.reference}/transfer",
        data={"transfer-agency_id": office["other"].id, "transfer-reason": "Onlar saxlayır."},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.request.path == "/officer/"
    assert "Request transferred; the requester was told." in page
    assert "Page not found" not in page


def test_the_officers_history_names_redactions_in_words_not_codes(office, login):
    req = file_request(office["citizen"], office["agency"])
    answering.request_answer(
        actor=office["officer"], req=req, outcome="given", text="Cavab: Əli Əliyev, 050 111 22 33."
    )
    redaction.response_redact_text(actor=office["officer"], req=req, passages=["050 111 22 33"])
    page = login(office["officer"]).get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    assert "answer_redacted" not in page
    assert "Passages removed from the text to publish" in page


def _mail(mail_server, subject_word: str) -> str:
    deliver_pending(utcnow())
    [message] = [m for m in mail_server.to("citizen@example.org") if subject_word in m["Subject"]]
    return message.get_content()


def test_the_extension_e_mail_gives_the_officers_reason(office, mail_server):
    req = file_request(office["citizen"], office["agency"])
    answering.request_extend(
        actor=office["officer"], req=req, days=3, reason="Arxivdən 2019-cu il sənədləri lazımdır."
    )
    assert "Arxivdən 2019-cu il sənədləri lazımdır." in _mail(mail_server, "extended")


def test_the_transfer_e_mail_gives_the_officers_reason(office, mail_server):
    req = file_request(office["citizen"], office["agency"])
    answering.request_transfer(
        actor=office["officer"],
        req=req,
        agency_id=office["other"].id,
        reason="Statistika Komitəsi bu məlumatı toplayır.",
    )
    assert "Statistika Komitəsi bu məlumatı toplayır." in _mail(mail_server, "transferred")


def test_the_home_page_says_the_outcome_of_each_recent_answer(office, client):
    req = file_request(office["citizen"], office["agency"], subject="Vergi güzəştləri")
    answering.request_answer(actor=office["officer"], req=req, outcome="partial", text="Cavab.")
    publishing.response_approve(actor=office["coordinator"], req=req)
    page = client.get("/").get_data(as_text=True)
    assert "Vergi güzəştləri" in page
    line = re.search(rf"{req.reference} · [^<]*", page).group(0)
    assert "Partly given" in line, line
    assert "· ·" not in line
