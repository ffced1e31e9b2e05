"""A paper request passed on: the receiving agency's staff are told, print and post the letter."""

import html
import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from foi.extensions import db
from foi.models import OutboxMessage
from foi.models.base import utcnow
from foi.services import offline, post_letters
from tests.documents.factories import text_pdf
from tests.documents_web.helpers import in_english, pdf_text
from tests.factories import file_request, make_agency, make_user

SCAN = text_pdf(["Dear Tax Service, please send the school repair budget."])


@pytest.fixture
def agencies(app):
    tax = make_agency(slug="vergi", name_az="Vergi Xidməti", name_en="Tax Service")
    stats = make_agency(slug="statistika", name_az="Statistika Komitəsi", name_en="Statistics")
    return dict(
        officer=make_user("officer", tax),
        stats=stats,
        coordinator=make_user("coordinator", stats, locale="en"),
    )


def _paper_request(officer):
    now = utcnow()
    return offline.offline_request_record(
        actor=officer,
        channel="post",
        received_at=now - timedelta(hours=2),
        name="Səbinə Quliyeva",
        postal_address="Nizami küçəsi 12, Bakı AZ1000",
        subject="Məktəb təmiri",
        body="2025-ci ildə məktəblərin təmirinə xərclənən vəsait barədə məlumat verin.",
        uploads=[(io.BytesIO(SCAN), "mektub.pdf")],
        now=now,
    )


def _transfer(client, req, to) -> str:
    """Transfer ``req`` from its page's form; return the page the officer lands on."""
    response = client.post(
        f"/officer/requests/{req.reference}/transfer",
        data={"transfer-agency_id": to.id, "transfer-reason": "Statistika onlardadır."},
        follow_redirects=True,
    )
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def _new_request_mail(req, person) -> OutboxMessage:
    return db.session.scalar(
        select(OutboxMessage).where(
            OutboxMessage.key.like(f"req:{req.id}:new_request:t%:u{person.id}")
        )
    )


def test_the_receiving_agency_is_told_to_post_the_transfer_letter_and_does(agencies, login):
    req = _paper_request(agencies["officer"])
    page = _transfer(in_english(login(agencies["officer"])), req, agencies["stats"])
    # The sender is not told the requester knows: the letter waits at the other agency.
    assert "the transfer letter waits on the request's page at Statistics" in page
    assert "the requester was told" not in page
    client = login(agencies["officer"])
    assert client.get(f"/officer/requests/{req.reference}").status_code == 404

    mail = _new_request_mail(req, agencies["coordinator"])
    assert "print the transfer letter on the request's page" in mail.body_text
    assert f"/officer/requests/{req.reference}" in mail.body_text

    client = login(agencies["coordinator"])
    page = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    assert "Transfer letter (PDF)" in page and "Waiting to be posted" in page
    db.session.expire_all()
    [letter] = [x for x in post_letters.waiting_letters(req) if x.kind == "transfer"]
    url = f"/documents/requests/{req.reference}/letters/{letter.event.id}.pdf"
    text = pdf_text(client.get(url).data)  # in the request's language, for the envelope
    assert "Səbinə Quliyeva" in text and "Nizami küçəsi 12" in text
    assert "Vergi Xidməti" in text and "Statistika Komitəsi" in text
    response = client.post(
        f"/officer/requests/{req.reference}/letters/posted",
        data={"posted-event_id": letter.event.id, "posted-posted_on": utcnow().date().isoformat()},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert not [x for x in post_letters.waiting_letters(req) if x.kind == "transfer"]


def test_a_transferred_online_request_asks_nobody_to_post_anything(agencies, login):
    citizen = make_user("citizen")
    req = file_request(citizen, agencies["officer"].agency)
    page = _transfer(in_english(login(agencies["officer"])), req, agencies["stats"])
    assert "Request transferred; the requester was told." in page
    mail = _new_request_mail(req, agencies["coordinator"])
    assert "transfer letter" not in mail.body_text


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("az", "aidiyyəti üzrə göndərilmə barədə məktubu çap edin"),
        ("ru", "распечатайте письмо о передаче запроса"),
    ],
)
def test_the_receiving_staff_read_it_in_their_language(agencies, login, locale, words):
    coordinator = make_user("coordinator", agencies["stats"], locale=locale)
    req = _paper_request(agencies["officer"])
    _transfer(login(agencies["officer"]), req, agencies["stats"])
    assert words in _new_request_mail(req, coordinator).body_text
