"""Uploads: limits before reading, type by content, bad files refused with a clear message."""

import io
import zipfile

import pytest

from foi.documents.types import DOCX, ODT, XLSX
from foi.documents.uploads import FileStore, UploadPolicy, UploadRejected, accept_upload

from . import factories as f


@pytest.fixture
def store(tmp_path):
    return FileStore(tmp_path / "files")


@pytest.fixture
def policy():
    return UploadPolicy()


def upload(data: bytes, name: str, policy, store, **kwargs):
    return accept_upload(io.BytesIO(data), name, policy, store, **kwargs)


def rejected(data: bytes, name: str, policy, store, **kwargs) -> UploadRejected:
    with pytest.raises(UploadRejected) as info:
        upload(data, name, policy, store, **kwargs)
    return info.value


def test_pdf_is_stored_by_hash_outside_the_web_root(policy, store):
    data = f.text_pdf(["Hello"])
    stored = upload(data, "answer.pdf", policy, store)
    assert stored.mime == "application/pdf"
    assert stored.size == len(data)
    assert stored.filename == "answer.pdf"
    path = store.path(stored.sha256)
    assert path.relative_to(store.root).parts == (
        stored.sha256[:2],
        stored.sha256[2:4],
        stored.sha256,
    )
    assert store.open(stored.sha256).read() == data
    assert not list((store.root / "tmp").iterdir()), "temp files are cleaned up"


def test_same_content_is_stored_once(policy, store):
    first = upload(f.png(), "a.png", policy, store)
    second = upload(f.png(), "b.png", policy, store)
    assert first.sha256 == second.sha256
    assert store.put_bytes(f.png()) == first.sha256


def test_200_mb_upload_stops_reading_just_past_the_limit(policy, store):
    body = f.EndlessStream(200 * 2**20)
    with pytest.raises(UploadRejected) as info:
        accept_upload(body, "huge.pdf", policy, store)
    assert info.value.code == "too_large"
    assert "25 MB" in str(info.value.message)
    assert body.served <= policy.max_file_bytes + policy.chunk_bytes
    assert not any(p.is_file() for p in store.root.rglob("*")), "nothing of it is kept"


def test_request_limit_counts_files_already_accepted(store):
    policy = UploadPolicy(max_file_bytes=10_000, max_request_bytes=15_000)
    error = rejected(b"a" * 8_000, "notes.txt", policy, store, already_used_bytes=8_000)
    assert error.code == "request_too_large"
    assert upload(b"a" * 8_000, "notes.txt", policy, store).size == 8_000


def test_empty_file_is_refused(policy, store):
    assert rejected(b"", "empty.pdf", policy, store).code == "empty"


def test_truncated_pdf_is_refused_as_damaged(policy, store):
    data = f.text_pdf(["Budget 2025"])
    error = rejected(data[: len(data) // 2], "budget.pdf", policy, store)
    assert error.code == "corrupt"
    assert "damaged or incomplete" in str(error.message)


def test_pdf_page_tree_bomb_is_refused_before_the_tree_is_walked(policy, store):
    error = rejected(f.page_tree_bomb_pdf(), "pages.pdf", policy, store)
    assert error.code == "zip_bomb"
    assert "pages" in str(error.message)


def test_pdf_decompression_bomb_is_refused(store):
    policy = UploadPolicy(max_unpacked_bytes=8 * 2**20)
    data = f.deflate_bomb_pdf(inflated_mb=12)
    assert len(data) < 50_000
    assert rejected(data, "report.pdf", policy, store).code == "zip_bomb"


def test_wrong_extension_is_corrected_to_the_real_type(policy, store):
    stored = upload(f.text_pdf(["x"]), "scan.docx", policy, store)
    assert (stored.mime, stored.filename) == ("application/pdf", "scan.pdf")
    stored = upload(f.png(), "photo.jpg", policy, store)
    assert (stored.mime, stored.filename) == ("image/png", "photo.png")


def test_program_named_as_pdf_is_refused(policy, store):
    error = rejected(b"MZ\x90\x00" + b"\x00" * 200, "invoice.pdf", policy, store)
    assert error.code == "type_not_allowed"
    assert "Windows program" in str(error.message)


def test_html_page_is_refused(policy, store):
    error = rejected(b"<html><script>alert(1)</script></html>", "page.txt", policy, store)
    assert error.code == "type_not_allowed"


def test_pdf_zip_polyglot_is_refused(policy, store):
    data = f.text_pdf(["harmless"]) + f.zip_of({"evil.txt": b"hidden payload"})
    assert rejected(data, "letter.pdf", policy, store).code == "type_mismatch"


def test_image_with_pdf_inside_is_refused(policy, store):
    data = f.png()[:16] + b"%PDF-1.4 " + f.png()[16:]
    assert rejected(data, "photo.png", policy, store).code == "type_mismatch"


def test_zip_bomb_is_refused(policy, store):
    data = f.zip_bomb(inflated_mb=24)
    assert len(data) < 100_000
    error = rejected(data, "documents.zip", policy, store)
    assert error.code == "zip_bomb"
    assert "unpack" in str(error.message)


def test_zip_with_too_much_content_in_total_is_refused(store):
    policy = UploadPolicy(max_unpacked_bytes=2**20)
    entries = {f"part{i}.txt": bytes(range(256)) * 1200 for i in range(5)}
    assert (
        rejected(f.zip_of(entries, zipfile.ZIP_STORED), "a.zip", policy, store).code == "zip_bomb"
    )


def test_nested_archive_is_refused(policy, store):
    inner = f.zip_of({"a.txt": b"text"})
    error = rejected(f.zip_of({"inner.zip": inner, "b.txt": b"x"}), "outer.zip", policy, store)
    assert error.code == "nested_archive"
    assert "inner.zip" in str(error.message)


def test_zip_of_documents_is_accepted_including_office_files(policy, store):
    data = f.zip_of(
        {
            "answer.pdf": f.text_pdf(["a"]),
            "table.xlsx": f.xlsx([("S", "visible", [["1"]])]),
            "notes.txt": "Qeyd: şəhər".encode(),
        }
    )
    assert upload(data, "answer.zip", policy, store).mime == "application/zip"


def test_zip_holding_a_program_is_refused(policy, store):
    error = rejected(f.zip_of({"setup.exe": b"MZ" + b"\x00" * 100}), "a.zip", policy, store)
    assert error.code == "type_not_allowed"


def test_office_files_are_recognised_by_their_structure(policy, store):
    cases = {
        "t.bin": (f.xlsx([("Data", "visible", [["a"]])]), XLSX, "t.xlsx"),
        "letter": (f.docx(["Salam"]), DOCX, "letter.docx"),
        "note.odt": (f.odt(["Salam"]), ODT, "note.odt"),
    }
    for name, (data, mime, clean) in cases.items():
        stored = upload(data, name, policy, store)
        assert (stored.mime, stored.filename) == (mime, clean)


def test_csv_and_legacy_russian_text_are_accepted(policy, store):
    assert upload("ad;say\nƏli;3\n".encode(), "data.csv", policy, store).mime == "text/csv"
    stored = upload("Привет, мир".encode("cp1251"), "письмо.txt", policy, store)
    assert (stored.mime, stored.filename) == ("text/plain", "письмо.txt")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\system32\\cmd.pdf", "cmd.pdf"),
        ("/var/www/static/x.pdf", "x.pdf"),
        ("məktub\u202efdp.exe.pdf", "məktubfdp.exe.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("..", "file.pdf"),
        ("  .hidden.pdf", "hidden.pdf"),
        ("şəhər büdcəsi:2025?.pdf", "şəhər büdcəsi_2025_.pdf"),
    ],
)
def test_filename_is_cleaned_and_keeps_letters(policy, store, given, expected):
    assert upload(f.text_pdf(["x"]), given, policy, store).filename == expected


def test_store_refuses_paths_that_are_not_hashes(store):
    with pytest.raises(ValueError):
        store.path("../../etc/passwd")


def test_every_rejection_has_a_message_that_names_the_file(policy, store):
    error = rejected(b"\x00\x01\x02\x03" * 100, "../x/data.bin", policy, store)
    assert error.code == "type_not_allowed"
    message = str(error.message)
    assert "data.bin" in message and "../" not in message
    assert "Please send" in message


def test_download_headers_force_an_attachment_with_a_safe_type():
    from foi.documents.serving import download_headers

    headers = download_headers('şəhər "büdcə".txt', "text/plain")
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    disposition = headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''%C5%9F%C9%99h%C9%99r%20%22b%C3%BCdc%C9%99%22.txt" in disposition
    assert '"' not in disposition.split('filename="')[1].split('";')[0]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert download_headers("x.html", "text/html")["Content-Type"] == "application/octet-stream"
