"""A long dossier is prepared on the task queue; its requester downloads it, nobody else sees it."""

from foi.extensions import db
from foi.jobs.worker import run_job
from foi.models import Job
from tests.documents_web.helpers import pdf_text
from tests.factories import file_request, make_agency, make_user


def test_a_long_dossier_is_prepared_by_a_worker_for_the_requester_only(app, login, monkeypatch):
    monkeypatch.setitem(app.config, "DOSSIER_INLINE_EVENTS", 0)  # every dossier is "long"
    citizen = make_user("citizen")
    req = file_request(citizen, make_agency(), subject="Road repair contracts")
    client = login(citizen)
    response = client.get(f"/documents/requests/{req.reference}/dossier.pdf?lang=en")
    assert response.status_code == 302
    job_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert "Dossier of the request" in client.get(f"/jobs/{job_id}").get_data(as_text=True)

    assert run_job(app, job_id)
    db.session.rollback()  # the test's own session: a fresh look at what the worker wrote
    status = client.get(f"/jobs/{job_id}.json").get_json()
    assert status["status"] == "done"
    pdf = client.get(status["download"])
    assert pdf.mimetype == "application/pdf"
    assert req.reference in " ".join(pdf_text(pdf.data).split())

    login(make_user("citizen"))
    assert client.get(f"/documents/requests/{req.reference}/dossier.pdf").status_code == 404
    assert client.get(f"/jobs/{job_id}/file").status_code == 404
    assert Job.query.count() == 1  # someone else's try asked for nothing


def test_a_short_dossier_is_still_served_at_once(app, login):
    citizen = make_user("citizen")
    req = file_request(citizen, make_agency())
    response = login(citizen).get(f"/documents/requests/{req.reference}/dossier.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert Job.query.count() == 0
