"""Administration commands: readable errors, idempotent demo data, audited accounts."""

from sqlalchemy import select

from foi.extensions import db
from foi.models import AccountEvent, Agency, InfoRequest, User
from tests.factories import make_agency, make_user


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


def _create_user(app, *options):
    return app.test_cli_runner().invoke(
        args=[
            "foi",
            "create-user",
            "--name",
            "Rəşad Quliyev",
            "--password",
            "long enough pass",
            *options,
        ]
    )


def _last_line(result) -> str:
    return result.output.strip().splitlines()[-1]


def test_create_user_makes_an_account_that_logs_in_and_says_where_it_came_from(app):
    from foi.services.accounts import user_authenticate

    result = _create_user(app, "--email", " Admin@Example.org ", "--role", "admin")
    assert result.exit_code == 0, result.output
    assert _last_line(result) == "Created admin admin@example.org."
    user = user_authenticate("admin@example.org", "long enough pass")
    assert user.role == "admin" and user.email_confirmed_at is not None
    [event] = db.session.scalars(select(AccountEvent).where(AccountEvent.user_id == user.id))
    assert event.kind == "created" and event.actor is None
    assert event.data == {"role": "admin", "agency": None, "via": "command line"}


def test_create_user_puts_an_officer_in_the_named_agency(app):
    agency = make_agency(slug="tax")
    result = _create_user(
        app, "--email", "officer@tax.example", "--role", "officer", "--agency", "tax"
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "officer@tax.example"))
    assert user.agency_id == agency.id
    event = db.session.scalar(select(AccountEvent).where(AccountEvent.user_id == user.id))
    assert event.data == {"role": "officer", "agency": "tax", "via": "command line"}


def test_create_user_refuses_an_address_in_use_whatever_its_case_in_one_line(app):
    make_user(email="leyla@example.org")
    result = _create_user(app, "--email", "LEYLA@Example.ORG")
    assert result.exit_code != 0
    assert _last_line(result) == "Error: --email: An account with this e-mail already exists."
    assert db.session.query(User).count() == 1
    assert db.session.query(AccountEvent).count() == 0


def test_create_user_refuses_an_unknown_agency_in_one_line(app):
    result = _create_user(
        app, "--email", "x@example.org", "--role", "officer", "--agency", "no-such-agency"
    )
    assert result.exit_code != 0
    assert _last_line(result) == "Error: --agency: No agency has the short name no-such-agency."
    assert db.session.query(User).count() == 0


def test_create_user_refuses_an_officer_without_agency_in_one_line(app):
    result = _create_user(app, "--email", "x@example.org", "--role", "coordinator")
    assert result.exit_code != 0
    assert _last_line(result) == "Error: --agency: Choose the agency this person works for."
    assert db.session.query(User).count() == 0


def test_create_user_refuses_an_agency_for_an_administrator(app):
    make_agency(slug="tax")
    result = _create_user(app, "--email", "x@example.org", "--role", "admin", "--agency", "tax")
    assert result.exit_code != 0
    assert (
        _last_line(result) == "Error: --agency: Only officers and coordinators belong to an agency."
    )
    assert db.session.query(User).count() == 0


def test_create_user_refuses_a_short_password_as_registration_does(app):
    result = app.test_cli_runner().invoke(
        args=[
            "foi",
            "create-user",
            "--email",
            "x@example.org",
            "--name",
            "X",
            "--role",
            "admin",
            "--password",
            "short",
        ]
    )
    assert result.exit_code != 0
    assert _last_line(result) == "Error: --password: Use at least 10 characters."
    assert db.session.query(User).count() == 0


def test_import_agencies_reports_a_bad_file_in_one_line(app, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("slug,name_az\nx,y\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["foi", "import-agencies", str(bad)])
    assert result.exit_code != 0
    assert result.output.strip().splitlines()[-1].startswith("Error: ")
