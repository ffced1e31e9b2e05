"""Administrators see waiting and failed mail, filter it, and send failed mail again."""

from datetime import timedelta

from foi.extensions import db
from foi.mail.delivery import deliver_pending
from foi.models import OutboxMessage
from foi.models.base import utcnow
from foi.models.outbox import FAILED, PENDING, SENT
from tests.factories import make_user


def add(key, status, to="x@example.org", error=""):
    msg = OutboxMessage(
        key=key,
        to_addr=to,
        subject=f"Subject {key}",
        body_text="Hello",
        status=status,
        last_error=error,
    )
    db.session.add(msg)
    db.session.commit()
    return msg


def test_admin_filters_the_outbox_by_status_and_text(app, client, login):
    login(make_user("admin"))
    add("req:1:due3:v1:u1", SENT, to="sent@example.org")
    add("req:2:overdue:v1:u1", FAILED, to="failed@example.org", error="rejected: 550 No user")
    add("req:3:due1:v1:u1", PENDING, to="waiting@example.org")

    page = client.get("/admin/outbox?status=failed").get_data(as_text=True)
    assert "failed@example.org" in page and "550 No user" in page
    assert "sent@example.org" not in page and "waiting@example.org" not in page

    page = client.get("/admin/outbox?q=due1").get_data(as_text=True)
    assert "waiting@example.org" in page and "failed@example.org" not in page


def test_retry_puts_a_failed_message_back_and_it_is_delivered(app, client, login, mail_server):
    login(make_user("admin"))
    msg = add(
        "req:9:overdue:v1:requester", FAILED, to="back@example.org", error="connection: refused"
    )
    response = client.post(f"/admin/outbox/{msg.id}/retry", data={"status": "failed"})
    assert response.status_code == 302 and "status=failed" in response.location
    db.session.expire_all()
    msg = db.session.get(OutboxMessage, msg.id)
    assert msg.status == PENDING and msg.retried_at is not None

    deliver_pending(utcnow() + timedelta(seconds=1))
    assert [m["X-FOI-Key"] for m in mail_server.to("back@example.org")] == [msg.key]


def test_only_administrators_see_the_outbox(app, client, login):
    from tests.factories import make_agency

    msg = add("k", FAILED)
    login(make_user("coordinator", make_agency()))
    assert client.get("/admin/outbox").status_code == 404
    assert client.post(f"/admin/outbox/{msg.id}/retry").status_code == 404
    db.session.expire_all()
    assert db.session.get(OutboxMessage, msg.id).status == FAILED
