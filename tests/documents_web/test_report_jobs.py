"""The country's annual report is prepared on the task queue: its owner follows and downloads it.

The test runs the job with ``run_job``, the function every ``flask foi worker`` runs for a job
it takes from the queue (the worker processes themselves are tested in tests/jobs).
"""

import re

from foi.extensions import db
from foi.jobs.worker import run_job
from foi.models import Job
from foi.models.user import ADMIN, OMBUDSMAN
from tests.documents_web.helpers import pdf_text
from tests.documents_web.test_reports import YEAR, year_of_requests  # noqa: F401
from tests.factories import make_user


def ask_for_report(client, lang="en"):
    return client.post(
        "/documents/reports/country", data={"country-year": YEAR, "country-lang": lang}
    )


def test_the_person_who_asked_follows_the_report_and_downloads_it(
    app,
    login,
    year_of_requests,  # noqa: F811
):
    admin = make_user(ADMIN)
    client = login(admin)
    response = ask_for_report(client)
    assert response.status_code == 302
    page_url = response.headers["Location"]
    job_id = int(re.search(r"/jobs/(\d+)$", page_url).group(1))

    page = client.get(page_url).get_data(as_text=True)
    assert "Annual report" in page and "Waiting for a free worker" in page
    assert 'http-equiv="refresh"' in page  # it follows the job without JavaScript
    status = client.get(f"/jobs/{job_id}.json").get_json()
    assert (status["status"], status["percent"], status["download"]) == ("queued", 0, None)
    assert ask_for_report(client).headers["Location"] == page_url  # a second click joins it

    assert run_job(app, job_id)
    status = client.get(f"/jobs/{job_id}.json").get_json()
    assert (status["status"], status["percent"], status["finished"]) == ("done", 100, True)
    page = client.get(page_url).get_data(as_text=True)
    assert "Ready" in page and 'http-equiv="refresh"' not in page
    assert f"Download {YEAR}-country-en.pdf" in page
    pdf = client.get(status["download"])
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert "Ministry of Health" in " ".join(pdf_text(pdf.data).split())
    # The report is also kept with the country's reports for everyone who may read them.
    assert f"{YEAR}-country-en.pdf" in client.get("/documents/reports").get_data(as_text=True)


def test_nobody_else_sees_the_job_or_its_file(app, login, year_of_requests):  # noqa: F811
    client = login(make_user(ADMIN))
    job_id = int(ask_for_report(client).headers["Location"].rsplit("/", 1)[1])
    run_job(app, job_id)
    urls = (f"/jobs/{job_id}", f"/jobs/{job_id}.json", f"/jobs/{job_id}/file")
    assert all(client.get(url).status_code == 200 for url in urls)
    for other in (make_user(ADMIN), make_user(OMBUDSMAN), make_user("citizen")):
        login(other)
        assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    client.post("/logout")
    assert all(client.get(url).status_code == 302 for url in urls)  # to the login page


def test_a_year_without_requests_is_refused_with_the_form_and_nothing_queued(
    app,
    login,
    year_of_requests,  # noqa: F811
):
    client = login(make_user(OMBUDSMAN))
    response = client.post(
        "/documents/reports/country", data={"country-year": 1999, "country-lang": "en"}
    )
    assert response.status_code == 422
    assert "Not a valid choice" in response.get_data(as_text=True)
    assert db.session.query(Job).count() == 0


def test_coordinators_cannot_ask_for_the_country_report(app, login, year_of_requests):  # noqa: F811
    finance, _ = year_of_requests
    client = login(make_user("coordinator", finance))
    assert ask_for_report(client).status_code == 404
    assert db.session.query(Job).count() == 0


def test_administrators_see_the_backlog(app, login, year_of_requests):  # noqa: F811
    asker = make_user(ADMIN, display_name="Leyla Mammadova")
    client = login(asker)
    ask_for_report(client)
    ask_for_report(client, lang="az")
    failing = Job(
        kind="test.fail", args_json="{}", status="queued", progress=0, stage="", attempts=0
    )
    db.session.add(failing)
    db.session.commit()
    run_job(app, failing.id)

    page = login(make_user(ADMIN)).get("/admin/jobs").get_data(as_text=True)
    backlog = page.split("Latest jobs")[0]
    assert re.search(r"Annual report</th><td>2</td><td>0</td>", backlog)
    assert "Leyla Mammadova" in page and "the input could not be read" in page
    assert '2</span> <span class="stat-label">jobs waiting' in client.get("/admin/").get_data(
        as_text=True
    )
    login(make_user("citizen"))
    assert client.get("/admin/jobs").status_code == 404
