"""Give scanned paper a text layer: OCR by ocrmypdf and Tesseract in Azerbaijani, Russian, English.

The work is done by Debian's ``ocrmypdf`` command in a subprocess, not by the PyPI package
imported here. ocrmypdf needs Tesseract and Ghostscript from the system whatever we do, so the
Debian packages (``tesseract-ocr``, ``tesseract-ocr-aze``, ``tesseract-ocr-rus``,
``ocrmypdf``) come as one tested set; the site's virtualenv stays free of pikepdf, pdfminer
and their native libraries; and a page that makes Tesseract crash or run away ends one child
process, killed at the timeout, never the worker. ``make test`` installs the packages
(``make ocr``); without them ``ocr_missing()`` says why and uploads are simply not read.

A PDF keeps its pages as they are (``--skip-text``: only pages without text are read); a
picture (JPEG, PNG, TIFF, WebP) becomes a PDF of its pixels first, re-encoded by Pillow so that
none of the camera's metadata (GPS position, serial numbers) travels into it. What ocrmypdf
writes into the document's metadata (a title from the temporary file's name, XMP) is taken out
again, so the hidden-data check sees only what the uploader's file held.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from . import types as t

#: Tesseract's languages, the first the country's. Debian: tesseract-ocr-aze, -rus (eng built in).
LANGUAGES = ("aze", "rus", "eng")
PACKAGES = ("ocrmypdf", "tesseract-ocr", "tesseract-ocr-aze", "tesseract-ocr-rus")
IMAGE_TYPES = frozenset({t.JPEG, t.PNG, t.TIFF, t.WEBP})
#: A page with a picture and fewer characters of text than this (a page number, a stamp) is a scan.
_SCAN_CHARS = 20
_DEFAULT_DPI = 300  # what a picture without a resolution is assumed to be scanned at
_MAX_PAGES_CHECKED = 2_000


class OcrFailed(Exception):
    """The file could not be read: a damaged or encrypted PDF, a timeout, Tesseract failed."""


def ocr_missing() -> str | None:
    """Return why OCR cannot run on this machine, or None when it can."""
    return _missing_tools()


@lru_cache(maxsize=1)
def _missing_tools() -> str | None:
    for tool in ("ocrmypdf", "tesseract"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian: apt-get install {' '.join(PACKAGES)})"
    try:
        # S607 is a false positive here: a fixed command, found on PATH just above.
        listed = subprocess.run(
            ["tesseract", "--list-langs"],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"tesseract does not answer ({exc})"
    have = set(listed.stdout.split())
    lacking = [lang for lang in LANGUAGES if lang not in have]
    if lacking:
        packages = " ".join(f"tesseract-ocr-{lang}" for lang in lacking)
        return f"Tesseract lacks the language(s) {', '.join(lacking)} (Debian: {packages})"
    return None


def needs_ocr(path: Path, mime: str) -> bool:
    """Tell whether the file is a scan: a picture, or a PDF with a page of picture but no text."""
    if mime in IMAGE_TYPES:
        return True
    if mime != t.PDF:
        return False
    # Loaded on first use, like every PDF library here: most processes never open a PDF.
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return False  # damaged or encrypted: the hidden-data check holds it
    try:
        for index, page in enumerate(doc):
            if index >= _MAX_PAGES_CHECKED:
                return False
            textpage = page.get_textpage()
            chars = len("".join(textpage.get_text_range().split()))
            textpage.close()
            scanned = chars < _SCAN_CHARS and _has_image(page)
            page.close()
            if scanned:
                return True
    finally:
        doc.close()
    return False


def _has_image(page) -> bool:
    from pypdfium2 import raw  # loaded on first use, like every PDF library here

    return any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3))


def ocr_pdf(path: Path, mime: str, *, jobs: int = 0, timeout: float = 900) -> bytes:
    """Return the file at ``path`` as a PDF with a text layer over its scanned pages.

    ``jobs`` pages are read at once (0: one per CPU); the whole run is killed after
    ``timeout`` seconds. Raise :class:`OcrFailed` when the file cannot be read.
    """
    why = ocr_missing()
    if why:
        raise OcrFailed(why)
    with tempfile.TemporaryDirectory(prefix="foi-ocr-") as tmp:
        folder = Path(tmp)
        source = folder / "in.pdf"
        if mime in IMAGE_TYPES:
            try:
                source.write_bytes(image_to_pdf(Path(path)))
            except Exception as exc:  # Pillow raises many kinds for a picture it cannot read
                raise OcrFailed(f"the picture could not be read ({exc})") from exc
        else:
            shutil.copyfile(path, source)
        target = folder / "out.pdf"
        command = [
            "ocrmypdf",
            "--quiet",
            "--language",
            "+".join(LANGUAGES),
            "--skip-text",  # pages that already have text keep it untouched
            "--deskew",  # a sheet fed askew reads better straight; the upload keeps the original
            "--output-type",
            "pdf",  # not PDF/A: no Ghostscript rewrite of the pages, several times faster
            "--optimize",
            "0",
            "--jobs",
            str(jobs or os.cpu_count() or 1),
            str(source),
            str(target),
        ]
        try:
            # S603 is a false positive here: a fixed list of arguments (our own temporary
            # paths), no shell, so nothing in the file or its name is interpreted.
            done = subprocess.run(  # noqa: S603
                command,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
                cwd=folder,
            )
        except subprocess.TimeoutExpired as exc:
            raise OcrFailed(f"OCR took longer than {timeout:.0f} s") from exc
        # 0: done; 6 (already has text) cannot happen with --skip-text; others are failures.
        if done.returncode != 0 or not target.exists():
            reason = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
            raise OcrFailed(f"ocrmypdf: {reason[:300]}")
        try:
            return _metadata_as_in(source, target.read_bytes())
        except Exception as exc:  # pypdf raises many kinds for a PDF it cannot rewrite
            raise OcrFailed(f"the PDF could not be rewritten ({exc})") from exc


def image_to_pdf(path: Path) -> bytes:
    """Return a PDF of the picture's pixels (every frame of a TIFF), without its metadata."""
    from PIL import Image, ImageOps, ImageSequence  # only pictures need Pillow

    with Image.open(path) as image:
        dpi = image.info.get("dpi") or (_DEFAULT_DPI, _DEFAULT_DPI)
        resolution = float(dpi[0]) if dpi and float(dpi[0]) >= 50 else _DEFAULT_DPI
        frames = []
        for frame in ImageSequence.Iterator(image):
            upright = ImageOps.exif_transpose(frame)  # as the photo is shown
            gray = upright.mode in ("1", "L", "LA", "I;16")
            frames.append(upright.convert("L" if gray else "RGB"))
    buf = io.BytesIO()
    first, *rest = frames
    first.save(buf, format="PDF", resolution=resolution, save_all=True, append_images=rest)
    return buf.getvalue()


def _metadata_as_in(source: Path, made: bytes) -> bytes:
    """Return ``made`` with the document information and XMP of ``source``, nothing more."""
    import pypdf  # loaded on first use, like every PDF library here

    original = pypdf.PdfReader(str(source), strict=False)
    had_xmp = "/Metadata" in original.trailer["/Root"]
    info = {k: v for k, v in (original.metadata or {}).items()}
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(made), strict=False))
    if not had_xmp and "/Metadata" in writer.root_object:
        del writer.root_object["/Metadata"]
    writer.metadata = None
    if info:
        writer.add_metadata(info)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
