"""Fixtures for the scheduler's tests: people, a clock around a due date, a mail outage."""
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from foi.extensions import db
from foi.models import InfoRequest
from foi.services.deadlines import law_calendar
from foi.services.reminders import first_day_within
from tests.conftest import MailServer
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
    return Agency(agency, make_user("officer", agency), make_user("coordinator", agency),
                  make_user("citizen"))


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


@pytest.fixture
def outage_server(app, monkeypatch):
    """A real SMTP server of this test's own, which the test stops and starts."""
    server = MailServer()
    monkeypatch.setitem(app.config, "SMTP_PORT", server.port)
    monkeypatch.setitem(app.config, "SMTP_TIMEOUT", 2)
    yield server
    if server.controller._thread is not None:
        server.stop()
