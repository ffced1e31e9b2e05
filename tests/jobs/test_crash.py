"""A real scheduler process killed mid-sweep, restarted, or started twice: each reminder once.

The scheduler runs as a subprocess on the test database with an injected clock (``--now``) and
sends through a real SMTP server; what counts is what the server received, by X-FOI-Key.
"""

from collections import Counter
from datetime import UTC, timedelta

from sqlalchemy import func, select

from foi.extensions import db
from foi.models import Event, OutboxMessage
from foi.models.base import utcnow
from foi.services.deadlines import law_calendar
from tests.jobs.conftest import finish, flask_foi, kill_when, seed_due

N = 2000


def due_today(office, n=N):
    """Seed ``n`` requests due in two hours; return their ids and the sweep's moment.

    The sweep runs at noon of today in the law's timezone, not at the wall clock's moment: after
    22:00 in Baku "in two hours" is tomorrow, and the notice would be ``due1``, not ``due0``.
    """
    cal = law_calendar(office.agency.law_code)
    noon = cal.start_of_day(cal.local(utcnow()).date()) + timedelta(hours=12)
    now = noon.astimezone(UTC)
    return seed_due(office, n, now + timedelta(hours=2)), now


def expected_keys(ids, office):
    return {f"req:{i}:due0:v1:u{office.officer.id}" for i in ids}


def test_scheduler_killed_mid_sweep_and_restarted_delivers_every_reminder_once(
    app, database_url, office, outage_server, tmp_path
):
    outage_server.start()
    ids, now = due_today(office)

    first = flask_foi(
        database_url,
        outage_server.port,
        tmp_path,
        "scheduler",
        "--once",
        "--now",
        now.isoformat(),
        "--batch",
        "100",
    )
    kill_when(first, "reminders: batch 3 committed")
    db.session.rollback()
    enqueued = db.session.scalar(select(func.count()).select_from(OutboxMessage))
    assert 300 <= enqueued < N, "the kill should land in the middle of the sweep"

    # The dead scheduler's lease runs out after seconds; the restart takes over then.
    out = finish(
        flask_foi(
            database_url,
            outage_server.port,
            tmp_path,
            "scheduler",
            "--once",
            "--now",
            (now + timedelta(minutes=4)).isoformat(),
        )
    )
    assert "done" in out

    received = Counter(k for k in outage_server.keys() if k.startswith("req:"))
    assert set(received) == expected_keys(ids, office)
    assert max(received.values()) == 1
    events = db.session.scalar(
        select(func.count()).select_from(Event).where(Event.kind == "reminder_sent")
    )
    assert events == N


def test_restart_before_the_lease_expires_waits_for_it(
    app, database_url, office, outage_server, tmp_path
):
    outage_server.start()
    _ids, now = due_today(office)
    first = flask_foi(
        database_url,
        outage_server.port,
        tmp_path,
        "scheduler",
        "--once",
        "--now",
        now.isoformat(),
        "--batch",
        "100",
    )
    kill_when(first, "reminders: batch 1 committed")
    out = finish(
        flask_foi(
            database_url,
            outage_server.port,
            tmp_path,
            "scheduler",
            "--once",
            "--now",
            (now + timedelta(seconds=5)).isoformat(),
        )
    )
    assert "another scheduler holds the lease" in out
    assert outage_server.messages == []


def test_two_schedulers_started_at_once_send_each_reminder_once(
    app, database_url, office, outage_server, tmp_path
):
    outage_server.start()
    ids, now = due_today(office, 500)
    args = ("scheduler", "--once", "--now", now.isoformat(), "--batch", "50")
    both = [flask_foi(database_url, outage_server.port, tmp_path, *args) for _ in range(2)]
    for proc in both:
        finish(proc)
    received = Counter(k for k in outage_server.keys() if k.startswith("req:"))
    assert set(received) == expected_keys(ids, office)
    assert max(received.values()) == 1


def test_two_sweeps_without_the_lease_still_enqueue_each_reminder_once(
    app, database_url, office, outage_server, tmp_path
):
    """Even if the lease were bypassed, the outbox's unique keys keep the reminders single."""
    ids, now = due_today(office, 1000)
    args = ("remind", "--now", now.isoformat(), "--batch", "100")
    both = [flask_foi(database_url, outage_server.port, tmp_path, *args) for _ in range(2)]
    for proc in both:
        finish(proc)
    keys = Counter(db.session.scalars(select(OutboxMessage.key)))
    assert set(keys) == expected_keys(ids, office)
    events = Counter(
        db.session.scalars(select(Event.request_id).where(Event.kind == "reminder_sent"))
    )
    assert set(events) == set(ids) and max(events.values()) == 1


def test_delivery_killed_midway_loses_nothing_and_repeats_at_most_the_message_in_flight(
    app, database_url, office, outage_server, tmp_path
):
    """The documented at-least-once window: SMTP accepted, process died before marking sent."""
    from foi.jobs.sweeps import sweep_reminders

    outage_server.start()
    ids, now = due_today(office, 1200)
    sweep_reminders(app, now)
    sender = flask_foi(
        database_url, outage_server.port, tmp_path, "send-mail", "--now", now.isoformat()
    )
    kill_when(sender, "so far")  # logged after each 1,000 messages
    assert 1000 <= len(outage_server.messages) < len(ids)

    # The killed sender's lease runs out after seconds; then the next one may send.
    finish(
        flask_foi(
            database_url,
            outage_server.port,
            tmp_path,
            "send-mail",
            "--now",
            (now + timedelta(minutes=4)).isoformat(),
        )
    )
    received = Counter(outage_server.keys())
    assert set(received) == expected_keys(ids, office)
    twice = [key for key, n in received.items() if n > 1]
    assert len(twice) <= 1 and max(received.values()) <= 2
    for key in twice:  # the same Message-ID both times: a mail store shows it once
        assert len({m["Message-ID"] for m in outage_server.messages if m["X-FOI-Key"] == key}) == 1
