"""/metrics: Prometheus text an operator's scraper reads, shown only to allowed addresses."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import insert, update

from foi.extensions import db
from foi.jobs import enqueue
from foi.models import InfoRequest, OutboxMessage, SchedulerLock
from tests.conftest import _free_port
from tests.factories import file_request, make_agency, make_user

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


def samples(text: str) -> dict[tuple[str, tuple], float]:
    """Return every sample of the exposition by (name, sorted labels)."""
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def scrape(client) -> dict:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    return samples(response.get_data(as_text=True))


def health_count(found: dict) -> float:
    key = (
        "foi_http_requests_total",
        (("endpoint", "site.health"), ("method", "GET"), ("status", "200")),
    )
    return found.get(key, 0)


def test_metrics_count_requests_by_endpoint_and_show_the_backlogs(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "CLOCK", lambda: NOW)
    agency, citizen = make_agency(), make_user("citizen")
    late = file_request(citizen, agency, subject="Late")
    file_request(citizen, agency, subject="On time")
    db.session.execute(
        update(InfoRequest).where(InfoRequest.id == late.id).values(due_at=NOW - timedelta(days=1))
    )
    db.session.execute(
        update(InfoRequest).where(InfoRequest.id != late.id).values(due_at=NOW + timedelta(days=5))
    )
    db.session.execute(update(OutboxMessage).values(created_at=NOW - timedelta(minutes=10)))
    db.session.execute(
        insert(SchedulerLock).values(
            name="scheduler",
            holder="host:1",
            expires_at=NOW,
            last_sweep_at=NOW - timedelta(seconds=30),
        )
    )
    db.session.commit()
    enqueue(app, kind="test.fail", args={}, user=citizen)  # waiting for a worker

    before = health_count(scrape(client))
    for _ in range(3):
        assert client.get("/healthz").status_code == 200
    found = scrape(client)

    assert health_count(found) == before + 3
    assert found[("foi_http_request_duration_seconds_count", (("endpoint", "site.health"),))] >= 3
    assert found[("foi_requests_open", ())] == 2
    assert found[("foi_requests_overdue", ())] == 1
    assert found[("foi_outbox_pending", ())] == 2  # the two acknowledgements
    assert found[("foi_outbox_oldest_pending_age_seconds", ())] == 600
    assert found[("foi_queue_backlog", (("queue", "mail"),))] == 2
    assert found[("foi_queue_backlog", (("queue", "jobs"),))] == 1
    assert (
        found[("foi_scheduler_last_sweep_timestamp_seconds", ())]
        == (NOW - timedelta(seconds=30)).timestamp()
    )


def test_an_unknown_page_is_counted_under_one_endpoint(client):
    client.get("/no/such/page/1")
    client.get("/no/such/page/2")
    found = scrape(client)
    assert (
        found[
            (
                "foi_http_requests_total",
                (("endpoint", "unmatched"), ("method", "GET"), ("status", "404")),
            )
        ]
        >= 2
    )
    assert not any("page/1" in str(labels) for _name, labels in found)


def test_metrics_are_not_found_from_other_addresses(app, client, monkeypatch):
    client.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    assert client.get("/metrics").status_code == 404
    monkeypatch.setitem(app.config, "METRICS_ALLOW", "127.0.0.1, 203.0.113.0/24")
    assert client.get("/metrics").status_code == 200
    client.environ_base["REMOTE_ADDR"] = "::1"
    monkeypatch.setitem(app.config, "METRICS_ALLOW", "127.0.0.1,::1")
    assert client.get("/metrics").status_code == 200


def test_gunicorn_workers_add_up_their_counts_in_multiprocess_mode(app, database_url, tmp_path):
    """Two real gunicorn workers: whichever answers the scrape reports both workers' requests."""
    port = _free_port()
    env = {
        **os.environ,
        "FOI_ENV": "testing",
        "FOI_DATABASE_URL": database_url,
        "FOI_INSTANCE_DIR": str(tmp_path),
        "FOI_BIND": f"127.0.0.1:{port}",
        "FOI_WORKERS": "2",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "prometheus"),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # wait for the workers to listen
            try:
                urllib.request.urlopen(base + "/healthz", timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("gunicorn did not start: " + server.stderr.read())

        def count() -> float:
            text = urllib.request.urlopen(base + "/metrics", timeout=30).read().decode()
            return health_count(samples(text))

        before = count()  # a slow start may have answered a timed-out try too
        with ThreadPoolExecutor(8) as pool:  # at once, so both workers answer some
            list(pool.map(lambda _: urllib.request.urlopen(base + "/healthz").read(), range(40)))
        assert [count() for _ in range(4)] == [before + 40] * 4  # whichever worker answers
        assert list((tmp_path / "prometheus").glob("counter_*.db"))  # the workers' own files
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
