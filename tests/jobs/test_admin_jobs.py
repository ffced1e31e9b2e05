"""Administrators start long work from the jobs page and follow it like anyone's job."""

import gzip
import json

import pytest

from foi.extensions import db
from foi.jobs.worker import run_job
from foi.models.user import ADMIN
from foi.search import SearchQuery
from foi.services.archive import archive_search
from tests.archive.seed import build_archive
from tests.factories import make_user


@pytest.fixture
def bulk_dir(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "BULK_DIR", str(tmp_path / "bulk"))
    return tmp_path / "bulk"


def start(client, kind: str) -> int:
    response = client.post(f"/admin/jobs/{kind}")
    assert response.status_code == 302
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_an_administrator_exports_the_archive_now_and_downloads_the_file(app, login, bulk_dir):
    archive = build_archive()
    client = login(make_user(ADMIN))
    job_id = start(client, "export")
    assert "Export of the archive" in client.get(f"/jobs/{job_id}").get_data(as_text=True)
    ran = run_job(app, job_id)
    db.session.rollback()  # the test's own session: a fresh look at what the worker wrote
    status = client.get(f"/jobs/{job_id}.json").get_json()
    assert (ran, status["status"]) == (True, "done"), status
    lines = gzip.decompress(client.get(status["download"]).data).splitlines()
    assert [json.loads(line)["reference"] for line in lines] == [
        r.reference for r in archive.published
    ]
    assert [p.suffix for p in bulk_dir.iterdir()] == [".gz"]  # the public bulk file


def test_an_administrator_rebuilds_the_search_index_on_the_queue(app, login):

    from foi.search import get_backend

    archive = build_archive()
    with db.engine.begin() as conn:
        get_backend(conn).reindex(conn, [])  # an empty index: nothing is found
    assert archive_search(SearchQuery(q="informasiya"))[0].hits == []
    client = login(make_user(ADMIN))
    job_id = start(client, "reindex")
    db.session.rollback()  # no read left open: PostgreSQL's TRUNCATE in the job would wait for it
    run_job(app, job_id)
    db.session.rollback()  # the test's own session: a fresh look at what the worker wrote
    assert client.get(f"/jobs/{job_id}.json").get_json()["status"] == "done"
    found = {h.request_id for h in archive_search(SearchQuery(q="informasiya"))[0].hits}
    assert found == {archive.published[1].id, archive.published[2].id}


def test_only_administrators_start_long_work(app, login):
    client = login(make_user("citizen"))
    assert client.post("/admin/jobs/export").status_code == 404
    assert client.post("/admin/jobs/reindex").status_code == 404
