"""Files attached to a request survive every re-shown form: a suggestion, an error (issue 16)."""

import io
import re

import pytest

from foi.extensions import db
from foi.models import Document, InfoRequest
from tests.documents.factories import png
from tests.documents_web.helpers import in_english
from tests.factories import make_agency, make_user

SUBJECT = "Vergi güzəştləri 2025"
BODY = "2025-ci ildə kiçik sahibkarlara verilən vergi güzəştlərinin siyahısını xahiş edirəm."
NOTES = b"Vergi Mecellesi, madde 102: menim qeydlerim."


@pytest.fixture
def tax(app):
    return make_agency(slug="vergi", name_az="Dövlət Vergi Xidməti", keywords="vergi;tax")


def _form(agency_id, **extra):
    return {"subject": SUBJECT, "body": BODY, "agency_id": str(agency_id), "urgency": "", **extra}


def _kept(page: str) -> tuple[str, list[str]]:
    """Return the form's token of kept files and the values of their checkboxes."""
    token = re.search(r'name="kept_files" type="hidden" value="([^"]*)"', page)
    token = token or re.search(r'name="kept_files" value="([^"]*)"', page)
    return token.group(1), re.findall(r'name="keep" type="checkbox" value="([^"]+)"', page)


def _suggest_with_files(client):
    page = client.post(
        "/requests/new",
        data=_form(
            0, attachments=[(io.BytesIO(NOTES), "notes.txt"), (io.BytesIO(png()), "map.png")]
        ),
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "We suggest the agency below" in page
    return page


def test_suggesting_an_agency_keeps_the_attachments_and_files_them(tax, login):
    client = in_english(login(make_user("citizen")))
    page = _suggest_with_files(client)
    assert "notes.txt" in page and "map.png" in page
    assert "are kept with the request" in page
    token, keep = _kept(page)
    assert len(keep) == 2
    response = client.post(
        "/requests/new",
        data=_form(tax.id, suggested="1", kept_files=token, keep=keep),
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    req = db.session.query(InfoRequest).one()
    docs = db.session.query(Document).filter_by(request_id=req.id).order_by(Document.id).all()
    assert [d.filename for d in docs] == ["notes.txt", "map.png"]
    assert all(d.uploaded_by_id == req.requester_id for d in docs)


def test_a_kept_file_left_unticked_is_not_filed_and_a_new_one_is_added(tax, login):
    client = in_english(login(make_user("citizen")))
    token, keep = _kept(_suggest_with_files(client))
    client.post(
        "/requests/new",
        data=_form(
            tax.id,
            kept_files=token,
            keep=keep[1:],  # the citizen unticks notes.txt
            attachments=[(io.BytesIO(b"Elave qeyd."), "more.txt")],
        ),
        content_type="multipart/form-data",
    )
    names = {d.filename for d in db.session.query(Document)}
    assert names == {"map.png", "more.txt"}


def test_a_form_error_keeps_the_attachments_too(tax, login):
    client = in_english(login(make_user("citizen")))
    page = client.post(
        "/requests/new",
        data={**_form(tax.id), "subject": "", "attachments": [(io.BytesIO(NOTES), "notes.txt")]},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    token, keep = _kept(page)
    assert keep and "notes.txt" in page
    client.post(
        "/requests/new",
        data=_form(tax.id, kept_files=token, keep=keep),
        content_type="multipart/form-data",
    )
    assert [d.filename for d in db.session.query(Document)] == ["notes.txt"]


def test_another_persons_kept_files_cannot_be_attached(tax, login):
    client = in_english(login(make_user("citizen")))
    token, keep = _kept(_suggest_with_files(client))
    other = in_english(login(make_user("citizen")))
    response = other.post(
        "/requests/new",
        data=_form(tax.id, kept_files=token, keep=keep),
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert db.session.query(Document).count() == 0


def test_a_bad_file_is_refused_by_the_field_while_the_good_one_is_kept(tax, login):
    client = in_english(login(make_user("citizen")))
    page = client.post(
        "/requests/new",
        data=_form(
            0,
            attachments=[(io.BytesIO(NOTES), "notes.txt"), (io.BytesIO(b""), "empty.txt")],
        ),
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    error = page.split('id="attachments-error"', 1)[1].split("</p>", 1)[0]
    assert "is empty" in error
    _token, keep = _kept(page)
    assert len(keep) == 1 and "notes.txt" in page
