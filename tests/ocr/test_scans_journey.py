"""Scanned paper on its way through foi: read by OCR, redacted by words, found in the archive.

The OCR jobs run as a worker runs them (``run_job``), with real Tesseract on one small page.
"""

import io
from datetime import timedelta

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from foi.documents import types as t
from foi.documents.extract import pdf_text
from foi.documents.ocr import ocr_pdf
from foi.extensions import db
from foi.jobs.worker import run_job
from foi.models import Document, Job
from foi.models.base import utcnow
from foi.models.document import OCR_DONE, OCR_OFF, OCR_UNREADABLE, OCR_WAITING
from foi.services.offline import offline_request_record
from foi.services.storage import file_store
from tests.documents.factories import scan_pdf, scan_png
from tests.documents_web.helpers import agency_files, answer_with_files, in_english
from tests.documents_web.test_redaction import approve
from tests.factories import file_request, make_agency, make_user

LETTER = ["Hörmətli Nazirlik", "Suvarma kanalı haqqında"]
ANSWER = ["Cavab: suvarma layihəsi", "İcraçı: Məmmədov Rəşad", "Ответ министерства"]


def ocr_jobs() -> list[int]:
    return list(db.session.scalars(select(Job.id).where(Job.kind == "ocr").order_by(Job.id)))


def stored_text(doc: Document) -> str:
    """Return the text layer of the file as foi now keeps it."""
    return pdf_text(file_store().path(doc.sha256))


def run_ocr_jobs(app) -> None:
    for job_id in ocr_jobs():
        run_job(app, job_id)
    db.session.expire_all()


def test_citizens_scanned_letter_is_read_and_they_see_it(app, client, login, tesseract):
    agency = make_agency()
    citizen = make_user("citizen")
    req = file_request(citizen, agency, uploads=[(io.BytesIO(scan_png(LETTER)), "məktub.png")])
    (doc,) = req.documents
    assert doc.ocr_state == OCR_WAITING
    page = in_english(login(citizen)).get(f"/my/requests/{req.reference}").get_data(as_text=True)
    assert "Reading the scanned text" in page

    run_ocr_jobs(app)

    doc = db.session.get(Document, doc.id)
    assert doc.ocr_state == OCR_DONE
    assert doc.mime == t.PDF and doc.filename == "məktub.pdf"
    assert doc.uploaded_mime == t.PNG  # the picture as sent is kept
    page = client.get(f"/my/requests/{req.reference}").get_data(as_text=True)
    assert "Text recognised" in page
    downloaded = client.get(f"/my/requests/{req.reference}/files/{doc.id}").data
    text = pdfium.PdfDocument(downloaded)[0].get_textpage().get_text_range()
    assert "Suvarma kanalı" in text


def test_a_blank_scan_could_not_be_read(app, client, login, tesseract):
    agency = make_agency()
    citizen = make_user("citizen")
    req = file_request(citizen, agency, uploads=[(io.BytesIO(scan_png([""])), "boş.png")])
    run_ocr_jobs(app)
    (doc,) = db.session.get(type(req), req.id).documents
    assert doc.ocr_state == OCR_UNREADABLE
    page = in_english(login(citizen)).get(f"/my/requests/{req.reference}").get_data(as_text=True)
    assert "Could not be read" in page


def test_without_ocr_the_uploader_is_told_the_scan_cannot_be_searched(app, client, login):
    app.config["OCR_ENABLED"] = False
    try:
        agency = make_agency()
        citizen = make_user("citizen")
        req = file_request(citizen, agency, uploads=[(io.BytesIO(scan_pdf(LETTER)), "a.pdf")])
    finally:
        app.config["OCR_ENABLED"] = True
    (doc,) = req.documents
    assert doc.ocr_state == OCR_OFF
    assert ocr_jobs() == []
    page = in_english(login(citizen)).get(f"/my/requests/{req.reference}").get_data(as_text=True)
    assert "Text recognition (OCR) is off on this site" in page


def test_letter_entered_by_staff_answered_by_scan_redacted_is_found_by_a_word_on_paper(
    app, client, login, tesseract
):
    agency = make_agency()
    officer = make_user("officer", agency)
    coordinator = make_user("coordinator", agency)
    # A letter by post: the officer enters it with its scan, which is read like any upload.
    req = offline_request_record(
        actor=officer,
        channel="post",
        received_at=utcnow() - timedelta(hours=2),
        name="Səbinə Quliyeva",
        postal_address="Nizami küçəsi 12, Bakı AZ1000",
        subject="Kənd təsərrüfatı",  # "suvarma" is only on paper
        body="Məktub əlavə olunur.",
        uploads=[(io.BytesIO(scan_png(LETTER)), "letter.png")],
    )
    client = in_english(login(officer))
    response = answer_with_files(client, req, {"cavab.pdf": scan_pdf(ANSWER)}, text="Əlavədədir.")
    assert response.status_code == 302
    run_ocr_jobs(app)
    (letter,) = [d for d in db.session.get(type(req), req.id).documents if d.source == "request"]
    assert letter.ocr_state == OCR_DONE and "Suvarma kanalı" in stored_text(letter)
    (scan,) = agency_files(req)
    assert scan.ocr_state == OCR_DONE
    assert "Text recognised" in client.get(f"/officer/requests/{req.reference}").get_data(
        as_text=True
    )

    # The officer names the words; they are found in the OCR text like in a born-digital PDF.
    response = client.post(
        f"/documents/files/{scan.id}/redact", data={"redact-terms": "Məmmədov Rəşad"}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    run_ocr_jobs(app)  # the redacted copy, page images only, is read again
    approve(client, login, coordinator, req)

    original, copy = agency_files(req)
    assert copy.public and not original.public
    client.post("/logout")
    published = client.get(f"/r/{req.reference}/files/{copy.id}").data
    pdf = pdfium.PdfDocument(published)
    text = pdf[0].get_textpage().get_text_range()
    assert "suvarma" in text  # the copy has a text layer again ...
    assert "Məmmədov" not in text and "Rəşad" not in text  # ... without the removed words
    # The pixels are black: read the rendered page again and the name is not there.
    rendered = pdf[0].render(scale=300 / 72).to_pil()
    buf = io.BytesIO()
    rendered.save(buf, format="PNG", dpi=(300, 300))
    page_png = app.config["UPLOAD_DIR"] + "/rendered.png"
    with open(page_png, "wb") as f:
        f.write(buf.getvalue())
    reread = pdfium.PdfDocument(ocr_pdf(page_png, t.PNG, jobs=1))[0].get_textpage()
    reread_text = reread.get_text_range()
    assert "suvarma" in reread_text and "Məmmədov" not in reread_text

    archive = client.get("/archive?q=suvarma").get_data(as_text=True)
    assert req.reference in archive
    assert req.reference not in client.get("/archive?q=Məmmədov").get_data(as_text=True)


@pytest.mark.parametrize("lines", [["Ответ министерства"]])
def test_a_redaction_of_a_scan_waits_for_its_text(app, client, login, lines):
    agency = make_agency()
    citizen = make_user("citizen")
    officer = make_user("officer", agency)
    req = file_request(citizen, agency)
    client = in_english(login(officer))
    answer_with_files(client, req, {"cavab.pdf": scan_pdf(lines)}, text="Əlavədədir.")
    (scan,) = agency_files(req)
    scan.ocr_state = OCR_WAITING  # whether or not this machine has OCR
    db.session.commit()
    response = client.post(
        f"/documents/files/{scan.id}/redact", data={"redact-terms": "министерства"}
    )
    assert response.status_code == 422
    assert "still being recognised" in response.get_data(as_text=True)
