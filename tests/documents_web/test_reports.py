"""Annual reports: the figures, the CLI that writes the country's PDF, who may download which."""

from datetime import UTC, datetime, timedelta

import pytest

from foi.models.user import ADMIN
from foi.services import answering, reports
from tests.documents_web.helpers import pdf_text
from tests.factories import file_request, make_agency, make_user

# A fixed moment, not today: a report counts by the year in Baku, which differs from the UTC
# year for four hours every New Year's Eve. Tuesday 10 June 2025, 10:00 in Baku.
MOMENT = datetime(2025, 6, 10, 6, 0, tzinfo=UTC)
YEAR = 2025


@pytest.fixture
def year_of_requests(app, tmp_path):
    app.config["REPORTS_DIR"] = str(tmp_path / "reports")
    finance = make_agency(slug="finance", name_en="Ministry of Finance")
    health = make_agency(slug="health", name_en="Ministry of Health")
    officer = make_user("officer", finance)
    citizen = make_user("citizen")
    at = dict(now=MOMENT)
    given = file_request(citizen, finance, **at)
    answering.request_answer(
        actor=officer, req=given, outcome="given", text="Budget attached.", **at
    )
    refused = file_request(citizen, finance, **at)
    answering.request_answer(
        actor=officer,
        req=refused,
        outcome="refused",
        text="Secret.",
        grounds=["state_secret"],
        **at,
    )
    partial = file_request(citizen, finance, **at)
    answering.request_answer(
        actor=officer,
        req=partial,
        outcome="partial",
        text="In part.",
        grounds=["state_secret", "private_data"],
        **at,
    )
    moved = file_request(citizen, finance, **at)
    answering.request_transfer(
        actor=officer,
        req=moved,
        agency_id=health.id,
        reason="Hospitals belong to the Ministry of Health.",
        **at,
    )
    file_request(citizen, health, **at)
    yield finance, health
    app.config.pop("REPORTS_DIR", None)


def test_agency_figures_count_received_answered_refused_by_ground_and_transfers(year_of_requests):
    finance, _health = year_of_requests
    report = reports.annual_figures(year=YEAR, agency=finance, lang="en")
    figures = report["figures"]
    # The transferred request counts at finance, which received it and passed it on.
    assert figures["received"] == 4 and figures["transferred"] == 1
    assert (figures["answered_on_time"], figures["refused_on_time"]) == (2, 1)
    assert figures["on_time_percent"] == 100 and figures["complaints"] == 0
    assert figures["median_working_days_to_answer"] == 0  # answered the day they came
    grounds = {g["ground"]: g["count"] for g in report["refused_by_ground"]}
    assert grounds["State secret"] == 2 and len(grounds) == 2


def test_country_figures_add_up_the_agencies(year_of_requests):
    report = reports.annual_figures(year=YEAR, lang="en")
    # Each agency's requests: the transferred one counts at both, as the statistics page says.
    assert report["figures"]["received"] == 6
    rows = {a["name"]: a["received"] for a in report["agencies"]}
    assert rows == {"Ministry of Finance": 4, "Ministry of Health": 2}
    assert reports.annual_figures(year=YEAR - 1)["figures"]["received"] == 0


def test_cli_writes_the_country_report_that_admins_then_download(year_of_requests, app, login):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["foi", "report", "--year", str(YEAR), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output
    client = login(make_user(ADMIN))
    response = client.get(f"/documents/reports/{YEAR}/country-en.pdf")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    text = " ".join(pdf_text(response.data).split())
    assert "Annual report" in text and "Ministry of Health" in text
    assert f"{YEAR}-country-en.pdf" in client.get("/documents/reports").get_data(as_text=True)


def test_cli_refuses_an_unknown_agency_in_one_line(year_of_requests, app, tmp_path):
    result = app.test_cli_runner().invoke(
        args=[
            "foi",
            "report",
            "--year",
            str(YEAR),
            "--agency",
            "nope",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert result.exit_code != 0
    assert "No agency with slug 'nope'" in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_cli_writes_an_agency_report_where_asked(year_of_requests, app, tmp_path):
    out = tmp_path / "finance.pdf"
    result = app.test_cli_runner().invoke(
        args=["foi", "report", "--year", str(YEAR), "--agency", "finance", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert year_of_requests[0].name_az in text  # Azerbaijani by default
    assert "İllik" in text or "illik" in text


def test_coordinator_downloads_own_agency_report_only(year_of_requests, login):
    finance, health = year_of_requests
    client = login(make_user("coordinator", finance))
    assert client.get(f"/documents/reports/{YEAR}/finance-en.pdf").status_code == 200
    assert client.get(f"/documents/reports/{YEAR}/health-en.pdf").status_code == 404
    assert client.get(f"/documents/reports/{YEAR}/country-en.pdf").status_code == 404
    page = client.get("/documents/reports").get_data(as_text=True)
    assert "/finance-en.pdf" in page and "/health-en.pdf" not in page


def test_citizens_and_officers_get_no_reports(year_of_requests, login):
    finance, _health = year_of_requests
    for user in (make_user("citizen"), make_user("officer", finance)):
        client = login(user)
        assert client.get("/documents/reports").status_code == 404
        assert client.get(f"/documents/reports/{YEAR}/finance-en.pdf").status_code == 404


def test_country_report_not_generated_yet_is_404_not_rendered_on_request(year_of_requests, login):
    client = login(make_user(ADMIN))
    assert client.get(f"/documents/reports/{YEAR}/country-az.pdf").status_code == 404


def test_complaints_to_the_oversight_body_are_counted_for_the_agency(year_of_requests):
    from foi.extensions import db
    from foi.models import Complaint, InfoRequest

    finance, health = year_of_requests
    req = db.session.scalars(
        db.select(InfoRequest).where(
            InfoRequest.agency_id == finance.id, InfoRequest.outcome == "refused"
        )
    ).first()
    db.session.add(
        Complaint(
            request_id=req.id,
            lodged_by_id=req.requester_id,
            ground="refused",
            text="The refusal gives no reasons.",
            lodged_at=MOMENT + timedelta(days=3),
            due_at=MOMENT + timedelta(days=33),
        )
    )
    db.session.commit()
    assert reports.annual_figures(year=YEAR, agency=finance)["figures"]["complaints"] == 1
    assert reports.annual_figures(year=YEAR, agency=health)["figures"]["complaints"] == 0
    assert reports.annual_figures(year=YEAR)["figures"]["complaints"] == 1
