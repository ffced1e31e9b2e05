"""A calendar change moves the open deadlines it affects, and says why on each request."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from foi.models import CalendarException
from foi.models.calendar import DAY_OFF, WORKING_DAY
from foi.services.answering import request_answer
from foi.services.calendar import calendar_exception_add, calendar_exception_remove
from foi.services.errors import DomainError, NotFound
from foi.services.history import record
from tests.factories import file_request, make_agency, make_user

BAKU = ZoneInfo("Asia/Baku")
# Received Monday 2 Feb 2026: 7 working days from Tue 3 Feb (AZ art. 24.1, 24.5) -> Wed 11 Feb.
RECEIVED = datetime(2026, 2, 2, 10, 0, tzinfo=BAKU)
DUE = datetime(2026, 2, 11, 23, 59, 59, tzinfo=BAKU)


@pytest.fixture
def world(app):
    agency = make_agency()
    citizen = make_user("citizen", locale="en")
    admin = make_user("admin")
    req = file_request(citizen, agency, now=RECEIVED, lang="en")
    return dict(agency=agency, citizen=citizen, admin=admin, req=req)


def moved_events(req):
    return [e for e in req.events if e.kind == "deadline_moved"]


def test_election_day_inside_the_period_moves_the_due_date_one_working_day(world):
    req = world["req"]
    assert req.due_at == DUE
    version = req.deadline_version

    moves = calendar_exception_add(
        actor=world["admin"],
        law_code="az",
        day=date(2026, 2, 4),
        kind=DAY_OFF,
        reason="Election day",
    )

    assert [m.reference for m in moves] == [req.reference]
    assert req.due_at == datetime(2026, 2, 12, 23, 59, 59, tzinfo=BAKU)
    assert req.deadline_version == version + 1
    [event] = moved_events(req)
    assert event.visibility == "public"
    assert event.text == (
        "Feb 4, 2026 declared a day off by the administrator (Election day): "
        "due date moved from Feb 11, 2026 to Feb 12, 2026."
    )
    assert event.data["old_due_at"].startswith("2026-02-11")


def test_the_request_page_explains_the_skipped_day_with_the_administrators_reason(world):
    from foi.services.deadlines import request_deadlines

    calendar_exception_add(
        actor=world["admin"],
        law_code="az",
        day=date(2026, 2, 4),
        kind=DAY_OFF,
        reason="Election day",
    )
    assert "4 Feb 2026 is a day off (Election day)" in request_deadlines(world["req"]).explain("en")


def test_a_saturday_made_a_working_day_brings_the_due_date_forward(world):
    req = world["req"]
    calendar_exception_add(
        actor=None,
        law_code="az",
        day=date(2026, 2, 7),
        kind=WORKING_DAY,
        reason="Swapped with 4 Feb",
    )
    assert req.due_at == datetime(2026, 2, 10, 23, 59, 59, tzinfo=BAKU)
    assert "made a working day" in moved_events(req)[0].text


def test_removing_the_exception_moves_the_deadline_back_and_says_so(world):
    req = world["req"]
    calendar_exception_add(
        actor=world["admin"],
        law_code="az",
        day=date(2026, 2, 4),
        kind=DAY_OFF,
        reason="Election day",
    )
    calendar_exception_remove(actor=world["admin"], law_code="az", day=date(2026, 2, 4))

    assert req.due_at == DUE
    first, second = moved_events(req)
    assert second.text.startswith("The administrator withdrew the day off on Feb 4, 2026")
    assert second.text.endswith("from Feb 12, 2026 to Feb 11, 2026.")
    assert CalendarException.query.count() == 0


def test_requests_not_affected_by_the_day_are_left_alone(world):
    citizen, agency = world["citizen"], world["agency"]
    due_before = file_request(citizen, agency, now=datetime(2026, 1, 23, 9, tzinfo=BAKU))
    received_after = file_request(citizen, agency, now=datetime(2026, 2, 5, 9, tzinfo=BAKU))
    answered = file_request(citizen, agency, now=RECEIVED)
    officer = make_user("officer", agency)
    request_answer(actor=officer, req=answered, outcome="given", text="Here it is.")
    versions = {
        r.id: (r.due_at, r.deadline_version) for r in (due_before, received_after, answered)
    }

    moves = calendar_exception_add(
        actor=world["admin"], law_code="az", day=date(2026, 2, 4), kind=DAY_OFF
    )

    assert [m.reference for m in moves] == [world["req"].reference]
    for r in (due_before, received_after, answered):
        assert (r.due_at, r.deadline_version) == versions[r.id]
        assert moved_events(r) == []


def test_requests_of_another_law_are_left_alone(world):
    uk_agency = make_agency(law_code="uk")
    uk_req = file_request(
        world["citizen"], uk_agency, now=datetime(2026, 2, 2, 10, tzinfo=ZoneInfo("Europe/London"))
    )
    due = uk_req.due_at
    calendar_exception_add(actor=world["admin"], law_code="az", day=date(2026, 2, 4), kind=DAY_OFF)
    assert uk_req.due_at == due and moved_events(uk_req) == []


def test_an_extension_that_no_longer_fits_never_blocks_a_calendar_change(world):
    """An extension recorded on the last day becomes 'after the due date' once it moves back."""
    req = world["req"]
    calendar_exception_add(
        actor=world["admin"],
        law_code="az",
        day=date(2026, 2, 4),
        kind=DAY_OFF,
        reason="Election day",
    )
    # Extended on 12 Feb, the (moved) last day: lawful at the time (AZ art. 25).
    record(
        req,
        "extended",
        actor=world["admin"],
        visibility="public",
        text="Archive search",
        at=datetime(2026, 2, 12, 15, tzinfo=BAKU),
        days=3,
    )
    from foi.extensions import db
    from foi.services.deadlines import refresh_due

    refresh_due(req)
    db.session.commit()
    assert req.due_at == datetime(2026, 2, 17, 23, 59, 59, tzinfo=BAKU)

    moves = calendar_exception_remove(actor=world["admin"], law_code="az", day=date(2026, 2, 4))

    assert moves and req.due_at == DUE  # the late extension is ignored, not a crash


def test_pages_and_later_actions_still_work_after_an_extension_was_ignored(world, login):
    from foi.services.answering import request_ask_clarification
    from foi.services.deadlines import request_deadlines

    req, officer = world["req"], make_user("officer", world["agency"])
    calendar_exception_add(actor=world["admin"], law_code="az", day=date(2026, 2, 4), kind=DAY_OFF)
    record(
        req,
        "extended",
        actor=officer,
        visibility="public",
        text="Archive search",
        at=datetime(2026, 2, 12, 15, tzinfo=BAKU),
        days=3,
    )
    from foi.extensions import db

    db.session.commit()
    calendar_exception_remove(actor=world["admin"], law_code="az", day=date(2026, 2, 4))

    assert "ignored" in request_deadlines(req).explain("en").lower()
    citizen_page = login(world["citizen"]).get(f"/my/requests/{req.reference}")
    assert citizen_page.status_code == 200
    assert login(officer).get(f"/officer/requests/{req.reference}").status_code == 200
    request_ask_clarification(actor=officer, req=req, question="Which year?")
    assert req.status == "clarification"


def test_a_new_extension_beyond_the_law_is_still_refused(world):
    from foi.services.answering import request_extend

    officer = make_user("officer", world["agency"])
    with pytest.raises(DomainError):  # AZ art. 25: at most 7 working days
        request_extend(actor=officer, req=world["req"], days=8, reason="Too long")
    assert not [e for e in world["req"].events if e.kind == "extended"]


def test_only_administrators_may_change_the_calendar(world):
    officer = make_user("officer", world["agency"])
    with pytest.raises(NotFound):
        calendar_exception_add(actor=officer, law_code="az", day=date(2026, 2, 4), kind=DAY_OFF)
    with pytest.raises(NotFound):
        calendar_exception_add(
            actor=world["citizen"], law_code="az", day=date(2026, 2, 4), kind=DAY_OFF
        )
    assert CalendarException.query.count() == 0


@pytest.mark.parametrize(
    "day, kind, field",
    [
        (date(2026, 2, 7), DAY_OFF, "day"),  # a Saturday is off already
        (date(2026, 2, 4), WORKING_DAY, "day"),  # a Wednesday works already
        (date(2026, 2, 4), "holiday", "kind"),
    ],
)
def test_changes_that_change_nothing_are_refused(world, day, kind, field):
    with pytest.raises(DomainError) as caught:
        calendar_exception_add(actor=world["admin"], law_code="az", day=day, kind=kind)
    assert caught.value.field == field


def test_one_exception_per_day_and_unknown_laws_refused(world):
    calendar_exception_add(actor=world["admin"], law_code="az", day=date(2026, 2, 4), kind=DAY_OFF)
    with pytest.raises(DomainError):
        calendar_exception_add(
            actor=world["admin"], law_code="az", day=date(2026, 2, 4), kind=DAY_OFF
        )
    with pytest.raises(DomainError):
        calendar_exception_add(
            actor=world["admin"], law_code="xx", day=date(2026, 2, 5), kind=DAY_OFF
        )
    with pytest.raises(DomainError):
        calendar_exception_remove(actor=world["admin"], law_code="az", day=date(2026, 2, 5))


def test_cli_adds_lists_and_removes_an_exception_and_reports_moved_deadlines(world, app):
    runner = app.test_cli_runner()
    added = runner.invoke(args=["foi", "calendar", "add", "2026-02-04", "--reason", "Election day"])
    assert added.exit_code == 0, added.output
    assert f"{world['req'].reference}: 2026-02-11" in added.output
    assert "1 open deadline(s) moved." in added.output

    listed = runner.invoke(args=["foi", "calendar", "list", "--year", "2026"])
    assert listed.output == "2026-02-04\tday_off\tElection day\n"

    again = runner.invoke(args=["foi", "calendar", "add", "2026-02-04"])
    assert again.exit_code == 1
    assert "already has an exception" in again.output

    removed = runner.invoke(args=["foi", "calendar", "remove", "2026-02-04"])
    assert removed.exit_code == 0 and "1 open deadline(s) moved." in removed.output
    assert runner.invoke(args=["foi", "calendar", "list"]).output == ""


# --- The admin page ---------------------------------------------------------------------------


def test_admin_page_shows_the_year_as_twelve_month_tables_with_named_holidays(world, login):
    html = (
        login(world["admin"])
        .get("/admin/calendar?law=az&year=2026", headers={"Accept-Language": "en"})
        .get_data(as_text=True)
    )
    assert html.count('<table class="cal-month">') == 12
    assert "<caption>January 2026</caption>" in html
    # Novruz is named, and said in words (not colour alone) inside its day cell.
    assert "Spring Festival" in html
    assert '<span class="visually-hidden">, public holiday: Spring Festival' in html


def test_admin_adds_and_removes_a_day_off_through_the_page(world, login):
    client = login(world["admin"])
    added = client.post(
        "/admin/calendar/add?year=2026",
        data={"law": "az", "day": "2026-02-04", "kind": "day_off", "reason": "Election day"},
    )
    assert added.status_code == 302
    html = client.get(added.headers["Location"], headers={"Accept-Language": "en"}).get_data(
        as_text=True
    )
    assert world["req"].reference in html  # the flash names the moved request
    assert "Election day" in html
    assert "day off set by the administrator: Election day" in html  # in the grid cell
    assert world["req"].due_at == datetime(2026, 2, 12, 23, 59, 59, tzinfo=BAKU)

    removed = client.post(
        "/admin/calendar/remove?year=2026", data={"law": "az", "day": "2026-02-04"}
    )
    assert removed.status_code == 302
    assert CalendarException.query.count() == 0
    assert world["req"].due_at == DUE


def test_bad_exception_form_is_shown_again_with_the_error_next_to_the_field(world, login):
    client = login(world["admin"])
    response = client.post(
        "/admin/calendar/add?year=2026",
        data={"law": "az", "day": "2026-02-07", "kind": "day_off", "reason": "Saturday"},
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="day-error"' in html and 'value="Saturday"' in html
    missing = client.post("/admin/calendar/add", data={"law": "az", "kind": "day_off"})
    assert missing.status_code == 422 and 'id="day-error"' in missing.get_data(as_text=True)


@pytest.mark.parametrize("role", ["citizen", "officer", "ombudsman"])
def test_only_administrators_reach_the_calendar_page(world, login, role):
    person = make_user(role, world["agency"] if role == "officer" else None)
    client = login(person)
    assert client.get("/admin/calendar").status_code == 404
    assert (
        client.post(
            "/admin/calendar/add", data={"law": "az", "day": "2026-02-04", "kind": "day_off"}
        ).status_code
        == 404
    )
    assert CalendarException.query.count() == 0
