"""Hidden-data checks for PDFs: metadata, attachments, scripts, old revisions, covered text."""

import ctypes
import io
import re
from pathlib import Path

from .findings import Finding

# Metadata keys that say nothing about people or the document's history.
_HARMLESS_INFO = {"/Producer", "/Creator", "/CreationDate", "/ModDate", "/Trapped"}
_SCRIPT = re.compile(rb"/(?:JavaScript|JS)(?=[\s/<(\[])")
_COVER_SHARE = 0.5  # a text object counts as covered when half its box is under an image/box


def inspect_pdf(path: Path) -> list[Finding]:
    """Find metadata, embedded files, scripts, earlier revisions and text under images."""
    data = Path(path).read_bytes()
    findings = _structure(data)
    findings.extend(_covered_text(path))
    return findings


def _structure(data: bytes) -> list[Finding]:
    import pypdf  # loaded on first use, like every PDF library here: most processes never need one

    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        return [Finding("unanalysable", "the PDF is encrypted")]
    findings = []
    info = reader.metadata or {}
    keys = sorted(k for k, v in info.items() if k not in _HARMLESS_INFO and str(v).strip())
    root = reader.trailer["/Root"]
    if keys or "/Metadata" in root:
        listed = ", ".join(f"{k.lstrip('/')}: {str(info[k])[:60]}" for k in keys)
        detail = listed or "XMP metadata"
        findings.append(Finding("metadata", detail))
    attachments = list(reader.attachments) if hasattr(reader, "attachments") else []
    file_annots = sum(
        1
        for page in reader.pages
        for annot in (page.get("/Annots") or [])
        if annot.get_object().get("/Subtype") == "/FileAttachment"
    )
    if attachments or file_annots:
        names = ", ".join(attachments[:5])
        findings.append(
            Finding(
                "embedded_files", f"{len(attachments) + file_annots} attachment(s) {names}".strip()
            )
        )
    comments = sum(
        1
        for page in reader.pages
        for annot in (page.get("/Annots") or [])
        if annot.get_object().get("/Subtype") in ("/Text", "/FreeText", "/Popup")
        and annot.get_object().get("/Contents")
    )
    if comments:
        findings.append(Finding("comments", f"{comments} comment(s)"))
    if _SCRIPT.search(data):
        findings.append(Finding("javascript", "the PDF contains scripts"))
    if "/AcroForm" in root and root["/AcroForm"].get("/Fields"):
        findings.append(Finding("form_fields", f"{len(root['/AcroForm']['/Fields'])} field(s)"))
    # An incremental update keeps the earlier revision, deleted text included, in the file.
    revisions = len(re.findall(rb"%%EOF", data))
    if revisions > 1 and b"/Linearized" not in data[:1024]:
        findings.append(Finding("previous_versions", f"{revisions} revisions saved"))
    return findings


def _covered_text(path: Path) -> list[Finding]:
    """Find text drawn first and then covered by an image or an opaque filled box."""
    # Loaded on first use, like every PDF library here: most processes never open a PDF.
    import pypdfium2 as pdfium
    from pypdfium2 import raw

    doc = pdfium.PdfDocument(str(path))
    hits: list[str] = []
    try:
        for index, page in enumerate(doc):
            textpage = page.get_textpage()
            texts: list[tuple[float, float, float, float]] = []
            for obj in page.get_objects(max_depth=5):
                box = obj.get_bounds()
                if obj.type == raw.FPDF_PAGEOBJ_TEXT:
                    texts.append(box)
                elif obj.type == raw.FPDF_PAGEOBJ_IMAGE or (
                    obj.type == raw.FPDF_PAGEOBJ_PATH and _opaque_fill(obj, raw)
                ):
                    covered = [tb for tb in texts if _share_covered(tb, box) >= _COVER_SHARE]
                    if any(textpage.get_text_bounded(*tb).strip() for tb in covered):
                        hits.append(str(index + 1))
                        break
            textpage.close()
            page.close()
    finally:
        doc.close()
    if not hits:
        return []
    return [Finding("text_under_image", f"page(s) {', '.join(hits[:20])}")]


def _opaque_fill(obj, raw) -> bool:
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(mode), ctypes.byref(stroke)):
        return False
    if mode.value == raw.FPDF_FILLMODE_NONE:
        return False
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFPageObj_GetFillColor(obj.raw, *(ctypes.byref(c) for c in (r, g, b, a))):
        return False
    return a.value == 255


def _share_covered(text_box, cover_box) -> float:
    """Return the share of ``text_box`` area that lies inside ``cover_box``."""
    left, bottom = max(text_box[0], cover_box[0]), max(text_box[1], cover_box[1])
    right, top = min(text_box[2], cover_box[2]), min(text_box[3], cover_box[3])
    if right <= left or top <= bottom:
        return 0.0
    area = (text_box[2] - text_box[0]) * (text_box[3] - text_box[1])
    return (right - left) * (top - bottom) / area if area > 0 else 0.0
