"""Journeys in a real browser."""
from foi.extensions import db
from foi.models import InfoRequest
from tests.factories import PASSWORD, make_agency, make_user


def login(page, base, user):
    page.goto(f"{base}/login")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_citizen_files_a_request_and_sees_its_reference_and_due_date(page, live_server):
    agency = make_agency(name_az="Ədliyyə Nazirliyi", name_en="Ministry of Justice",
                         keywords="məhkəmə;court")
    citizen = make_user("citizen", locale="en")
    login(page, live_server, citizen)
    page.goto(f"{live_server}/requests/new")
    page.get_by_label("Subject").fill("Məhkəmə statistikası 2025")
    page.get_by_label("What information do you ask for?").fill(
        "2025-ci ildə baxılmış mülki işlərin sayını göndərin.")
    page.get_by_label("Agency", exact=True).select_option(str(agency.id))
    page.get_by_role("button", name="Send the request").click()

    req = db.session.query(InfoRequest).one()
    page.get_by_role("heading", name="Məhkəmə statistikası 2025").wait_for()
    assert req.reference in page.content()
    assert "working day" in page.content()
