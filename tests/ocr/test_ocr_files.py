"""Scans become PDFs with a text layer, in Azerbaijani and Russian; born-digital files are left."""

import io

import pytest
from PIL import Image

from foi.documents import types as t
from foi.documents.extract import pdf_text
from foi.documents.hidden import inspect_hidden
from foi.documents.ocr import OcrFailed, needs_ocr, ocr_pdf
from tests.documents.factories import scan_pdf, scan_png, text_pdf

LINES = ["Şəhər icra hakimiyyəti", "Ответ министерства"]


def test_a_picture_and_a_pdf_without_text_are_scans_a_text_pdf_is_not(tmp_path):
    (tmp_path / "a.png").write_bytes(scan_png(LINES))
    (tmp_path / "b.pdf").write_bytes(scan_pdf(LINES))
    (tmp_path / "c.pdf").write_bytes(text_pdf(["Contract 17/2025 signed by the minister"]))
    assert needs_ocr(tmp_path / "a.png", t.PNG)
    assert needs_ocr(tmp_path / "b.pdf", t.PDF)
    assert not needs_ocr(tmp_path / "c.pdf", t.PDF)
    assert not needs_ocr(tmp_path / "b.pdf", t.DOCX)


def test_scanned_pdf_gets_its_azerbaijani_and_russian_text(tmp_path, tesseract):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan_pdf(LINES))
    assert pdf_text(path).strip() == ""

    out = tmp_path / "out.pdf"
    out.write_bytes(ocr_pdf(path, t.PDF, jobs=1))

    text = pdf_text(out)
    assert "Şəhər icra hakimiyyəti" in text
    assert "Ответ министерства" in text
    # What ocrmypdf adds (a title, XMP) is taken out: publishing does not hold the file for it.
    assert [f.code for f in inspect_hidden(out, t.PDF) if f.code == "metadata"] == []


def test_photo_becomes_a_pdf_without_the_cameras_metadata(tmp_path, tesseract):
    image = Image.open(io.BytesIO(scan_png(LINES))).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x013B] = "Gizli Müəllif"  # artist
    path = tmp_path / "photo.jpg"
    image.save(path, format="JPEG", exif=exif, dpi=(300, 300))

    data = ocr_pdf(path, t.JPEG, jobs=1)

    out = tmp_path / "out.pdf"
    out.write_bytes(data)
    assert data.startswith(b"%PDF")
    assert "Ответ министерства" in pdf_text(out)
    assert b"PhoneMaker" not in data and "Müəllif".encode() not in data


def test_damaged_pdf_could_not_be_read(tmp_path, tesseract):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nnot really a pdf")
    with pytest.raises(OcrFailed):
        ocr_pdf(path, t.PDF, jobs=1)


def test_a_short_born_digital_page_is_not_a_scan(tmp_path):
    (tmp_path / "short.pdf").write_bytes(text_pdf(["Plain text"]))
    assert not needs_ocr(tmp_path / "short.pdf", t.PDF)


def test_without_ocrmypdf_the_reason_names_the_packages_to_install(monkeypatch):
    from foi.documents import ocr

    monkeypatch.setattr(ocr.shutil, "which", lambda tool: None)
    ocr._missing_tools.cache_clear()
    try:
        why = ocr.ocr_missing()
        with pytest.raises(OcrFailed):
            ocr_pdf(__file__, t.PDF)
    finally:
        monkeypatch.undo()
        ocr._missing_tools.cache_clear()
    assert "ocrmypdf is not installed" in why
    assert "tesseract-ocr-aze" in why


def test_a_picture_that_is_not_one_could_not_be_read(tmp_path, tesseract):
    path = tmp_path / "fake.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n but nothing else")
    with pytest.raises(OcrFailed):
        ocr_pdf(path, t.PNG, jobs=1)
