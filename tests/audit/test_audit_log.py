"""The administrators' audit log: every staff and administrator action in one list, with who,
when, what, on which object and from which address; filtered, exported, never rewritten."""

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import delete, select, update

from foi.extensions import db
from foi.models import AccountEvent, AuditEntry, Event, OutboxMessage
from foi.models.audit import AppendOnlyError
from foi.models.base import utcnow
from foi.services.answering import request_note
from foi.services.audit import audit_record
from foi.services.db import transaction
from foi.services.staff_changes import staff_deactivate
from tests.factories import file_request, make_agency, make_user

OFFICE = {"REMOTE_ADDR": "203.0.113.7"}
SECRET_NOTE = "Daxili qeyd: nazirin müavini XQ-55"


def _lines(client, query: str = "") -> str:
    """Return the log's table of the page asked for (not the filter's choices)."""
    page = client.get(f"/admin/audit{query}").get_data(as_text=True)
    return page[page.find("<tbody>") : page.find("</tbody>")] if "<tbody>" in page else ""


def test_staff_and_administrators_actions_are_listed_with_who_what_and_from_where(
    app, client, login
):
    agency = make_agency(slug="vergi")
    officer = make_user("officer", agency, display_name="Orxan Əliyev")
    citizen = make_user("citizen", display_name="Aysel Məmmədova")
    req = file_request(citizen, agency)
    login(officer)
    client.post(
        f"/officer/requests/{req.reference}/note",
        data={"note-text": SECRET_NOTE},
        environ_base=OFFICE,
    )
    admin = make_user("admin", display_name="Rəşad Admin")
    login(admin)
    client.post(
        "/admin/calendar/add?year=2026",
        data={"law": "az", "day": "2026-02-04", "kind": "day_off", "reason": "Election day"},
        environ_base={"REMOTE_ADDR": "198.51.100.9"},
    )
    client.post(
        f"/admin/users/{officer.id}/deactivate", environ_base={"REMOTE_ADDR": "198.51.100.9"}
    )

    page = client.get("/admin/audit").get_data(as_text=True)
    assert "3 actions" in page
    page = _lines(client)
    assert "Orxan Əliyev" in page and "Internal note" in page and req.reference in page
    assert "203.0.113.7" in page and "198.51.100.9" in page
    assert "Day off added to the calendar" in page and "az 2026-02-04" in page
    assert "Deactivated" in page and officer.email in page
    assert SECRET_NOTE not in page  # the log says a note was written, not what it says
    assert "Request filed" not in page  # the citizen's own filing is not a staff action

    only_officer = _lines(client, "?actor=Orxan")
    assert "Internal note" in only_officer and "Day off added" not in only_officer
    by_object = client.get(f"/admin/audit?object={req.reference}").get_data(as_text=True)
    assert "1 action" in by_object
    tomorrow = (utcnow() + timedelta(days=2)).date().isoformat()
    assert "0 actions" in client.get(f"/admin/audit?from={tomorrow}").get_data(as_text=True)


def test_the_log_downloads_as_csv_with_the_same_filters(app, client, login):
    agency = make_agency()
    officer = make_user("officer", agency, display_name="=cmd|' /C calc'!A0")
    req = file_request(make_user("citizen"), agency)
    login(officer)
    client.post(f"/officer/requests/{req.reference}/note", data={"note-text": "Qeyd"})
    login(make_user("admin"))
    response = client.get("/admin/audit.csv?action=note")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["at", "actor", "email", "role", "address", "action", "object", "detail"]
    [line] = rows[1:]
    assert line[5] == "request.note" and line[6] == req.reference
    assert line[1].startswith("'=")  # a spreadsheet does not run a name as a formula


def test_only_administrators_read_the_log(app, client, login):
    for role in ("citizen", "officer", "coordinator", "ombudsman"):
        login(make_user(role, make_agency() if role in ("officer", "coordinator") else None))
        assert client.get("/admin/audit").status_code in (403, 404)
        assert client.get("/admin/audit.csv").status_code in (403, 404)


def test_an_administrators_outbox_retry_is_logged(app, client, login):
    msg = OutboxMessage(
        key="test:1", to_addr="x@example.org", subject="S", body_text="B", status="failed"
    )
    db.session.add(msg)
    db.session.commit()
    login(make_user("admin", display_name="Rəşad Admin"))
    client.post(f"/admin/outbox/{msg.id}/retry", data={"status": "failed"})
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "E-mail sent again" in page and "x@example.org" in page


@pytest.mark.parametrize(
    ("model", "column"), [(Event, "text"), (AccountEvent, "kind"), (AuditEntry, "action")]
)
def test_no_service_can_change_or_remove_an_entry(app, model, column):
    agency = make_agency()
    officer = make_user("officer", agency)
    admin = make_user("admin")
    request_note(actor=officer, req=file_request(make_user("citizen"), agency), text="Qeyd")
    staff_deactivate(actor=admin, user_id=officer.id)
    with transaction():
        audit_record(admin, "agency_updated", "agency", label="vergi")
    entry = db.session.scalars(select(model)).first()

    setattr(entry, column, "forged")
    with pytest.raises(AppendOnlyError):
        db.session.commit()
    db.session.rollback()
    db.session.delete(entry)
    with pytest.raises(AppendOnlyError):
        db.session.commit()
    db.session.rollback()
    for statement in (update(model).values(at=utcnow()), delete(model)):
        with pytest.raises(AppendOnlyError):
            db.session.execute(statement)
        db.session.rollback()
    db.session.expire_all()
    assert getattr(db.session.get(model, entry.id), column) != "forged"
