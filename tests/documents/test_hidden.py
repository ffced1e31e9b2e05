"""Hidden-data check: what a reader would not see holds the file for review."""

import pytest

from foi.documents.hidden import Finding, inspect_hidden
from foi.documents.types import DOC, DOCX, ODT, PDF, TEXT, XLSX

from . import factories as f


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def codes(findings: list[Finding]) -> set[str]:
    return {finding.code for finding in findings}


def test_very_hidden_sheet_with_email_addresses_is_found(tmp_path):
    data = f.xlsx(
        [
            ("Budget", "visible", [["Item", "Amount"], ["Roads", "1200"]]),
            ("contacts", "veryHidden", [["ali@example.az"], ["leyla.m@gov.example.az"], ["x"]]),
        ]
    )
    findings = inspect_hidden(write(tmp_path, "b.xlsx", data), XLSX)
    hidden = [x for x in findings if x.code == "very_hidden_sheet"]
    assert hidden, findings
    assert "contacts" in hidden[0].detail
    assert "2 e-mail address" in hidden[0].detail
    assert "invisible" in str(hidden[0].title)


def test_hidden_sheet_rows_pivot_cache_and_external_links_are_found(tmp_path):
    extra = {
        "xl/pivotCache/pivotCacheDefinition1.xml": b"<pivotCacheDefinition/>",
        "xl/externalLinks/externalLink1.xml": b"<externalLink/>",
    }
    data = f.xlsx(
        [("Visible", "visible", [["a"], ["b"], ["c"]]), ("Old", "hidden", [["z"]])],
        extra=extra,
        hidden_rows=(2,),
    )
    found = codes(inspect_hidden(write(tmp_path, "t.xlsx", data), XLSX))
    assert {"hidden_sheet", "hidden_rows", "pivot_cache", "external_link"} <= found


def test_plain_workbook_is_clean(tmp_path):
    data = f.xlsx([("Budget", "visible", [["Item", "Amount"]])])
    assert inspect_hidden(write(tmp_path, "ok.xlsx", data), XLSX) == []


def test_docx_comments_tracked_changes_and_author_are_found(tmp_path):
    data = f.docx(["Cavab"], tracked=True, comment=True, author="Rəşad Quliyev")
    findings = inspect_hidden(write(tmp_path, "a.docx", data), DOCX)
    assert {"comments", "tracked_changes", "author_metadata"} <= codes(findings)
    assert any("Rəşad Quliyev" in x.detail for x in findings)


def test_clean_docx_and_text_pass(tmp_path):
    assert inspect_hidden(write(tmp_path, "a.docx", f.docx(["Cavab"])), DOCX) == []
    assert inspect_hidden(write(tmp_path, "a.txt", b"plain"), TEXT) == []


def test_odt_comment_is_found(tmp_path):
    findings = inspect_hidden(write(tmp_path, "a.odt", f.odt(["Salam"], comment=True)), ODT)
    assert "comments" in codes(findings)


def test_pdf_metadata_is_found_and_clean_pdf_passes(tmp_path):
    findings = inspect_hidden(write(tmp_path, "m.pdf", f.text_pdf(["x"], author="Ali")), PDF)
    assert "metadata" in codes(findings)
    assert any("Ali" in x.detail for x in findings)
    assert inspect_hidden(write(tmp_path, "c.pdf", f.text_pdf(["x"])), PDF) == []


def test_pdf_text_covered_by_an_image_is_found(tmp_path):
    path = write(tmp_path, "covered.pdf", f.text_under_image_pdf("Secret name Ali Aliyev"))
    findings = inspect_hidden(path, PDF)
    assert "text_under_image" in codes(findings)
    assert "1" in next(x for x in findings if x.code == "text_under_image").detail


def test_pdf_with_attachment_is_found(tmp_path):
    import io

    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_attachment("salaries.csv", b"name;salary\nAli;5000\n")
    buf = io.BytesIO()
    writer.write(buf)
    findings = inspect_hidden(write(tmp_path, "att.pdf", buf.getvalue()), PDF)
    assert "embedded_files" in codes(findings)


def test_pdf_with_an_earlier_revision_is_found(tmp_path):
    original = f.text_pdf(["draft with name"])
    first_xref = int(original.rsplit(b"startxref", 1)[1].split()[0])
    offset = len(original)
    update = b"6 0 obj\n<< /Producer (editor) >>\nendobj\n"
    xref = offset + len(update)
    update += (
        b"xref\n6 1\n%010d 00000 n \ntrailer\n<< /Size 7 /Root 1 0 R /Prev %d >>\n"
        b"startxref\n%d\n%%%%EOF\n" % (offset, first_xref, xref)
    )
    findings = inspect_hidden(write(tmp_path, "rev.pdf", original + update), PDF)
    assert "previous_versions" in codes(findings)


@pytest.mark.parametrize(
    ("name", "data", "mime"),
    [
        ("broken.xlsx", b"PK\x03\x04 not really a zip", XLSX),
        ("broken.pdf", b"%PDF-1.7\n garbage", PDF),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, DOC),
    ],
)
def test_file_that_cannot_be_analysed_is_held(tmp_path, name, data, mime):
    findings = inspect_hidden(write(tmp_path, name, data), mime)
    assert codes(findings) == {"unanalysable"}
