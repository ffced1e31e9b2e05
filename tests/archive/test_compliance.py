"""How agencies answer, one definition: requests in every state, clocks moved, each part counted."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from foi.extensions import db
from foi.mail.delivery import deliver_pending
from foi.models import OutboxMessage
from foi.models.base import utcnow
from foi.services import answering
from foi.services.compliance import PARTS, compliance, period_of_year, year_statistics
from foi.services.filing import request_withdraw
from tests.factories import file_request, make_agency, make_user

YEAR = 2025
NOW = datetime(2025, 11, 20, 9, tzinfo=UTC)  # a Thursday
DAY = timedelta(days=1)


def _move(req, received, *, due=None, answered=None, acknowledged_after=None):
    """Put the request at these moments (the services stamped the real clock)."""
    req.received_at, req.due_at, req.answered_at = received, due, answered
    receipt = db.session.scalar(
        select(OutboxMessage).where(OutboxMessage.key == f"req:{req.id}:acknowledgement")
    )
    if receipt is not None and receipt.sent_at is not None:
        if acknowledged_after is None:
            receipt.sent_at, receipt.status = None, "pending"  # never went out
        else:
            receipt.sent_at = received + acknowledged_after
    db.session.commit()


@pytest.fixture
def every_state(app):
    tax = make_agency(slug="tax", name_en="Tax Service")
    health = make_agency(slug="health", name_en="Ministry of Health")
    officer, citizen = make_user("officer", tax), make_user("citizen")
    made = {}

    def answered(name, outcome, grounds=()):
        req = file_request(citizen, tax, subject=name)
        answering.request_answer(
            actor=officer, req=req, outcome=outcome, text="Cavab.", grounds=list(grounds)
        )
        made[name] = req
        return req

    answered("given on time", "given")
    answered("given late", "given")
    answered("partial late", "partial", ["private_data"])
    answered("not held on time", "not_held")
    answered("refused on time", "refused", ["state_secret"])
    answered("refused late", "refused", ["state_secret"])
    for name in ("open in time", "open overdue", "waiting for clarification", "extended"):
        made[name] = file_request(citizen, tax, subject=name)
    answering.request_ask_clarification(
        actor=officer, req=made["waiting for clarification"], question="Hansı il?"
    )
    answering.request_extend(actor=officer, req=made["extended"], days=5, reason="Arxivdədir.")
    made["withdrawn"] = file_request(citizen, tax, subject="withdrawn")
    request_withdraw(requester=citizen, req=made["withdrawn"], reason="Lazım deyil.")
    made["transferred"] = file_request(citizen, tax, subject="transferred")
    answering.request_transfer(
        actor=officer, req=made["transferred"], agency_id=health.id, reason="Xəstəxanalar."
    )
    made["last year"] = file_request(citizen, tax, subject="last year")
    # Filed from an account whose address is not confirmed: held, not received by anyone.
    unconfirmed = make_user("citizen")
    unconfirmed.email_confirmed_at = None
    file_request(unconfirmed, tax, subject="held")
    deliver_pending(utcnow() + timedelta(seconds=1))

    base = datetime(2025, 10, 6, 8, tzinfo=UTC)  # a Monday, 12:00 in Baku; no holiday near
    due = base + 9 * DAY  # 7 working days (art. 24.1, 24.5): Wednesday of the next week
    hour = timedelta(hours=1)
    _move(made["given on time"], base, due=due, answered=base + 2 * DAY, acknowledged_after=hour)
    _move(made["given late"], base, due=due, answered=due + DAY, acknowledged_after=hour)
    _move(made["partial late"], base, due=due, answered=due + 3 * DAY, acknowledged_after=30 * hour)
    _move(made["not held on time"], base, due=due, answered=due, acknowledged_after=hour)
    _move(made["refused on time"], base, due=due, answered=base + DAY, acknowledged_after=hour)
    _move(made["refused late"], base, due=due, answered=due + 7 * DAY, acknowledged_after=hour)
    _move(made["open in time"], NOW - DAY, due=NOW + 6 * DAY, acknowledged_after=hour)
    # Six weeks past its due date and never answered.
    _move(made["open overdue"], datetime(2025, 9, 1, 8, tzinfo=UTC), due=NOW - 42 * DAY)
    _move(made["waiting for clarification"], base, due=None, acknowledged_after=hour)
    _move(made["extended"], NOW - 10 * DAY, due=NOW + DAY, acknowledged_after=hour)
    _move(made["withdrawn"], base, acknowledged_after=hour)
    _move(made["transferred"], base, due=due, acknowledged_after=hour)
    _move(made["last year"], datetime(2024, 12, 31, 19, 59, tzinfo=UTC), due=due)  # 23:59 Baku
    return tax, health


def _year(agency):
    start, end = period_of_year(YEAR)
    return compliance(agency, start=start, end=end, now=NOW)


def test_every_request_received_falls_in_exactly_one_part(every_state):
    tax, _health = every_state
    figures = _year(tax)
    assert figures.as_dict() == {
        "received": 12,
        "answered_on_time": 2,  # given on time, "not held" exactly at the due moment
        "answered_late": 2,  # given late, partial late
        "refused_on_time": 1,
        "refused_late": 1,
        "transferred": 1,
        "withdrawn": 1,
        "open_in_time": 3,  # in time, waiting for a clarification (clock stopped), extended
        "open_overdue": 1,
        "acknowledged_on_time": 10,  # not the one 30 hours late, nor the one never sent
        "extended": 1,
        # Working days from registration to answer: 1, 2, 7, 8, 9, 12 -> median 7.5.
        "median_working_days_to_answer": 7.5,
    }
    assert sum(getattr(figures, part) for part in PARTS) == figures.received
    # Of the 7 whose answer is given or overdue, 3 came on time: the overdue one counts against.
    assert figures.on_time_percent == 43


def test_a_transferred_request_counts_at_each_agency_it_reached(every_state):
    tax, health = every_state
    at_health = _year(health)
    assert at_health.received == 1 and at_health.open_overdue == 1  # the law's clock ran out
    assert _year(tax).transferred == 1
    site = _year(None)
    assert site.received == 13 and site.transferred == 1


def test_the_year_page_figures_add_up_by_agency_and_by_month(every_state):
    tax, health = every_state
    stats = year_statistics(YEAR, now=NOW)
    rows = {row.agency.slug: row.figures for row in stats.agencies}
    assert rows["tax"] == _year(tax) and rows["health"] == _year(health)
    assert stats.total.received == 13
    months = dict(stats.months)
    assert [m.month for m in months] == list(range(1, 12))  # up to November, the month of now
    assert months[datetime(2025, 10, 1).date()].received == 10
    assert sum(m.received for m in months.values()) == stats.total.received


def test_an_overdue_request_is_counted_once_its_due_date_passes(every_state):
    tax, _health = every_state
    start, end = period_of_year(YEAR)
    before = compliance(tax, start=start, end=end, now=NOW)
    later = compliance(tax, start=start, end=end, now=NOW + 7 * DAY)
    assert later.open_overdue == before.open_overdue + 2  # open in time and extended
    assert later.open_in_time == 1  # the clock stopped for a clarification


def test_last_years_request_is_counted_in_last_year_by_the_laws_time_zone(every_state):
    tax, _health = every_state
    start, end = period_of_year(YEAR - 1)
    assert compliance(tax, start=start, end=end, now=NOW).received == 1


def test_statistics_page_tables_charts_and_definition_in_every_language(every_state, client):
    page = client.get(f"/statistics?year={YEAR}").get_data(as_text=True)
    assert "How agencies answer: statistics 2025" in page
    assert 'data-agency="tax"' in page and 'data-agency="health"' in page
    assert "How these figures are counted" in page and "Art. 24.5" in page
    for chart in ("chart-on-time-agency", "chart-on-time-month", "chart-overdue", "chart-median"):
        assert f'id="{chart}"' in page
    # The bars carry their value as text: 3 of the 9 due by today (every open one is overdue
    # now, in 2026, but the one waiting for a clarification) were answered on time.
    assert "33% (3 of 9)" in page
    assert (
        'href="/statistics.csv?year=2025"' in page and 'href="/api/v1/statistics?year=2025"' in page
    )
    az = client.get(f"/statistics?year={YEAR}", headers={"Accept-Language": "az"})
    ru = client.get(f"/statistics?year={YEAR}", headers={"Accept-Language": "ru"})
    assert "How these figures are counted" not in az.get_data(as_text=True)
    assert "How these figures are counted" not in ru.get_data(as_text=True)
    assert client.get("/statistics?year=abc").status_code == 404


def test_statistics_table_sorts_by_any_column(every_state, client):
    by_name = client.get(f"/statistics?year={YEAR}&sort=agency&order=asc").get_data(as_text=True)
    assert by_name.index('data-agency="health"') < by_name.index('data-agency="tax"')
    most = client.get(f"/statistics?year={YEAR}&sort=received&order=desc").get_data(as_text=True)
    assert most.index('data-agency="tax"') < most.index('data-agency="health"')
    assert 'aria-sort="descending"' in most
    fewest = client.get(f"/statistics?year={YEAR}&sort=received&order=asc").get_data(as_text=True)
    assert fewest.index('data-agency="health"') < fewest.index('data-agency="tax"')


def test_csv_and_api_give_the_same_figures(every_state, client):
    tax, _health = every_state
    lines = client.get(f"/statistics.csv?year={YEAR}").get_data(as_text=True).splitlines()
    header = lines[0].lstrip("\ufeff").split(",")
    assert header[:3] == ["year", "agency", "agency_name"] and "open_overdue" in header
    rows = {line.split(",")[1]: dict(zip(header, line.split(","))) for line in lines[1:]}
    api = client.get(f"/api/v1/agencies/tax/statistics?year={YEAR}").get_json()
    assert api["received"] == 12 == int(rows["tax"]["received"])
    assert sum(api[part] for part in PARTS) == api["received"]
    assert int(rows["tax"]["open_overdue"]) == api["open_overdue"]
    site = client.get(f"/api/v1/statistics?year={YEAR}").get_json()
    assert site["received"] == 13 == int(rows[""]["received"])
    assert {a["slug"] for a in site["agencies"]} == {"tax", "health"}
    assert sum(site[part] for part in PARTS) == site["received"]


def test_api_explains_a_bad_year_and_an_unknown_agency_as_problems(every_state, client):
    bad = client.get("/api/v1/statistics?year=20x5")
    assert bad.status_code == 400 and bad.mimetype == "application/problem+json"
    assert bad.get_json()["invalid_params"][0]["name"] == "year"
    unknown = client.get("/api/v1/agencies/nope/statistics?year=2025")
    assert unknown.status_code == 404 and unknown.mimetype == "application/problem+json"
    assert "nope" in unknown.get_json()["detail"]
    ru = client.get("/api/v1/agencies/tax/statistics?year=1", headers={"Accept-Language": "ru"})
    assert ru.status_code == 400 and ru.headers["Content-Language"] == "ru"
