"""Administration commands: readable errors, idempotent demo data."""
from foi.extensions import db
from foi.models import Agency, InfoRequest, User


def test_seed_demo_loads_once_and_prints_the_accounts(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["foi", "seed-demo", "--requests", "40"])
    assert result.exit_code == 0, result.output
    assert "citizen1@demo.foi.az" in result.output
    agencies, requests_ = db.session.query(Agency).count(), db.session.query(InfoRequest).count()
    assert agencies >= 30 and requests_ == 40
    statuses = {s for (s,) in db.session.query(InfoRequest.status).distinct()}
    assert {"awaiting", "published"} <= statuses

    again = runner.invoke(args=["foi", "seed-demo"])
    assert again.exit_code == 0 and "already loaded" in again.output
    assert db.session.query(InfoRequest).count() == 40


def test_create_user_refuses_an_officer_without_agency_in_one_line(app):
    result = app.test_cli_runner().invoke(args=[
        "foi", "create-user", "--email", "x@example.org", "--name", "X", "--role", "officer",
        "--password", "long enough pass"])
    assert result.exit_code != 0
    assert result.output.strip().splitlines()[-1] == \
        "Error: Officers and coordinators need --agency."
    assert db.session.query(User).count() == 0


def test_import_agencies_reports_a_bad_file_in_one_line(app, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("slug,name_az\nx,y\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["foi", "import-agencies", str(bad)])
    assert result.exit_code != 0
    assert result.output.strip().splitlines()[-1].startswith("Error: ")
