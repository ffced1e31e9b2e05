"""The nightly bulk download: the whole published archive as gzip JSON Lines."""

import gzip
import json
from datetime import date

import pytest

from foi.extensions import db
from foi.jobs.exports import export_archive_job
from foi.models import Job
from foi.services.archive_bulk import archive_export, bulk_prune
from tests.archive.seed import build_archive


@pytest.fixture
def archive(app):
    return build_archive()


@pytest.fixture
def bulk_dir(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "BULK_DIR", str(tmp_path / "bulk"))
    return tmp_path / "bulk"


def _lines(path):
    return [json.loads(line) for line in gzip.decompress(path.read_bytes()).splitlines()]


def test_export_writes_one_line_per_published_request_oldest_first(archive, bulk_dir):
    references = [r.reference for r in archive.published]
    path = archive_export(today=date(2026, 11, 27))
    assert path == bulk_dir / "foi-archive-2026-11-27.jsonl.gz"
    lines = _lines(path)
    assert [line["reference"] for line in lines] == references
    assert lines[0]["answer"] == "Vergi güzəştlərinin siyahısı əlavə olunur. [redaktə]"
    assert lines[0]["url"].startswith("http://foi.test/r/")  # SITE_URL (tests/conftest.py)
    assert [p.name for p in bulk_dir.iterdir()] == [path.name]  # no temporary file left


def test_running_twice_a_day_replaces_that_days_file(archive, bulk_dir):
    from tests.archive.seed import publish

    archive_export(today=date(2026, 11, 27))
    publish(archive, "Yeni sorğu", "Yeni informasiya.", "Yeni cavab.")
    path = archive_export(today=date(2026, 11, 27))
    assert len(_lines(path)) == 4 and len(list(bulk_dir.iterdir())) == 1


def test_prune_keeps_the_newest_files(app, bulk_dir):
    for day in range(1, 11):
        archive_export(today=date(2026, 11, day))
    removed = bulk_prune(keep=7)
    assert len(removed) == 3
    assert sorted(p.name for p in bulk_dir.iterdir())[0] == "foi-archive-2026-11-04.jsonl.gz"


def test_public_route_serves_the_latest_file_and_the_page_explains_it(archive, bulk_dir, client):
    assert client.get("/archive/bulk").status_code == 404
    assert 'href="/archive/bulk"' not in client.get("/archive/data").get_data(as_text=True)
    archive_export(today=date(2026, 11, 26))
    newest = archive_export(today=date(2026, 11, 27))
    response = client.get("/archive/bulk")
    assert response.status_code == 200
    assert response.mimetype == "application/gzip"
    assert "foi-archive-2026-11-27.jsonl.gz" in response.headers["Content-Disposition"]
    assert response.data == newest.read_bytes()
    page = client.get("/archive/data").get_data(as_text=True)
    assert "foi-archive-2026-11-27.jsonl.gz" in page and 'href="/archive/bulk"' in page


def test_nightly_job_writes_each_days_file_once(archive, app, bulk_dir):
    from datetime import UTC, datetime

    from foi.jobs.worker import run_job

    night = datetime(2026, 11, 27, 0, 1, tzinfo=UTC)
    job_id = export_archive_job(app, now=night)
    # The scheduler's sweeps only ask: until a worker has run it, they find the same job.
    assert export_archive_job(app, now=night) == job_id
    assert not (bulk_dir / "foi-archive-2026-11-27.jsonl.gz").exists()
    run_job(app, job_id)
    path = bulk_dir / "foi-archive-2026-11-27.jsonl.gz"
    assert len(_lines(path)) == 3
    # Every later sweep that day changes nothing; the next day gets its own file.
    assert export_archive_job(app, now=datetime(2026, 11, 27, 23, 59, tzinfo=UTC)) is None
    next_day = export_archive_job(app, now=datetime(2026, 11, 28, 0, 1, tzinfo=UTC))
    run_job(app, next_day)
    assert (bulk_dir / "foi-archive-2026-11-28.jsonl.gz").exists()


def test_a_failed_nightly_export_is_asked_again_an_hour_later_not_at_every_sweep(
    archive, app, bulk_dir
):
    from datetime import UTC, datetime, timedelta

    from foi.jobs.worker import run_job

    bulk_dir.write_text("not a folder")  # the export cannot write there
    night = datetime(2026, 11, 27, 0, 1, tzinfo=UTC)
    job_id = export_archive_job(app, now=night)
    run_job(app, job_id, clock=lambda: night)
    assert db.session.get(Job, job_id).status == "failed"
    assert export_archive_job(app, now=night + timedelta(minutes=30)) == job_id
    again = export_archive_job(app, now=night + timedelta(minutes=61))
    assert again != job_id and db.session.get(Job, again).status == "queued"


def test_cli_command_exports_with_a_progress_bar(archive, app, tmp_path):
    result = app.test_cli_runner().invoke(
        args=["foi", "export-archive", "--dir", str(tmp_path), "--date", "2026-01-02"]
    )
    assert result.exit_code == 0, result.output
    assert "Wrote 3 requests" in result.output
    assert len(_lines(tmp_path / "foi-archive-2026-01-02.jsonl.gz")) == 3


def test_cli_refuses_a_bad_date_in_one_line(app, tmp_path):
    result = app.test_cli_runner().invoke(
        args=["foi", "export-archive", "--dir", str(tmp_path), "--date", "yesterday"]
    )
    assert result.exit_code != 0 and "--date" in result.output
