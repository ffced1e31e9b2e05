"""One scheduler acts at a time; another takes over when the holder stops renewing."""

from datetime import timedelta

from foi.jobs.lock import LEASE, lease_acquire, lease_holder, lease_release
from foi.models.base import utcnow


def test_second_scheduler_waits_until_the_lease_expires_then_takes_over(app):
    now = utcnow()
    assert lease_acquire("host:1", now)
    third = LEASE / 3
    assert not lease_acquire("host:2", now + third)
    assert lease_acquire("host:1", now + 2 * third)  # renewal moves the expiry
    assert not lease_acquire("host:2", now + LEASE + third)
    later = now + 2 * third + LEASE
    assert lease_acquire("host:2", later)
    assert lease_holder()[0] == "host:2"
    assert not lease_acquire("host:1", later)  # the old holder has lost it for good


def test_a_clean_shutdown_hands_the_lease_over_at_once(app):
    now = utcnow()
    assert lease_acquire("host:1", now)
    lease_release("host:1")
    assert lease_acquire("host:2", now)


def test_creating_the_web_app_starts_no_scheduler(app):
    """Web workers import the app; only ``flask foi scheduler`` may run jobs."""
    import threading

    from foi import create_app

    before = {t.name for t in threading.enumerate()}
    create_app("testing", SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"])
    assert {t.name for t in threading.enumerate()} == before


def test_a_holder_that_stops_renewing_knows_it_before_a_standby_may_take_over(app):
    from foi.jobs.lock import Heartbeat

    moment = [utcnow()]
    active = Heartbeat(app, "host:1", lambda: moment[0], LEASE)
    standby = Heartbeat(app, "host:2", lambda: moment[0], LEASE)
    assert active.beat() and not standby.beat()
    moment[0] += LEASE  # no renewal for a whole lease (a stalled process)
    assert not active.held()
    assert standby.beat()
    assert not active.beat()
    assert lease_holder()[0] == "host:2"


def test_the_heartbeat_renews_the_lease_while_the_sweep_is_busy(app):
    """Renewal runs on its own thread: nothing in this thread calls it, yet the lease moves."""
    import time

    from foi.extensions import db
    from foi.jobs.lock import Heartbeat

    heartbeat = Heartbeat(app, "host:1", utcnow, timedelta(seconds=0.6))
    assert heartbeat.beat()
    first_expiry = lease_holder()[1]
    heartbeat.start()
    try:
        for _ in range(200):  # poll, up to 20 s; renewals come every 0.2 s
            db.session.rollback()
            if lease_holder()[1] > first_expiry + timedelta(seconds=0.3):
                break
            time.sleep(0.1)
        else:
            raise AssertionError("the heartbeat never renewed the lease")
        assert heartbeat.held()
    finally:
        heartbeat.stop()
    assert lease_holder()[1] <= utcnow()  # stopping hands the lease over
