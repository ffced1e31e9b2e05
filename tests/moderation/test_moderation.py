"""Moderation: staff flag spam or abuse, an administrator hides it or shows it again, and
filing past the rate limits waits in the same queue instead of being lost."""

import io
import re
from datetime import timedelta

from sqlalchemy import select

from foi.extensions import db
from foi.models import InfoRequest, ModerationFlag, OutboxMessage
from foi.models.base import utcnow
from foi.services.answering import request_answer
from foi.services.publishing import response_approve
from tests.documents.factories import text_pdf
from tests.factories import file_request, make_agency, make_user

SPAM_WORD = "Kazinoqalxanbonus"


def _published(agency, officer, coordinator, *, with_file=False):
    req = file_request(
        make_user("citizen"),
        agency,
        subject=f"{SPAM_WORD} pulsuz",
        body=f"{SPAM_WORD} saytına keçin, pulsuz bonus.",
    )
    pdf = io.BytesIO(text_pdf(["Budce cedveli Zeytunfayl"]))
    uploads = [(pdf, "cedvel.pdf")] if with_file else []
    request_answer(actor=officer, req=req, outcome="given", text="Cavab.", uploads=uploads)
    response_approve(actor=coordinator, req=req)
    return req


def _flag(client, req, reason="spam", target=0):
    return client.post(
        f"/officer/requests/{req.reference}/flag",
        data={"flag-reason": reason, "flag-note": "Reklam", "flag-target": str(target)},
    )


def _decide(client, decision: str):
    flag = db.session.scalars(select(ModerationFlag).order_by(ModerationFlag.id.desc())).first()
    return client.post(f"/admin/moderation/{flag.id}/{decision}")


def test_a_flagged_request_hidden_by_an_administrator_leaves_the_archive_until_restored(
    app, client, login
):
    agency = make_agency()
    officer, coordinator = make_user("officer", agency), make_user("coordinator", agency)
    req = _published(agency, officer, coordinator)
    assert req.reference in client.get(f"/archive?q={SPAM_WORD}").get_data(as_text=True)

    login(officer)
    assert _flag(client, req).status_code == 302
    assert client.get(f"/r/{req.reference}").status_code == 200  # a flag alone hides nothing

    login(make_user("admin"))
    queue = client.get("/admin/moderation").get_data(as_text=True)
    assert "1 flag waiting" in queue and req.subject in queue and "Reklam" in queue
    assert _decide(client, "hide").status_code == 302

    client.post("/logout")
    assert client.get(f"/r/{req.reference}").status_code == 404
    assert req.reference not in client.get(f"/archive?q={SPAM_WORD}").get_data(as_text=True)
    assert client.get(f"/api/v1/requests/{req.reference}").status_code == 404
    assert req.reference not in client.get("/api/v1/requests").get_data(as_text=True)
    assert req.reference not in client.get("/archive/feed.atom").get_data(as_text=True)

    # The requester is told why, and what it means for the deadline.
    login(req.requester)
    page = client.get(f"/my/requests/{req.reference}").get_data(as_text=True)
    assert "Hidden by the site&#39;s administrators" in page and "Spam" in page

    login(make_user("admin"))
    assert "Hidden now" in client.get("/admin/moderation").get_data(as_text=True)
    assert _decide(client, "restore").status_code == 302
    client.post("/logout")
    assert client.get(f"/r/{req.reference}").status_code == 200
    assert req.reference in client.get(f"/archive?q={SPAM_WORD}").get_data(as_text=True)
    kinds = [e.kind for e in req.events]
    assert kinds[-3:] == ["flagged", "hidden", "restored"]


def test_a_hidden_file_is_served_to_nobody_and_its_text_leaves_the_index(app, client, login):
    agency = make_agency()
    officer, coordinator = make_user("officer", agency), make_user("coordinator", agency)
    req = _published(agency, officer, coordinator, with_file=True)
    [doc] = [d for d in req.documents if d.source == "response"]
    assert client.get(f"/r/{req.reference}/files/{doc.id}").status_code == 200
    assert req.reference in client.get("/archive?q=Zeytunfayl").get_data(as_text=True)

    login(officer)
    _flag(client, req, reason="personal_data", target=doc.id)
    login(make_user("admin"))
    _decide(client, "hide")

    client.post("/logout")
    assert client.get(f"/r/{req.reference}").status_code == 200  # the request stays public
    assert client.get(f"/r/{req.reference}/files/{doc.id}").status_code == 404
    assert req.reference not in client.get("/archive?q=Zeytunfayl").get_data(as_text=True)
    login(officer)
    assert client.get(f"/officer/requests/{req.reference}/files/{doc.id}").status_code == 404

    login(make_user("admin"))
    _decide(client, "restore")
    client.post("/logout")
    assert client.get(f"/r/{req.reference}/files/{doc.id}").status_code == 200


def test_an_open_request_hidden_leaves_the_queue_and_its_reminders_stop(app, client, login):
    agency = make_agency()
    officer = make_user("officer", agency)
    req = file_request(make_user("citizen"), agency, subject=f"{SPAM_WORD} bonus")
    login(officer)
    assert req.reference in client.get("/officer/").get_data(as_text=True)
    _flag(client, req, reason="abusive")
    login(make_user("admin"))
    _decide(client, "hide")

    login(officer)
    assert req.reference not in client.get("/officer/").get_data(as_text=True)
    detail = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    assert "no reminders are sent" in detail and "Abusive or offensive" in detail
    db.session.refresh(req)
    assert req.next_reminder_at is None and req.due_at is not None  # the deadline stands

    login(make_user("admin"))
    _decide(client, "restore")
    login(officer)
    assert req.reference in client.get("/officer/").get_data(as_text=True)
    db.session.refresh(req)
    assert req.next_reminder_at is not None


def test_a_dismissed_flag_changes_nothing_and_cannot_be_decided_twice(app, client, login):
    agency = make_agency()
    officer, coordinator = make_user("officer", agency), make_user("coordinator", agency)
    req = _published(agency, officer, coordinator)
    login(officer)
    _flag(client, req)
    login(make_user("admin"))
    _decide(client, "dismiss")
    assert "Nothing to decide" in client.get("/admin/moderation").get_data(as_text=True)
    page = _decide(client, "hide")
    assert page.status_code == 302
    assert "decided already" in client.get("/admin/moderation").get_data(as_text=True)
    assert client.get(f"/r/{req.reference}").status_code == 200


def test_only_the_agencys_staff_flag_and_only_administrators_decide(app, client, login):
    agency = make_agency()
    officer, coordinator = make_user("officer", agency), make_user("coordinator", agency)
    req = _published(agency, officer, coordinator)
    login(make_user("officer", make_agency()))  # another agency's officer learns nothing
    assert _flag(client, req).status_code == 404
    assert db.session.scalar(select(ModerationFlag)) is None
    login(officer)
    _flag(client, req)
    for person in (officer, coordinator, make_user("citizen"), make_user("ombudsman")):
        login(person)
        assert client.get("/admin/moderation").status_code in (403, 404)
        assert _decide(client, "hide").status_code in (403, 404)
    assert client.get(f"/r/{req.reference}").status_code == 200


def test_filing_past_the_rate_limit_waits_for_an_administrator_who_sends_it_on(
    app, client, login, limits_on, mail_server
):
    limits_on(filing__account="1/hour")
    agency = make_agency()
    coordinator = make_user("coordinator", agency)
    citizen = make_user("citizen")
    login(citizen)
    form = {"body": "Məktəblərin təmir xərcləri.", "agency_id": str(agency.id), "urgency": ""}
    client.post("/requests/new", data={**form, "subject": "Birinci"})
    page = client.post("/requests/new", data={**form, "subject": "İkinci"}, follow_redirects=True)
    text = page.get_data(as_text=True)
    assert "goes to the agency once the site&#39;s administrators have checked it" in text
    assert "Waiting for a check by the site's administrators" in text
    assert "Held until you confirm your address" not in text
    second = db.session.scalar(select(InfoRequest).where(InfoRequest.subject == "İkinci"))
    assert second.status == "held" and second.reference.startswith("HOLD-")
    staff_mail = select(OutboxMessage).where(OutboxMessage.to_addr == coordinator.email)
    assert len(db.session.scalars(staff_mail).all()) == 1  # told of the first only

    login(coordinator)
    assert "İkinci" not in client.get("/officer/?status=all").get_data(as_text=True)

    login(make_user("admin"))
    queue = client.get("/admin/moderation").get_data(as_text=True)
    assert "İkinci" in queue and "the rate limits" in queue
    decided = utcnow()
    _decide(client, "restore")
    db.session.refresh(second)
    assert re.fullmatch(r"AZ-\d{4}-\d{6}", second.reference)
    assert second.status == "awaiting" and second.hidden_at is None
    assert abs(second.received_at - decided) < timedelta(minutes=1)  # the clock starts now
    ack = select(OutboxMessage).where(OutboxMessage.to_addr == citizen.email)
    assert any(second.reference in m.subject for m in db.session.scalars(ack))
    login(coordinator)
    assert "İkinci" in client.get("/officer/").get_data(as_text=True)


def test_a_request_held_for_the_limits_stays_held_when_the_address_is_confirmed(
    app, client, login, limits_on
):
    from foi.services.filing import held_requests_file

    limits_on(filing__account="1/hour")
    agency = make_agency()
    citizen = make_user("citizen")
    login(citizen)
    form = {"body": "Xərclər.", "agency_id": str(agency.id), "urgency": ""}
    client.post("/requests/new", data={**form, "subject": "Birinci"})
    client.post("/requests/new", data={**form, "subject": "İkinci"})
    # A later confirmation (an address change, a reset) files what the address held, not this.
    assert held_requests_file(requester=citizen, now=utcnow()) == []
    second = db.session.scalar(select(InfoRequest).where(InfoRequest.subject == "İkinci"))
    assert second.status == "held"
