"""Text extraction, and redaction that removes text instead of covering it."""

import io

import pypdf
import pytest

from foi.documents.extract import extract_text
from foi.documents.hidden import inspect_hidden
from foi.documents.redact import find_terms, redact_pdf, redact_text
from foi.documents.types import CSV, DOCX, ODT, PDF, PNG, TEXT, XLSX

from . import factories as f


@pytest.mark.parametrize(
    ("data", "mime", "expected"),
    [
        (f.text_pdf(["Budget 2025", "Roads 1200"]), PDF, ["Budget 2025", "Roads 1200"]),
        (
            f.docx(["Şəhər büdcəsi", "Бюджет города"], tracked=True),
            DOCX,
            ["Şəhər büdcəsi", "Бюджет города"],
        ),
        (f.xlsx([("Data", "visible", [["Ad", "Məbləğ"], ["Yol", "1200"]])]), XLSX, ["Ad\tMəbləğ"]),
        (f.odt(["Salam, dünya"], comment=True), ODT, ["Salam, dünya"]),
        ("ad;say\nƏli;3\n".encode(), CSV, ["Əli;3"]),
        ("Привет".encode("cp1251"), TEXT, ["Привет"]),
    ],
)
def test_text_is_extracted(tmp_path, data, mime, expected):
    path = tmp_path / "doc"
    path.write_bytes(data)
    text = extract_text(path, mime)
    for piece in expected:
        assert piece in text


def test_deleted_text_and_comments_are_not_extracted(tmp_path):
    path = tmp_path / "d.docx"
    path.write_bytes(f.docx(["Cavab"], tracked=True))
    assert "old salary" not in extract_text(path, DOCX)
    path = tmp_path / "c.odt"
    path.write_bytes(f.odt(["Salam"], comment=True))
    assert "internal note" not in extract_text(path, ODT)


def test_files_without_text_give_empty_string(tmp_path):
    path = tmp_path / "p.png"
    path.write_bytes(f.png())
    assert extract_text(path, PNG) == ""
    broken = tmp_path / "b.pdf"
    broken.write_bytes(b"%PDF-1.7 broken")
    assert extract_text(broken, PDF) == ""


def test_redact_text_replaces_every_occurrence_whatever_the_case_and_wrapping():
    text = "Dear Əli Məmmədov,\nyour file (ƏLİ\nMƏMMƏDOV) is ready. Phone 050 123 45 67."
    out = redact_text(text, ["Əli Məmmədov", "050 123 45 67", "  "])
    assert "Məmmədov" not in out and "MƏMMƏDOV" not in out and "050" not in out
    assert out.count("[REDACTED]") == 3
    assert out.startswith("Dear [REDACTED],")


def test_overlapping_passages_become_one_mark():
    assert redact_text("Ali Aliyev Baku", ["Ali Aliyev", "Aliyev Baku"], "██") == "██"


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_redacted_pdf_has_no_trace_of_the_terms_and_no_metadata():
    source = f.text_pdf(
        ["Requester: Ali Aliyev", "Passport AZE1234567", "Budget 2025"], author="Leyla Officer"
    )
    assert "Ali Aliyev" in pdf_text(source)
    assert find_terms(source, ["ali aliyev", "nobody"]) == {"ali aliyev": 1, "nobody": 0}

    out = redact_pdf(source, terms=["ali aliyev", "AZE1234567"])

    reader = pypdf.PdfReader(io.BytesIO(out))
    assert len(reader.pages) == 1
    assert pdf_text(out).strip() == ""  # no text layer at all: nothing to copy or search
    for secret in (b"Ali", b"Aliyev", b"AZE1234567", b"Leyla", b"Helvetica"):
        assert secret not in out
    assert not reader.metadata
    assert "/Metadata" not in reader.trailer["/Root"]


def test_redacted_pdf_shows_black_where_the_term_was_and_keeps_the_rest(tmp_path):
    import pypdfium2 as pdfium

    source = f.text_pdf(["Ali Aliyev"])
    out = redact_pdf(source, terms=["Aliyev"], dpi=72)
    page = pdfium.PdfDocument(out)[0]
    image = page.render(scale=1).to_pil().convert("L")
    # Helvetica 12 pt at (50, 750): "Ali " spans about 50-70 pt, "Aliyev" about 72-108 pt.
    top = 792 - 750 - 6
    assert image.getpixel((90, top)) < 40, "the term is painted black"
    assert image.getpixel((300, top)) > 200, "elsewhere the page stays white"
    kept = [image.getpixel((x, top + dy)) for x in range(50, 68) for dy in range(-4, 5)]
    assert min(kept) < 128 < max(kept), "the unredacted word is still drawn"


def test_marked_area_is_blacked_out_and_page_count_kept():
    source = f.text_pdf(["Signature of the officer"])
    out = redact_pdf(source, areas=[(0, 40, 30, 300, 60)], dpi=72)
    assert "Signature" not in pdf_text(out)
    import pypdfium2 as pdfium

    image = pdfium.PdfDocument(out)[0].render(scale=1).to_pil().convert("L")
    assert image.getpixel((100, 45)) < 40


def test_redacted_pdf_passes_the_hidden_data_check(tmp_path):
    out = redact_pdf(f.text_under_image_pdf("Secret Ali"))
    path = tmp_path / "r.pdf"
    path.write_bytes(out)
    assert inspect_hidden(path, PDF) == []
