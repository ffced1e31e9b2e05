"""One scheduler acts at a time; another takes over when the holder stops renewing."""
from datetime import timedelta

from foi.jobs.lock import LEASE, lease_acquire, lease_holder, lease_release
from foi.models.base import utcnow


def test_second_scheduler_waits_until_the_lease_expires_then_takes_over(app):
    now = utcnow()
    assert lease_acquire("host:1", now)
    assert not lease_acquire("host:2", now + timedelta(seconds=30))
    assert lease_acquire("host:1", now + timedelta(minutes=2))  # renewal moves the expiry
    assert not lease_acquire("host:2", now + LEASE + timedelta(seconds=30))
    later = now + timedelta(minutes=2) + LEASE
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
