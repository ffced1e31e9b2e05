"""Delivery through a real SMTP server that goes down, refuses, and comes back."""

from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from foi.extensions import db
from foi.mail.delivery import deliver_pending
from foi.mail.smtp import message_id
from foi.models import OutboxMessage
from foi.models.base import utcnow
from foi.models.outbox import FAILED, PENDING, SENT


def outbox(n: int, now, to="someone@example.org") -> list[str]:
    keys = [f"test:{i}" for i in range(n)]
    for key in keys:
        db.session.add(
            OutboxMessage(
                key=key,
                to_addr=to,
                subject=f"About {key}",
                body_text="Hello",
                created_at=now,
                next_attempt_at=now,
            )
        )
    db.session.commit()
    return keys


def status() -> Counter:
    db.session.expire_all()
    return Counter(db.session.scalars(select(OutboxMessage.status)))


def test_smtp_down_for_a_while_loses_nothing_and_sends_each_once_when_back(app, outage_server):
    now = utcnow()
    keys = outbox(20, now)
    for minutes in (0, 1, 6, 30):
        counts = deliver_pending(now + timedelta(minutes=minutes))
        assert counts["sent"] == 0 and counts["failed"] == 0
    assert status() == {PENDING: 20}

    outage_server.start()
    deliver_pending(now + timedelta(hours=3))
    deliver_pending(now + timedelta(hours=4))
    assert status() == {SENT: 20}
    assert sorted(outage_server.keys()) == sorted(keys)


def test_an_unreachable_server_waits_longer_after_each_failure(app, outage_server):
    now = utcnow()
    outbox(1, now)
    waits = []
    moment = now
    for _ in range(4):
        deliver_pending(moment)
        msg = db.session.scalars(select(OutboxMessage)).one()
        db.session.refresh(msg)
        waits.append(msg.next_attempt_at - moment)
        assert deliver_pending(msg.next_attempt_at - timedelta(seconds=1)) == {
            "sent": 0,
            "retry": 0,
            "failed": 0,
        }
        moment = msg.next_attempt_at
    assert waits == [timedelta(minutes=m) for m in (1, 5, 15, 60)]
    assert msg.last_error.startswith("connection:")


def test_4xx_is_retried_and_5xx_fails_at_once(app, outage_server):
    outage_server.start()
    outage_server.refuse["busy@example.org"] = "451 4.3.0 Try again later"
    outage_server.refuse["gone@example.org"] = "550 5.1.1 No such user"
    now = utcnow()
    outbox(1, now, to="busy@example.org")
    db.session.add(
        OutboxMessage(
            key="gone",
            to_addr="gone@example.org",
            subject="x",
            body_text="x",
            created_at=now,
            next_attempt_at=now,
        )
    )
    db.session.add(
        OutboxMessage(
            key="fine",
            to_addr="fine@example.org",
            subject="x",
            body_text="x",
            created_at=now,
            next_attempt_at=now,
        )
    )
    db.session.commit()
    assert deliver_pending(now) == {"sent": 1, "retry": 1, "failed": 1}
    assert outage_server.keys() == ["fine"]

    del outage_server.refuse["busy@example.org"]
    assert deliver_pending(now + timedelta(minutes=2)) == {"sent": 1, "retry": 0, "failed": 0}
    assert status() == {SENT: 2, FAILED: 1}


def test_delivery_gives_up_after_the_configured_hours(app, outage_server):
    created = utcnow()
    outbox(1, created)
    deliver_pending(created + timedelta(hours=95))
    assert status() == {PENDING: 1}
    deliver_pending(created + timedelta(hours=96, minutes=10))
    assert status() == {FAILED: 1}


def test_message_id_is_the_same_on_every_attempt(app, outage_server):
    outage_server.start()
    now = utcnow()
    (key,) = outbox(1, now)
    deliver_pending(now)
    assert outage_server.messages[0]["Message-ID"] == message_id(key)
