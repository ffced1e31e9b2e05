"""/readyz tells a load balancer whether this host can serve: database, Redis, scheduler."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from foi import create_app
from foi.extensions import db
from foi.models import SchedulerLock
from tests.conftest import _free_port

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def heartbeat(at: datetime):
    """Write the lease row as a scheduler renewing it at ``at`` (15 s lease) would."""
    db.session.execute(
        insert(SchedulerLock).values(
            name="scheduler", holder="host:1", expires_at=at + timedelta(seconds=15)
        )
    )
    db.session.commit()


def at(app, monkeypatch, moment: datetime):
    monkeypatch.setitem(app.config, "CLOCK", lambda: moment)


def test_ready_when_the_database_answers_and_the_scheduler_beats(app, client, monkeypatch):
    heartbeat(NOW)
    at(app, monkeypatch, NOW + timedelta(seconds=20))  # past the lease, within one more
    response = client.get("/readyz")
    assert response.status_code == 200, response.json
    assert response.json == {"status": "ready", "checked": ["database", "scheduler"]}


def test_not_ready_when_the_scheduler_heartbeat_is_stale(app, client, monkeypatch):
    heartbeat(NOW)
    at(app, monkeypatch, NOW + timedelta(minutes=2))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json["failed"] == {"scheduler": "no heartbeat for 120 s"}
    assert client.get("/healthz").status_code == 200  # alive all the same: do not restart it


def test_not_ready_when_no_scheduler_ever_ran(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json["failed"] == {"scheduler": "no scheduler has run"}


def test_not_ready_when_the_database_is_unreachable(tmp_path):
    closed = _free_port()  # nothing listens there
    app = create_app(
        "testing", SQLALCHEMY_DATABASE_URI=f"postgresql+psycopg://foi@127.0.0.1:{closed}/foi"
    )
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.mimetype == "application/json"
    assert set(response.json["failed"]) == {"database"}
    assert "127.0.0.1" in response.json["failed"]["database"]


def test_redis_is_checked_when_configured(app, client, monkeypatch, redis_url):
    heartbeat(NOW)
    at(app, monkeypatch, NOW)
    monkeypatch.setitem(app.config, "REDIS_URL", redis_url)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert "redis" in response.json["checked"]

    monkeypatch.setitem(app.config, "REDIS_URL", f"redis://127.0.0.1:{_free_port()}/0")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert set(response.json["failed"]) == {"redis"}
