"""The second clock through the pages: a requester complains, the Ombudsman extends and decides."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from foi.models import Complaint
from foi.models.base import utcnow
from foi.services.answering import request_answer, request_note
from foi.services.complaints import complaint_lodge
from tests.factories import file_request, make_agency, make_user

SECRET_NOTE = "Daxili qeyd: bu sorğunu gecikdirin"


@pytest.fixture
def world(app):
    agency = make_agency(name_en="Ministry of Health")
    citizen = make_user("citizen", locale="en")
    ombudsman = make_user("ombudsman", locale="en")
    officer = make_user("officer", agency)
    # Filed 30 days ago: the 7 working days of art. 24.1 are long over.
    late = file_request(
        citizen, agency, subject="Hospital budgets", now=utcnow() - timedelta(days=30)
    )
    fresh = file_request(citizen, agency, subject="School repairs")
    return dict(
        agency=agency, citizen=citizen, ombudsman=ombudsman, officer=officer, late=late, fresh=fresh
    )


def text_of(response):
    return response.get_data(as_text=True)


def test_requester_page_explains_how_the_due_date_was_computed(world, login):
    client = login(world["citizen"])
    html = text_of(
        client.get(f"/my/requests/{world['fresh'].reference}", headers={"Accept-Language": "en"})
    )
    assert 'id="due-explanation"' in html
    assert "7 working days from" in html and "(Art. 24.1, 24.5)" in html


def test_no_complaint_form_while_the_agency_is_in_time(world, login):
    client = login(world["citizen"])
    html = text_of(client.get(f"/my/requests/{world['fresh'].reference}"))
    assert "/complain" not in html
    response = client.post(
        f"/my/requests/{world['fresh'].reference}/complain", data={"text": "Too slow"}
    )
    assert response.status_code == 422
    assert Complaint.query.count() == 0


def test_requester_complains_about_an_overdue_request_from_its_page(world, login):
    client = login(world["citizen"])
    ref = world["late"].reference
    page = text_of(client.get(f"/my/requests/{ref}"))
    assert f'action="/my/requests/{ref}/complain"' in page
    assert "Ombudsman" in page and "The time limit ends" in page

    empty = client.post(f"/my/requests/{ref}/complain", data={"text": ""})
    assert empty.status_code == 422
    assert 'id="text-error"' in text_of(empty)

    sent = client.post(
        f"/my/requests/{ref}/complain", data={"text": "No answer in 7 working days."}
    )
    assert sent.status_code == 302
    [complaint] = Complaint.query.all()
    assert complaint.ground == "overdue"
    page = text_of(client.get(f"/my/requests/{ref}"))
    assert "It must be decided by" in page
    assert f'action="/my/requests/{ref}/complain"' not in page  # one at a time


def test_another_citizen_cannot_complain_about_someone_elses_request(world, login):
    client = login(make_user("citizen"))
    response = client.post(
        f"/my/requests/{world['late'].reference}/complain", data={"text": "Me too"}
    )
    assert response.status_code == 404
    assert Complaint.query.count() == 0


def lodge_long_ago(world):
    """A complaint lodged 60 days ago: the Ombudsman's 10 working days are over."""
    req = file_request(
        world["citizen"], world["agency"], subject="Old roads", now=utcnow() - timedelta(days=80)
    )
    return complaint_lodge(
        requester=world["citizen"],
        req=req,
        text="Still nothing.",
        now=utcnow() - timedelta(days=60),
    )


def test_oversight_lists_complaints_by_due_date_with_the_late_ones_marked(world, login):
    recent = complaint_lodge(requester=world["citizen"], req=world["late"], text="Late.")
    old = lodge_long_ago(world)
    html = text_of(login(world["ombudsman"]).get("/oversight/", headers={"Accept-Language": "en"}))
    assert html.index(old.request.reference) < html.index(recent.request.reference)
    row = html[html.index(old.request.reference) :].split("</tr>")[0]
    assert "Overdue" in row
    recent_row = html[html.index(recent.request.reference) :].split("</tr>")[0]
    assert "Overdue" not in recent_row
    assert "Waiting for the oversight body, oldest first" in html


def test_one_queue_of_complaints_and_overdue_requests_oldest_first_in_one_unit(world, login):
    old = lodge_long_ago(world)  # lodged 60 days ago
    # Overdue with no complaint: the 7 working days ran out about three weeks ago.
    urgent = file_request(
        world["citizen"],
        world["agency"],
        subject="Epidemic figures",
        urgency="life",
        # 48 working hours (art. 24.3) ran out days ago, whatever today's weekday or holidays;
        # filed well after ``late`` so that it falls due after it even when holidays stretch
        # late's 7 working days (filed 20 days ago, both fell due on 19 November 2026).
        now=utcnow() - timedelta(days=12),
    )
    html = text_of(login(world["ombudsman"]).get("/oversight/", headers={"Accept-Language": "en"}))
    rows = {
        ref: html[html.index(f'data-reference="{ref}"') :].split("</tr>")[0]
        for ref in (old.request.reference, world["late"].reference, urgent.reference)
    }
    order = sorted(rows, key=lambda ref: html.index(f'data-reference="{ref}"'))
    assert order == [old.request.reference, world["late"].reference, urgent.reference]
    assert "Complaint: The agency missed its legal deadline" in rows[old.request.reference]
    assert "Overdue, no complaint yet" in rows[world["late"].reference]
    assert "working days" in rows[world["late"].reference]
    assert "hours (urgent: counted in hours)" in rows[urgent.reference]
    assert world["fresh"].reference not in html  # within its deadline: not waiting for anyone


def test_dossier_shows_the_answer_and_history_but_never_internal_notes(world, login):
    req = world["late"]
    request_note(actor=world["officer"], req=req, text=SECRET_NOTE)
    request_answer(
        actor=world["officer"],
        req=req,
        outcome="refused",
        text="Refused under art. 38.2.",
        grounds=["private_data"],
    )
    complaint_lodge(requester=world["citizen"], req=req, text="The refusal is wrong.")
    html = text_of(login(world["ombudsman"]).get(f"/oversight/requests/{req.reference}"))
    assert "Refused under art. 38.2." in html
    assert "Art. 38.2" in html  # the ground with its article
    assert "The refusal is wrong." in html
    assert SECRET_NOTE not in html


def test_ombudsman_extends_once_then_decides_and_the_requester_reads_it(world, login):
    complaint = complaint_lodge(requester=world["citizen"], req=world["late"], text="Late.")
    first_due = complaint.due_at
    client = login(world["ombudsman"])
    prefix = f"extend{complaint.id}"

    refused = client.post(
        f"/oversight/complaints/{complaint.id}/extend", data={f"{prefix}-reason": ""}
    )
    assert refused.status_code == 422 and f'id="{prefix}-reason-error"' in text_of(refused)

    done = client.post(
        f"/oversight/complaints/{complaint.id}/extend",
        data={f"{prefix}-reason": "Waiting for the ministry's file."},
    )
    assert done.status_code == 302
    assert complaint.due_at > first_due
    page = text_of(client.get(f"/oversight/requests/{world['late'].reference}"))
    assert f'action="/oversight/complaints/{complaint.id}/extend"' not in page  # only once

    prefix = f"decide{complaint.id}"
    yesterday = (utcnow().astimezone(ZoneInfo("Asia/Baku")) - timedelta(days=1)).date()
    too_early = client.post(
        f"/oversight/complaints/{complaint.id}/decide",
        data={
            f"{prefix}-outcome": "upheld",
            f"{prefix}-decision": "The ministry must answer within 5 days.",
            f"{prefix}-answer_by": yesterday.isoformat(),
        },
    )
    html = text_of(too_early)
    assert too_early.status_code == 422 and f'id="{prefix}-answer_by-error"' in html
    assert "Choose a date after today for the answer." in html
    assert "The ministry must answer within 5 days." in html  # what was typed is kept
    assert complaint.status != "decided"

    answer_by = yesterday + timedelta(days=9)
    decided = client.post(
        f"/oversight/complaints/{complaint.id}/decide",
        data={
            f"{prefix}-outcome": "upheld",
            f"{prefix}-decision": "The ministry must answer within 5 days.",
            f"{prefix}-answer_by": answer_by.isoformat(),
        },
    )
    assert decided.status_code == 302
    assert complaint.status == "decided"
    assert world["late"].status == "awaiting"
    assert world["late"].due_at.astimezone(ZoneInfo("Asia/Baku")).date() == answer_by

    requester_page = text_of(
        login(world["citizen"]).get(
            f"/my/requests/{world['late'].reference}", headers={"Accept-Language": "en"}
        )
    )
    assert "Complaint upheld" in requester_page
    assert "The ministry must answer within 5 days." in requester_page


@pytest.mark.parametrize("role", ["citizen", "officer", "coordinator", "admin"])
def test_only_the_ombudsman_reaches_oversight_pages_and_actions(world, login, role):
    complaint = complaint_lodge(requester=world["citizen"], req=world["late"], text="Late.")
    person = make_user(role, world["agency"] if role in ("officer", "coordinator") else None)
    client = login(person)
    assert client.get("/oversight/").status_code == 404
    assert client.get(f"/oversight/requests/{world['late'].reference}").status_code == 404
    for action in ("extend", "decide"):
        assert client.post(f"/oversight/complaints/{complaint.id}/{action}").status_code == 404
    assert complaint.status == "lodged"


def test_public_api_gives_due_at_in_the_laws_timezone(world, app):
    from datetime import datetime

    from foi.services.publishing import response_approve

    req = world["fresh"]
    coordinator = make_user("coordinator", world["agency"])
    request_answer(actor=world["officer"], req=req, outcome="given", text="Here.")
    response_approve(actor=coordinator, req=req)
    data = app.test_client().get(f"/api/v1/requests/{req.reference}").get_json()
    due = datetime.fromisoformat(data["due_at"])
    assert data["due_at"].endswith("+04:00")  # Asia/Baku, as the law counts it
    assert due == req.due_at
    assert due.astimezone(ZoneInfo("Asia/Baku")).time().isoformat() == "23:59:59"
