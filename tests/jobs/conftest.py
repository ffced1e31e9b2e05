"""Fixtures for the scheduler's tests: people, a clock around a due date, a mail outage."""

import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from foi.extensions import db
from foi.models import InfoRequest, ReminderSchedule
from foi.requests.states import RequestStatus
from foi.services.deadlines import law_calendar
from foi.services.reminders import first_day_within
from tests.conftest import _free_port
from tests.factories import file_request, make_agency, make_user


@dataclass
class Agency:
    agency: object
    officer: object
    coordinator: object
    citizen: object


@pytest.fixture
def office(app):
    """An agency with an officer and a coordinator, and a citizen who files requests."""
    agency = make_agency()
    return Agency(
        agency, make_user("officer", agency), make_user("coordinator", agency), make_user("citizen")
    )


@pytest.fixture
def assigned_request(office):
    """File a request and assign it to the officer; return it."""

    def make(**values) -> InfoRequest:
        req = file_request(office.citizen, office.agency, **values)
        req.assignee = office.officer
        db.session.commit()
        return req

    return make


def at_mark(req: InfoRequest, mark: int, hour: int = 9) -> datetime:
    """Return ``hour`` o'clock local on the first day ``mark`` working days before due."""
    cal = law_calendar(req.agency.law_code)
    due_day = cal.local(req.due_at).date()
    return cal.start_of_day(first_day_within(cal, due_day, mark)) + timedelta(hours=hour)


class SwitchableServer:
    """A real SMTP server (aiosmtpd) that can be stopped, started and told to refuse.

    ``refuse[address] = "451 ..."`` or ``"550 ..."`` makes it answer that to mail for the
    address; everything else is accepted and kept in ``messages``.
    """

    def __init__(self):
        self.port = _free_port()
        self.messages = []
        self.refuse: dict[str, str] = {}
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        server = self

        class Handler:
            async def handle_DATA(self, smtp, session, envelope):
                import email
                from email import policy

                for rcpt in envelope.rcpt_tos:
                    if rcpt in server.refuse:
                        return server.refuse[rcpt]
                server.messages.append(
                    email.message_from_bytes(envelope.content, policy=policy.default)
                )
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def keys(self) -> list[str]:
        return [m["X-FOI-Key"] for m in self.messages]


@pytest.fixture
def outage_server(app, monkeypatch):
    """This test's own SMTP server, created stopped: the test starts and stops it."""
    server = SwitchableServer()
    monkeypatch.setitem(app.config, "SMTP_PORT", server.port)
    monkeypatch.setitem(app.config, "SMTP_TIMEOUT", 2)
    yield server
    server.stop()


ROOT = Path(__file__).resolve().parents[2]


def seed_due(office, count: int, due_at: datetime, version: int = 1) -> list[int]:
    """Insert ``count`` open requests assigned to the officer, all due at ``due_at``.

    Bulk INSERT rather than the filing service: thousands of rows in a fraction of a second.
    Each waits for the reminder sweep (its schedule row's moment in the past).
    """
    received = due_at - timedelta(days=10)
    rows = [
        {
            "reference": f"T-{i:06d}",
            "requester_id": office.citizen.id,
            "agency_id": office.agency.id,
            "assignee_id": office.officer.id,
            "subject": f"Request {i}",
            "body": "Please send it.",
            "lang": "en",
            "urgency": None,
            "publish_name": False,
            "status": RequestStatus.AWAITING.value,
            "outcome": None,
            "received_at": received,
            "due_at": due_at,
            "deadline_version": version,
            "created_at": received,
            "updated_at": received,
        }
        for i in range(count)
    ]
    db.session.execute(insert(InfoRequest), rows)
    ids = list(
        db.session.scalars(
            select(InfoRequest.id).where(InfoRequest.reference.like("T-%")).order_by(InfoRequest.id)
        )
    )
    db.session.execute(
        insert(ReminderSchedule), [{"request_id": i, "next_at": received} for i in ids]
    )
    db.session.commit()
    return ids


def flask_foi(
    database_url: str, smtp_port: int, tmp_path, *args: str, env: dict | None = None
) -> subprocess.Popen:
    """Start ``flask --app wsgi foi <args>`` as a real process on the test database."""
    extra = env or {}
    env = {
        **os.environ,
        "FOI_ENV": "testing",
        "FOI_DATABASE_URL": database_url,
        "FOI_SMTP_HOST": "127.0.0.1",
        "FOI_SMTP_PORT": str(smtp_port),
        "FOI_INSTANCE_DIR": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
        **extra,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "foi", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def kill_when(proc: subprocess.Popen, marker: str) -> list[str]:
    """SIGKILL the process as soon as it prints a line containing ``marker``.

    A process that never prints it is killed after two minutes, so the test fails instead of
    hanging the suite (a worker waiting for work never ends by itself).
    """
    lines = []
    watchdog = threading.Timer(120, proc.kill)
    watchdog.start()
    try:
        for line in proc.stdout:
            lines.append(line)
            if marker in line:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                return lines
    finally:
        watchdog.cancel()
    proc.wait()
    raise AssertionError("the process ended before " + repr(marker) + ":\n" + "".join(lines))


def finish(proc: subprocess.Popen) -> str:
    """Wait for the process; fail with its output unless it exited cleanly."""
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0, out
    return out
