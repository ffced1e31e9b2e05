"""Extract the plain text of a document, for search and for checks; '' when there is none.

Legacy binary Office files (DOC, XLS) and images have no text we can read without OCR, so they
give ''. Extraction never raises for a damaged file: it returns what it could read.
"""

import codecs
import logging
import zipfile
from pathlib import Path

from . import ooxml
from . import types as t
from .ooxml import q

log = logging.getLogger(__name__)

MAX_CHARS = 5_000_000


def extract_text(path: Path, mime: str) -> str:
    """Return the text of the file at ``path`` whose checked type is ``mime``."""
    reader = _READERS.get(mime)
    if reader is None:
        return ""
    try:
        text = reader(Path(path))
    except Exception:  # a damaged file must not break indexing; the hidden check holds it
        log.warning("could not extract text from %s (%s)", path, mime, exc_info=True)
        return ""
    return text[:MAX_CHARS].strip()


def pdf_text(path: Path) -> str:
    """Return the text of every page of a PDF, pages separated by form feeds."""
    # Loaded on first use, like every PDF library here: most processes never open a PDF.
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    pages, size = [], 0
    try:
        for page in doc:
            textpage = page.get_textpage()
            text = textpage.get_text_range().replace("\r\n", "\n")
            textpage.close()
            page.close()
            pages.append(text)
            size += len(text)
            if size > MAX_CHARS:
                break
    finally:
        doc.close()
    return "\f".join(pages)


def plain_text(path: Path) -> str:
    """Return a text file decoded as UTF-8, UTF-16 (with BOM) or Windows-1251."""
    data = path.read_bytes()[: MAX_CHARS * 4]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251", "replace")


def docx_text(path: Path) -> str:
    """Return the body text of a DOCX, one paragraph a line, table cells separated by tabs."""
    parts = []
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        bodies = ["word/document.xml"] + sorted(
            n
            for n in names
            if n.startswith(("word/header", "word/footer", "word/footnotes", "word/endnotes"))
            and n.endswith(".xml")
        )
        for name in bodies:
            if name in names:
                parts.append(_docx_part(zf, name))
    return "\n".join(p for p in parts if p)


def _docx_part(zf: zipfile.ZipFile, name: str) -> str:
    out: list[str] = []
    for event, el in ooxml.iter_elements(zf, name):
        if event != "end":
            continue
        tag = el.tag
        if tag == q("w", "t"):
            out.append(el.text or "")
        elif tag == q("w", "tab"):
            out.append("\t")
        elif tag in (q("w", "br"), q("w", "cr")):
            out.append("\n")
        elif tag == q("w", "p"):
            out.append("\n")
            el.clear()
        elif tag == q("w", "tc"):
            out.append("\t")
    return "".join(out)


def xlsx_text(path: Path) -> str:
    """Return every sheet of an XLSX as tab-separated rows, each sheet headed by its name."""
    out: list[str] = []
    with zipfile.ZipFile(path) as zf:
        strings = ooxml.shared_strings(zf)
        for name, _state, part in ooxml.workbook_sheets(zf):
            if part not in zf.namelist():
                continue
            out.append(f"# {name}")
            for row in ooxml.sheet_cells(zf, part, strings):
                line = "\t".join(row).rstrip("\t")
                if line:
                    out.append(line)
    return "\n".join(out)


def odf_text(path: Path) -> str:
    """Return the text of an ODT or ODS: paragraphs as lines, table cells separated by tabs."""
    with zipfile.ZipFile(path) as zf:
        root = ooxml.read_xml(zf, "content.xml")
    if root is None:
        return ""
    text = _odf_render(root)
    return "\n".join(line.rstrip("\t ") for line in text.splitlines())


# Comments, tracked deletions and footnote marks are not part of the visible text.
_ODF_SKIP = frozenset(
    {
        q("office", "annotation"),
        q("office", "annotation-end"),
        q("text", "tracked-changes"),
        q("text", "note-citation"),
    }
)
_ODF_AFTER = {
    q("text", "p"): "\n",
    q("text", "h"): "\n",
    q("table", "table-cell"): "\t",
    q("table", "table-row"): "\n",
}


def _odf_render(el) -> str:
    parts = [el.text or ""]
    for child in el:
        tag = child.tag
        if tag == q("text", "s"):
            parts.append(" " * int(child.get(q("text", "c"), "1") or 1))
        elif tag == q("text", "tab"):
            parts.append("\t")
        elif tag == q("text", "line-break"):
            parts.append("\n")
        elif tag not in _ODF_SKIP:
            parts.append(_odf_render(child) + _ODF_AFTER.get(tag, ""))
        parts.append(child.tail or "")
    return "".join(parts)


_READERS = {
    t.PDF: pdf_text,
    t.TEXT: plain_text,
    t.CSV: plain_text,
    t.DOCX: docx_text,
    t.XLSX: xlsx_text,
    t.ODT: odf_text,
    t.ODS: odf_text,
}
