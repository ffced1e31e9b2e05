"""Bad files in the citizen's and officer's forms: a clear message by the field, nothing lost."""

import io

import pytest
from flask_babel import refresh

from foi.extensions import db
from foi.models import Document, InfoRequest
from tests.documents.factories import page_tree_bomb_pdf, png, text_pdf, zip_bomb
from tests.documents_web.helpers import in_english
from tests.factories import file_request, make_agency, make_user

SUBJECT = "Məktəb təmiri 2025"
BODY = "Sumqayıt məktəblərinin təmiri üçün ayrılan vəsaitin siyahısını xahiş edirəm."

BAD_FILES = {
    "truncated PDF": ("report.pdf", text_pdf(["Report"])[:-40], "damaged or incomplete"),
    "PDF bomb": ("pages.pdf", page_tree_bomb_pdf(), "would unpack to far more data"),
    "program named .pdf": ("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 200, "a Windows program"),
    "polyglot PNG and PDF": ("photo.png", png() + b"%PDF-1.7\n", "more than one kind of file"),
    "ZIP bomb": ("data.zip", zip_bomb(5), "would unpack to far more data"),
    "nested archive": ("outer.zip", None, "contains another archive"),
    "empty file": ("empty.txt", b"", "is empty"),
}


def _nested_zip() -> bytes:
    from tests.documents.factories import zip_of

    return zip_of({"inner.zip": zip_of({"a.txt": b"hello"})})


@pytest.fixture
def agency(app):
    return make_agency()


@pytest.fixture
def citizen_client(agency, login):
    return in_english(login(make_user("citizen")))


def file_form(agency, name, data):
    return {
        "subject": SUBJECT,
        "body": BODY,
        "agency_id": str(agency.id),
        "urgency": "",
        "attachments": [(io.BytesIO(data), name)],
    }


@pytest.mark.parametrize("case", BAD_FILES)
def test_citizen_form_refuses_bad_file_by_the_field_and_keeps_the_text(
    case, agency, citizen_client
):
    name, data, message = BAD_FILES[case]
    data = _nested_zip() if data is None else data
    response = citizen_client.post(
        "/requests/new", data=file_form(agency, name, data), content_type="multipart/form-data"
    )
    page = response.get_data(as_text=True)
    error = page.split('id="attachments-error"', 1)[1].split("</p>", 1)[0]
    assert message in error and name.rsplit("/", 1)[-1] in error
    assert SUBJECT in page and BODY in page
    assert f'<option selected value="{agency.id}">' in page
    assert db.session.query(InfoRequest).count() == 0


def test_citizen_file_over_the_limit_is_refused_with_the_limit(agency, citizen_client, app):
    app.config["MAX_FILE_BYTES"] = 2048
    try:
        response = citizen_client.post(
            "/requests/new",
            data=file_form(agency, "big.txt", b"a" * 5000),
            content_type="multipart/form-data",
        )
    finally:
        app.config["MAX_FILE_BYTES"] = 25 * 2**20
    page = response.get_data(as_text=True)
    assert "larger than 2 KB" in page and SUBJECT in page
    assert db.session.query(InfoRequest).count() == 0


def test_path_traversal_name_is_stored_under_a_clean_name(agency, citizen_client):
    response = citizen_client.post(
        "/requests/new",
        data=file_form(agency, "../../etc/passwd.txt", b"root:x:0:0"),
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    (doc,) = db.session.query(Document).all()
    assert doc.filename == "passwd.txt" and doc.mime == "text/plain"


def test_officer_answer_form_refuses_bad_file_and_keeps_the_answer(agency, login):
    req = file_request(make_user("citizen"), agency)
    client = in_english(login(make_user("officer", agency)))
    response = client.post(
        f"/officer/requests/{req.reference}/answer",
        data={
            "answer-outcome": "given",
            "answer-text": "Siyahı əlavə olunur.",
            "answer-attachments": [(io.BytesIO(text_pdf(["x"])[:-40]), "list.pdf")],
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    error = page.split('id="answer-attachments-error"', 1)[1].split("</p>", 1)[0]
    assert "damaged or incomplete" in error
    assert "Siyahı əlavə olunur." in page
    db.session.expire_all()
    assert db.session.get(InfoRequest, req.id).status == "awaiting"
    assert db.session.query(Document).count() == 0


class HugeBody:
    """A seekable request body of ``size`` bytes made up on demand, counting what is read."""

    def __init__(self, size: int):
        self.size = size
        self.pos = 0
        self.read_bytes = 0

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = 0) -> int:
        self.pos = {0: offset, 1: self.pos + offset, 2: self.size + offset}[whence]
        return self.pos

    def read(self, n: int = -1) -> bytes:
        left = self.size - self.pos
        n = left if n is None or n < 0 else min(n, left)
        self.pos += n
        self.read_bytes += n
        return b"x" * n

    def readline(self, n: int = -1) -> bytes:
        return self.read(n if n and n > 0 else 2**16)


def test_200_mb_body_gets_the_friendly_413_page_unread_in_the_users_language(agency, login):
    client = login(make_user("citizen", locale="ru"))
    refresh()  # the test's app context caches the locale of the login requests
    body = HugeBody(200 * 2**20)
    response = client.post(
        "/requests/new", input_stream=body, content_type="multipart/form-data; boundary=xyz"
    )
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert '<html lang="ru">' in page
    assert "Файлы слишком большие" in page
    assert "100" in page  # the per-request limit in MB
    assert body.read_bytes < 2**20  # refused before the body was read
    assert db.session.query(InfoRequest).count() == 0
