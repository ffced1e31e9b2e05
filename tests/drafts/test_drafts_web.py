"""A citizen saves a request as a draft, comes back to it and sends it later (issue 16.5)."""

import io
import re

import pytest

from foi.extensions import db
from foi.models import Document, InfoRequest, RequestDraft
from foi.requests.states import RequestStatus
from tests.factories import make_agency, make_user

SUBJECT = "Məktəb təmiri 2025"
BODY = "Sumqayıt məktəblərinin 2025-ci il təmir xərclərini xahiş edirəm."
NOTES = b"Qeydlerim: mekteb 12, mekteb 7."


@pytest.fixture
def school(app):
    return make_agency(slug="tehsil", name_az="Təhsil Nazirliyi", name_en="Ministry of Education")


def _form(agency_id, **extra):
    return {"subject": SUBJECT, "body": BODY, "agency_id": str(agency_id), "urgency": "", **extra}


def _save_draft(client, agency_id, **extra):
    return client.post(
        "/requests/new",
        data=_form(agency_id, save_draft="1", **extra),
        content_type="multipart/form-data",
    )


def _hidden(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', page) or re.search(
        rf'name="{name}" value="([^"]*)"', page
    )
    return found.group(1) if found else ""


def _keep(page: str) -> list[str]:
    return re.findall(r'name="keep" type="checkbox" value="([^"]+)"', page)


def test_a_saved_draft_keeps_its_text_and_files_and_is_listed_under_my_requests(school, login):
    client = login(make_user("citizen"))
    response = _save_draft(
        client, school.id, attachments=[(io.BytesIO(NOTES), "notes.txt")], publish_name="y"
    )
    assert response.status_code == 302
    draft = db.session.query(RequestDraft).one()
    assert response.location.endswith(f"/requests/new?draft={draft.id}")
    assert db.session.query(InfoRequest).count() == 0  # a draft is not a request

    mine = client.get("/my/requests").get_data(as_text=True)
    assert "Drafts" in mine and SUBJECT in mine and "Ministry of Education" in mine

    page = client.get(f"/requests/new?draft={draft.id}").get_data(as_text=True)
    assert SUBJECT in page and BODY in page and "notes.txt" in page
    assert _keep(page) and _hidden(page, "draft_id") == str(draft.id)
    assert re.search(rf'<option selected value="{school.id}"|value="{school.id}" selected', page)


def test_sending_a_draft_files_it_with_its_files_and_deletes_the_draft(school, login, app):
    client = login(make_user("citizen"))
    _save_draft(client, school.id, attachments=[(io.BytesIO(NOTES), "notes.txt")])
    draft = db.session.query(RequestDraft).one()
    page = client.get(f"/requests/new?draft={draft.id}").get_data(as_text=True)

    response = client.post(
        "/requests/new",
        data=_form(
            school.id,
            draft_id=str(draft.id),
            kept_files=_hidden(page, "kept_files"),
            keep=_keep(page),
        ),
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    req = db.session.query(InfoRequest).one()
    assert req.status == RequestStatus.AWAITING and req.due_at is not None
    assert [d.filename for d in db.session.query(Document)] == ["notes.txt"]
    assert db.session.query(RequestDraft).count() == 0
    assert "Drafts" not in client.get("/my/requests").get_data(as_text=True)


def test_a_draft_sent_from_an_unconfirmed_account_is_held_like_any_request(school, login):
    citizen = make_user("citizen")
    client = login(citizen)
    _save_draft(client, school.id)
    draft = db.session.query(RequestDraft).one()
    citizen.email_confirmed_at = None
    db.session.commit()
    client.post(
        "/requests/new",
        data=_form(school.id, draft_id=str(draft.id)),
        content_type="multipart/form-data",
    )
    req = db.session.query(InfoRequest).one()
    assert req.status == RequestStatus.HELD and req.reference.startswith("HOLD-")
    assert db.session.query(RequestDraft).count() == 0


def test_nobody_else_can_open_send_or_delete_a_draft(school, login):
    owner = login(make_user("citizen"))
    _save_draft(owner, school.id)
    draft_id = db.session.query(RequestDraft).one().id

    other = login(make_user("citizen"))
    assert other.get(f"/requests/new?draft={draft_id}").status_code == 404
    assert other.post(f"/my/drafts/{draft_id}/delete").status_code == 404
    assert SUBJECT not in other.get("/my/requests").get_data(as_text=True)
    # Posting someone else's draft id files the poster's own text, and leaves the draft alone.
    other.post(
        "/requests/new",
        data={**_form(school.id, draft_id=str(draft_id)), "subject": "Başqa sorğu"},
        content_type="multipart/form-data",
    )
    assert db.session.get(RequestDraft, draft_id) is not None
    officer = login(make_user("officer", school))
    assert SUBJECT not in officer.get(f"/requests/new?draft={draft_id}").get_data(as_text=True)
    queue = officer.get("/officer/")
    assert queue.status_code == 200 and SUBJECT not in queue.get_data(as_text=True)


def test_deleting_ones_draft(school, login):
    client = login(make_user("citizen"))
    _save_draft(client, school.id)
    draft_id = db.session.query(RequestDraft).one().id
    assert client.post(f"/my/drafts/{draft_id}/delete").status_code == 302
    assert db.session.query(RequestDraft).count() == 0


def test_a_draft_with_a_too_long_subject_is_refused_by_the_field_keeping_the_text(school, login):
    client = login(make_user("citizen"))
    response = _save_draft(client, school.id, subject="x" * 301)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Field cannot be longer than 300 characters." in page or "under 300" in page
    assert BODY in page
    assert db.session.query(RequestDraft).count() == 0


def test_the_script_saves_one_draft_and_updates_it_as_the_citizen_writes(school, login):
    client = login(make_user("citizen"))
    first = client.post(
        "/requests/draft",
        data={"subject": SUBJECT, "body": "", "agency_id": "0"},
        content_type="multipart/form-data",
    )
    assert first.status_code == 200
    draft_id = first.get_json()["draft_id"]
    assert draft_id and "Draft saved" in first.get_json()["saved"]

    second = client.post(
        "/requests/draft",
        data={
            "subject": SUBJECT,
            "body": BODY,
            "agency_id": str(school.id),
            "draft_id": str(draft_id),
            "attachments": [(io.BytesIO(NOTES), "notes.txt")],
        },
        content_type="multipart/form-data",
    ).get_json()
    assert second["draft_id"] == draft_id
    assert "notes.txt" in second["files_html"] and second["kept_files"]
    draft = db.session.query(RequestDraft).one()
    assert draft.body == BODY and draft.agency_id_list == [school.id]
    assert [f.filename for f in draft.files] == ["notes.txt"]

    # The next save carries the file as a kept one, ticked: it stays with the draft.
    keep = re.findall(r'name="keep" type="checkbox" value="([^"]+)"', second["files_html"])
    client.post(
        "/requests/draft",
        data={
            "subject": SUBJECT + "!",
            "body": BODY,
            "agency_id": str(school.id),
            "draft_id": str(draft_id),
            "kept_files": second["kept_files"],
            "keep": keep,
        },
        content_type="multipart/form-data",
    )
    db.session.expire_all()
    draft = db.session.query(RequestDraft).one()
    assert draft.subject == SUBJECT + "!" and [f.filename for f in draft.files] == ["notes.txt"]


def test_the_script_saves_nothing_for_an_empty_form(school, login):
    client = login(make_user("citizen"))
    answer = client.post("/requests/draft", data={"subject": "", "body": "", "agency_id": "0"})
    assert answer.status_code == 200 and answer.get_json()["draft_id"] is None
    assert db.session.query(RequestDraft).count() == 0


def test_the_draft_endpoint_refuses_a_post_without_the_csrf_token(school, login, app):
    client = login(make_user("citizen"))
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        answer = client.post("/requests/draft", data={"subject": SUBJECT, "agency_id": "0"})
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert answer.status_code == 400
    assert db.session.query(RequestDraft).count() == 0
