"""Every answer carries a request id; in JSON mode each log line is JSON with that id."""

import json
import logging

import pytest

from foi import create_app


def test_every_answer_has_a_request_id_and_a_sane_incoming_one_is_kept(client):
    fresh = client.get("/healthz").headers["X-Request-ID"]
    assert len(fresh) == 32 and fresh != client.get("/healthz").headers["X-Request-ID"]
    kept = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.2:9"})
    assert kept.headers["X-Request-ID"] == "lb-7f3a.2:9"


@pytest.mark.parametrize("bad", ["<script>", "a b", "x" * 200, "-leading-dash", "é"])
def test_an_insane_incoming_request_id_is_replaced(client, bad):
    answered = client.get("/healthz", headers={"X-Request-ID": bad}).headers["X-Request-ID"]
    assert answered != bad and len(answered) == 32


@pytest.fixture
def json_logs(database_url):
    """An app logging JSON lines to stderr; the root logger is put back afterwards."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=database_url, LOG_FORMAT="json")
    yield app
    root.handlers[:], level = saved
    root.setLevel(level)


def test_json_logs_carry_the_request_id(json_logs, capsys):
    client = json_logs.test_client()

    @json_logs.get("/test-log")
    def _noisy():
        logging.getLogger("foi.test").warning("looked at %s", "something")
        return "ok"

    client.get("/test-log", headers={"X-Request-ID": "trace-42"})
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line]
    ours = [line for line in lines if line.get("request_id") == "trace-42"]
    assert {"logger": "foi.test", "level": "WARNING", "message": "looked at something"}.items() <= (
        ours[0].items()
    )
    access = ours[-1]
    assert access["logger"] == "foi.request" and access["status"] == 200
    assert access["path"] == "/test-log" and access["duration_ms"] >= 0
