"""The backup drill: back up a site with an uploaded file, restore it elsewhere, compare.

Runs on SQLite and on PostgreSQL (pg_dump/pg_restore); restores go into a fresh database
(``spare_database_url``) and fresh folders, through the real ``flask foi`` commands.
"""

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from foi import create_app
from foi.extensions import db
from foi.models import Document, InfoRequest, OutboxMessage
from tests.documents.factories import text_pdf
from tests.factories import file_request, make_agency, make_user


def files_under(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.relative_to(root).parts[0] != "tmp"
    }


@pytest.fixture
def site(app, tmp_path, monkeypatch):
    """A site with a request that carries an uploaded PDF, and an annual report on disk."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "report-2025-az.pdf").write_bytes(text_pdf(["Annual report 2025"]))
    monkeypatch.setitem(app.config, "REPORTS_DIR", str(reports))
    agency = make_agency()
    citizen = make_user("citizen")
    upload = (io.BytesIO(text_pdf(["Smeta", "2025"])), "smeta.pdf")
    file_request(citizen, agency, uploads=[upload])
    file_request(citizen, agency, subject="Second request")
    return app


@pytest.fixture
def fresh(spare_database_url, tmp_path):
    """Return a second app on an empty database and empty folders, as a new host would be."""
    return create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=spare_database_url,
        UPLOAD_DIR=str(tmp_path / "restored-files"),
        REPORTS_DIR=str(tmp_path / "restored-reports"),
    )


def run(app, *args):
    """Run ``flask foi <args>`` on ``app`` (its own context: the test's app is the other one)."""
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["foi", *args])
        db.session.remove()
    return result


def counts(app) -> dict[str, int]:
    with app.app_context():
        result = {
            model.__tablename__: db.session.scalar(select(func.count()).select_from(model))
            for model in (InfoRequest, Document, OutboxMessage)
        }
        db.session.remove()
        return result


def test_backup_then_restore_into_a_fresh_site_gives_back_every_row_and_byte(site, fresh, tmp_path):
    backup = tmp_path / "backup"
    done = run(site, "backup", str(backup))
    assert done.exit_code == 0, done.output
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["tables"]["info_request"] == 2
    assert manifest["tables"]["document"] == 1
    stored = db.session.scalar(select(Document.sha256))
    assert any(name.endswith(stored) for name in manifest["files"])

    restored = run(fresh, "restore", str(backup))
    assert restored.exit_code == 0, restored.output
    assert "every checksum and count match" in restored.output
    assert counts(fresh) == counts(site) == {"info_request": 2, "document": 1, "outbox": 2}
    assert files_under(Path(fresh.config["UPLOAD_DIR"])) == files_under(
        Path(site.config["UPLOAD_DIR"])
    )
    assert files_under(Path(fresh.config["REPORTS_DIR"])) == files_under(
        Path(site.config["REPORTS_DIR"])
    )
    with fresh.app_context():  # the restored site reads its own data
        req = db.session.scalars(select(InfoRequest).order_by(InfoRequest.id)).first()
        assert req.subject == "Büdcə xərcləri"
        db.session.remove()
        db.engine.dispose()

    again = run(fresh, "restore", str(backup))  # the target is no longer empty
    assert again.exit_code != 0
    assert again.output.strip().splitlines()[-1].startswith("Error: the database is not empty")


def test_a_damaged_backup_is_refused_before_anything_is_restored(site, fresh, tmp_path):
    backup = tmp_path / "backup"
    assert run(site, "backup", str(backup)).exit_code == 0
    upload = next(p for p in (backup / "files").rglob("*") if p.is_file())
    data = bytearray(upload.read_bytes())
    data[len(data) // 2] ^= 0xFF
    upload.write_bytes(bytes(data))

    refused = run(fresh, "restore", str(backup))
    assert refused.exit_code != 0
    last = refused.output.strip().splitlines()[-1]
    assert last.startswith("Error: backup damaged: files/") and "checksum" in last
    with fresh.app_context():  # nothing was written: the database and folders stay empty
        assert db.inspect(db.engine).get_table_names() == []
        db.engine.dispose()
    assert not Path(fresh.config["UPLOAD_DIR"]).exists()


def test_a_backup_refuses_a_folder_that_already_holds_something(site, tmp_path):
    backup = tmp_path / "backup"
    backup.mkdir()
    (backup / "old.txt").write_text("an older backup")
    refused = run(site, "backup", str(backup))
    assert refused.exit_code != 0
    assert "is not empty" in refused.output.strip().splitlines()[-1]
