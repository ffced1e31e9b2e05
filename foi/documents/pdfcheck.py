"""Check an uploaded PDF: complete, openable, a sane page count, no decompression bomb."""

import re
import zlib
from pathlib import Path

from .errors import UploadRejected
from .policy import UploadPolicy

_STREAM = re.compile(rb"stream\r?\n")
_COUNT = re.compile(rb"/Count\s+(\d{1,20})")


def check_pdf(path: Path, filename: str, policy: UploadPolicy) -> None:
    """Raise ``UploadRejected`` unless the PDF at ``path`` can be opened and processed safely."""
    data = path.read_bytes()  # already capped at ``max_file_bytes`` by the reader
    if b"%%EOF" not in data[-2048:]:
        raise UploadRejected("corrupt", filename, detail="the end of the file is missing")
    # The page tree's /Count is read before any library walks the tree: a tiny file can
    # claim billions of pages by repeating references to one branch.
    counts = [int(m.group(1)) for m in _COUNT.finditer(data)]
    if counts and max(counts) > policy.max_pdf_pages:
        raise UploadRejected(
            "zip_bomb",
            filename,
            detail=f"it declares {max(counts):,} pages; the limit is {policy.max_pdf_pages:,}",
        )
    _check_streams(data, filename, policy)
    _check_opens(path, filename, policy)


def _check_streams(data: bytes, filename: str, policy: UploadPolicy) -> None:
    """Inflate every Flate stream with a budget, stopping as soon as it is spent.

    No ratio test here: a blank scanned page legitimately inflates a thousand times.
    """
    budget = policy.max_unpacked_bytes
    for match in _STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        raw = data[start : end if end != -1 else len(data)]
        size = _inflated_size(raw, budget + 1, policy.chunk_bytes)
        if size is None:
            continue  # not Flate data (images, encrypted or other filters)
        budget -= size
        if budget < 0:
            raise UploadRejected(
                "zip_bomb",
                filename,
                detail=f"more than {policy.max_unpacked_bytes // 2**20} MB unpacked",
            )


def _inflated_size(raw: bytes, limit: int, chunk: int) -> int | None:
    """Return the inflated size of ``raw`` (at most ``limit``), or ``None`` if not zlib data."""
    inflater = zlib.decompressobj()
    total = 0
    try:
        pending = raw
        while pending and total < limit:
            out = inflater.decompress(pending, chunk)
            total += len(out)
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:
        return None if total == 0 else total
    return total


def _check_opens(path: Path, filename: str, policy: UploadPolicy) -> None:
    # Loaded on first use, like every PDF library here: most processes never open a PDF.
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UploadRejected(
                "type_not_allowed", filename, detail="it is protected by a password"
            ) from exc
        raise UploadRejected("corrupt", filename) from exc
    try:
        pages = len(doc)
        if pages == 0:
            raise UploadRejected("corrupt", filename, detail="it has no pages")
        if pages > policy.max_pdf_pages:
            raise UploadRejected(
                "zip_bomb",
                filename,
                detail=f"it has {pages:,} pages; the limit is {policy.max_pdf_pages:,}",
            )
    finally:
        doc.close()
