"""Accept an uploaded file: limits before reading, type by content, safe name, stored by hash.

Usage from a service::

    stored = accept_upload(file.stream, file.filename, policy, store, already_used_bytes=used)

Every refusal is an ``UploadRejected`` whose ``message`` tells the person what to do; the
caller keeps the rest of the form as it was.
"""

import hashlib
import zipfile
from pathlib import Path
from typing import BinaryIO

from . import sniff
from . import types as t
from .archives import check_zip
from .errors import UploadRejected
from .filenames import clean_filename, name_for_type
from .pdfcheck import check_pdf
from .policy import UploadPolicy
from .store import FileStore, StoredFile

__all__ = [
    "FileStore",
    "StoredFile",
    "UploadPolicy",
    "UploadRejected",
    "accept_upload",
    "check_file",
]

# A PDF reader looks for the header in the first 1024 bytes, so "%PDF" there makes any
# other type a PDF as well.
_PDF_WINDOW = 1024


def accept_upload(
    stream: BinaryIO,
    filename: str,
    policy: UploadPolicy,
    store: FileStore,
    already_used_bytes: int = 0,
) -> StoredFile:
    """Read ``stream`` into the store if it is an allowed, safe file, else raise ``UploadRejected``.

    The stream is read in chunks and reading stops as soon as the per-file or per-request
    limit is passed, so a huge body never reaches memory or disk in full.
    """
    display = clean_filename(filename)
    tmp = store.temp_path()
    try:
        sha256, size = _copy_limited(stream, tmp, display, policy, already_used_bytes)
        mime = check_file(tmp, display, policy)
        store.commit(tmp, sha256)
    finally:
        tmp.unlink(missing_ok=True)
    return StoredFile(sha256=sha256, size=size, mime=mime, filename=name_for_type(display, mime))


def _copy_limited(
    stream: BinaryIO, tmp: Path, filename: str, policy: UploadPolicy, already_used: int
) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with tmp.open("wb") as out:
        while chunk := stream.read(policy.chunk_bytes):
            size += len(chunk)
            if size > policy.max_file_bytes:
                raise UploadRejected("too_large", filename, limit=policy.max_file_bytes)
            if already_used + size > policy.max_request_bytes:
                raise UploadRejected("request_too_large", filename, limit=policy.max_request_bytes)
            digest.update(chunk)
            out.write(chunk)
    if size == 0:
        raise UploadRejected("empty", filename)
    return digest.hexdigest(), size


def check_file(path: Path, filename: str, policy: UploadPolicy) -> str:
    """Return the allowed MIME type of the file at ``path`` or raise ``UploadRejected``."""
    mime = sniff.sniff_path(path, filename)
    if mime == "application/x-broken-zip":
        raise UploadRejected("corrupt", filename)
    if mime is None or mime not in t.ALLOWED:
        with path.open("rb") as f:
            what = sniff.describe_refused(f.read(sniff.HEAD_BYTES))
        raise UploadRejected("type_not_allowed", filename, detail=f"it is {what}" if what else "")
    _refuse_polyglot(path, filename, mime)
    if mime in t.ZIP_BASED:
        try:
            with zipfile.ZipFile(path) as zf:
                check_zip(zf, filename, policy, plain=mime == t.ZIP)
                bad = zf.testzip() if mime != t.ZIP else None
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise UploadRejected("corrupt", filename) from exc
        if bad:
            raise UploadRejected("corrupt", filename, detail=f"“{bad}” is damaged")
    elif mime == t.PDF:
        check_pdf(path, filename, policy)
    elif mime in (t.PNG, t.JPEG, t.GIF, t.WEBP, t.TIFF):
        _check_image(path, filename)
    return mime


def _refuse_polyglot(path: Path, filename: str, mime: str) -> None:
    """Refuse a file that is also a PDF or a ZIP while claiming to be something else."""
    with path.open("rb") as f:
        head = f.read(_PDF_WINDOW)
        if mime != t.PDF and b"%PDF-" in head:
            raise UploadRejected("type_mismatch", filename, detail="it also contains a PDF")
        if mime in t.ZIP_BASED:
            return
        # ZIP readers find an archive by its directory at the end, whatever comes first.
        f.seek(0, 2)
        f.seek(max(0, f.tell() - 65_557))
        tail = f.read()
    if b"PK\x05\x06" in tail and zipfile.is_zipfile(path):
        raise UploadRejected("type_mismatch", filename, detail="it also contains a ZIP archive")


def _check_image(path: Path, filename: str) -> None:
    """Open the image header with Pillow; refuse broken or pixel-bomb images."""
    # Pillow is loaded on first use: most processes never see a picture.
    from PIL import Image

    try:
        with Image.open(path) as img:
            img.verify()
    except Image.DecompressionBombError as exc:
        raise UploadRejected("zip_bomb", filename, detail="the image is enormous") from exc
    except Exception as exc:  # Pillow raises many kinds for a damaged image
        raise UploadRejected("corrupt", filename) from exc
