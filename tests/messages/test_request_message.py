"""The agency writes to the requester: a message with no effect on the legal clock."""

import io
from datetime import timedelta

from sqlalchemy import select

from foi.extensions import db
from foi.models import InfoRequest, OutboxMessage
from foi.models.base import utcnow
from foi.requests.states import EventKind, RequestStatus
from foi.services import answering, offline, post_letters
from foi.services.filing import request_withdraw
from foi.services.publishing import response_approve
from tests.documents.factories import text_pdf
from tests.documents_web.helpers import pdf_text
from tests.factories import file_request, make_agency, make_user

MESSAGE = "Sənədləri arxivdən yığırıq; cavabı gələn həftə göndərəcəyik."


def _messages(req) -> list[OutboxMessage]:
    key = f"req:{req.id}:message:%"
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.key.like(key))))


def _write(client, req, text=MESSAGE):
    return client.post(f"/officer/requests/{req.reference}/message", data={"message-text": text})


def test_the_requester_reads_the_message_and_the_clock_does_not_move(app, client, login):
    agency = make_agency()
    officer, coordinator = make_user("officer", agency), make_user("coordinator", agency)
    req = file_request(make_user("citizen"), agency)
    due = req.due_at
    login(officer)
    assert "Write to the requester" in client.get(f"/officer/requests/{req.reference}").text

    assert _write(client, req).status_code == 302

    db.session.expire_all()
    again = db.session.get(InfoRequest, req.id)
    assert again.status == RequestStatus.AWAITING and again.due_at == due
    [mail] = _messages(req)
    assert mail.to_addr == req.requester.email and MESSAGE in mail.body_text
    assert req.reference in mail.subject
    login(req.requester)
    mine = client.get(f"/my/requests/{req.reference}").text
    assert "The agency wrote to the requester" in mine and MESSAGE in mine

    # Once answered and published, the archive shows the answer, never the message.
    answering.request_answer(actor=officer, req=again, outcome="given", text="Cavab budur.")
    response_approve(actor=coordinator, req=again)
    client.post("/logout")
    public = client.get(f"/r/{req.reference}").text
    assert "Cavab budur." in public and MESSAGE not in public
    assert MESSAGE not in client.get(f"/api/v1/requests/{req.reference}").text


def test_without_e_mail_the_message_is_a_letter_to_post(app, client, login):
    agency = make_agency()
    officer = make_user("officer", agency)
    now = utcnow()
    req = offline.offline_request_record(
        actor=officer,
        channel="post",
        received_at=now - timedelta(hours=2),
        name="Səbinə Quliyeva",
        postal_address="Nizami küçəsi 12, Bakı AZ1000",
        subject="Məktəb təmiri",
        body="Məktəblərin təmiri barədə məlumat verin.",
        uploads=[(io.BytesIO(text_pdf(["Letter"])), "mektub.pdf")],
        now=now,
    )
    answering.request_message(actor=officer, req=req, text=MESSAGE)

    assert _messages(req) == []
    [letter] = [x for x in post_letters.letters_to_post(req) if x.kind == "message"]
    login(officer)
    page = client.get(f"/officer/requests/{req.reference}").text
    assert "Letter from the agency" in page
    pdf = client.get(f"/documents/requests/{req.reference}/letters/{letter.event.id}.pdf")
    text = " ".join(pdf_text(pdf.data).split())
    assert "Nizami küçəsi 12" in text and "Sənədləri arxivdən yığırıq" in text


def test_an_empty_message_is_shown_again_with_the_error_in_the_officers_language(
    app, client, login
):
    agency = make_agency()
    req = file_request(make_user("citizen"), agency)
    login(make_user("officer", agency, locale="ru"))
    answer = _write(client, req, text="   ")
    assert answer.status_code == 422
    assert "Это поле обязательно для заполнения." in answer.text
    assert _messages(req) == []


def test_a_withdrawn_request_takes_no_message_and_others_cannot_write(app, client, login):
    agency = make_agency()
    req = file_request(make_user("citizen"), agency)
    login(make_user("officer", make_agency()))
    assert _write(client, req).status_code == 404  # another agency's: they learn nothing
    request_withdraw(requester=req.requester, req=req)
    login(make_user("officer", agency))
    assert "Write to the requester" not in client.get(f"/officer/requests/{req.reference}").text
    answer = _write(client, req)
    assert answer.status_code == 422 and "Its requester withdrew this request" in answer.text
    assert _messages(req) == [] and req.events[-1].kind == EventKind.WITHDRAWN
