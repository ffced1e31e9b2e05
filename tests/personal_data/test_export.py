"""A person's data, gathered into one ZIP: everything foi holds about them, nothing about
anyone else, no internal notes; and the export and the erasure agree on what is personal."""

import io
import json
import re
import zipfile

import pytest
from sqlalchemy import select

from foi.extensions import db
from foi.jobs.worker import run_job
from foi.models import OutboxMessage
from foi.services.account_deletion import account_delete
from foi.services.answering import request_answer, request_note
from foi.services.personal_data import PERSONAL_FIELDS, erase_personal_fields, personal_data_zip
from tests.documents.factories import text_pdf
from tests.factories import PASSWORD, file_request, make_agency, make_user

NOTE = "Daxili qeyd: XQ-991 gizli"


def _mail_to(address: str) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.to_addr == address)))


def _zip(user, tmp_path):
    path = personal_data_zip(user, tmp_path / "export.zip")
    return zipfile.ZipFile(path)


def _all_text(archive: zipfile.ZipFile) -> str:
    return "\n".join(
        archive.read(n).decode("utf-8", "replace")
        for n in archive.namelist()
        if n.endswith((".json", ".txt"))
    )


def test_the_zip_holds_the_account_the_requests_their_files_and_the_mail(app, tmp_path):
    agency = make_agency()
    officer = make_user("officer", agency)
    citizen = make_user(
        "citizen", display_name="Aysel Məmmədova", address="Bakı, Nizami 7", phone="+994 50 111"
    )
    mine = file_request(
        citizen,
        agency,
        subject="Vergi güzəştləri",
        uploads=[(io.BytesIO(text_pdf(["My letter"])), "mektub.pdf")],
    )
    request_note(actor=officer, req=mine, text=NOTE)
    answer_pdf = text_pdf(["Cavab cedveli"])
    request_answer(
        actor=officer,
        req=mine,
        outcome="given",
        text="Siyahı əlavə olunur.",
        uploads=[(io.BytesIO(answer_pdf), "cavab.pdf")],
    )
    someone_else = file_request(make_user("citizen"), agency, subject="Başqasının sorğusu")

    archive = _zip(citizen, tmp_path)
    names = archive.namelist()
    account = json.loads(archive.read("account.json"))
    for field in PERSONAL_FIELDS:
        assert account[field] == getattr(citizen, field)
    request = json.loads(archive.read(f"requests/{mine.reference}/request.json"))
    assert request["subject"] == "Vergi güzəştləri"
    assert request["answer"]["text"] == "Siyahı əlavə olunur."
    assert "answered" in [e["what"] for e in request["history"]]
    [sent] = [n for n in names if n.endswith("-mektub.pdf")]
    [received] = [n for n in names if n.endswith("-cavab.pdf")]
    assert archive.read(received) == answer_pdf
    assert sent.startswith(f"requests/{mine.reference}/files/")
    messages = json.loads(archive.read("messages.json"))
    assert any(mine.reference in m["subject"] for m in messages)  # the acknowledgement
    everything = _all_text(archive)
    assert NOTE not in everything and "note" not in [e["what"] for e in request["history"]]
    assert someone_else.reference not in everything and "Başqasının" not in everything
    assert "password" in archive.read("README.txt").decode()  # says what is left out, and why
    assert citizen.password_hash not in everything


def test_the_export_and_the_erasure_agree_on_what_is_personal(app, tmp_path):
    citizen = make_user(
        "citizen", display_name="Aysel Məmmədova", address="Bakı, Nizami 7", phone="+994 50 111"
    )
    file_request(citizen, make_agency(), subject="Məktəb təmiri")
    before = {field: getattr(citizen, field) for field in PERSONAL_FIELDS}
    exported = json.loads(_zip(citizen, tmp_path).read("account.json"))
    assert {field: exported[field] for field in PERSONAL_FIELDS} == before

    account_delete(user=citizen, password=PASSWORD)
    after = _all_text(_zip(citizen, tmp_path))
    for field, value in before.items():
        assert value not in after, f"{field} survived the erasure"
    assert "Məktəb təmiri" in after  # the request stays, without the person


def test_an_erasure_that_forgets_a_personal_field_is_refused(app):
    citizen = make_user("citizen")
    with pytest.raises(ValueError):
        erase_personal_fields(citizen, {"display_name": "x", "email": "y"})


def _job_id(response) -> int:
    assert response.status_code == 302
    return int(re.search(r"/jobs/(\d+)$", response.headers["Location"]).group(1))


def test_a_citizen_asks_on_the_account_page_is_emailed_and_downloads_the_zip(app, client, login):
    citizen = make_user("citizen", display_name="Aysel Məmmədova")
    req = file_request(citizen, make_agency(), subject="Vergi güzəştləri")
    login(citizen)
    assert "Prepare a copy of my data" in client.get("/account").get_data(as_text=True)
    job_id = _job_id(client.post("/account/my-data"))
    assert "A copy of your data" in client.get(f"/jobs/{job_id}").get_data(as_text=True)

    assert run_job(app, job_id)
    [mail] = [m for m in _mail_to(citizen.email) if "ready" in m.subject]
    assert f"/jobs/{job_id}" in mail.body_text
    status = client.get(f"/jobs/{job_id}.json").get_json()
    download = client.get(status["download"])
    assert download.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(download.data))
    assert f"requests/{req.reference}/request.json" in archive.namelist()

    login(make_user("citizen"))  # nobody else gets the job or its file
    assert client.get(f"/jobs/{job_id}").status_code == 404
    assert client.get(status["download"]).status_code == 404


def test_an_administrator_prepares_the_zip_of_someone_who_asked_by_post(app, client, login):
    citizen = make_user("citizen", address="Bakı, Nizami 7")
    admin = make_user("admin")
    login(admin)
    job_id = _job_id(client.post(f"/admin/users/{citizen.id}/personal-data"))
    assert run_job(app, job_id)
    download = client.get(client.get(f"/jobs/{job_id}.json").get_json()["download"])
    account = json.loads(zipfile.ZipFile(io.BytesIO(download.data)).read("account.json"))
    assert account["address"] == "Bakı, Nizami 7"
    assert not [m for m in _mail_to(citizen.email) if "ready" in m.subject]  # posted, not mailed
    login(make_user("officer", make_agency()))
    assert client.post(f"/admin/users/{citizen.id}/personal-data").status_code in (403, 404)
