"""Redact text and PDFs so that the removed words are gone, not merely covered.

A redacted PDF is rebuilt from page images: every page is rendered, black boxes are painted on
the pixels, and a new PDF is written holding only those images. No text layer, no fonts, no
metadata, no attachments and no earlier revisions survive. The original stays private.
"""

import io
import re
from collections.abc import Sequence

# (page index from 0, x0, y0, x1, y1): PDF points (1/72 inch) measured from the top-left corner
# of the page as it is displayed, i.e. after the page's own rotation.
Area = tuple[int, float, float, float, float]

_PAD_POINTS = 1.5  # cover anti-aliased glyph edges beyond the character boxes
_JPEG_QUALITY = 85


def redact_text(text: str, passages: Sequence[str], mark: str = "[REDACTED]") -> str:
    """Replace every occurrence of each passage in ``text`` by ``mark``.

    Matching ignores case and treats any run of whitespace as one space, so a passage
    marked on one line is found again when the text wraps differently. Overlapping passages
    become a single mark.
    """
    spans: list[tuple[int, int]] = []
    for passage in passages:
        words = passage.split()
        if not words:
            continue
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
        spans.extend(m.span() for m in pattern.finditer(text))
    if not spans:
        return text
    spans.sort()
    merged = [list(spans[0])]
    for start, end in spans[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, last = [], 0
    for start, end in merged:
        out.append(text[last:start])
        out.append(mark)
        last = end
    out.append(text[last:])
    return "".join(out)


def redact_pdf(
    data: bytes, terms: Sequence[str] = (), areas: Sequence[Area] = (), dpi: int = 150
) -> bytes:
    """Return a new PDF of page images with ``terms`` and ``areas`` painted black.

    Terms are found in the text layer, ignoring case; text that exists only as pixels (a
    scan without OCR) cannot be found by term and must be marked as an area.
    """
    # Loaded on first use, like every PDF library here: most processes never open a PDF.
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    scale = dpi / 72
    terms = [" ".join(t.split()) for t in terms if t.strip()]
    doc = pdfium.PdfDocument(data)
    images = []
    try:
        for index, page in enumerate(doc):
            rotation = page.get_rotation()
            page.set_rotation(0)
            left, _bottom, _right, top = page.get_cropbox()
            boxes = _term_boxes(page, terms)
            image = page.render(scale=scale, draw_annots=True, may_draw_forms=True).to_pil()
            image = image.convert("RGB")
            draw = ImageDraw.Draw(image)
            pad = _PAD_POINTS
            for x0, y0, x1, y1 in boxes:
                draw.rectangle(
                    [
                        (x0 - left - pad) * scale,
                        (top - y1 - pad) * scale,
                        (x1 - left + pad) * scale,
                        (top - y0 + pad) * scale,
                    ],
                    fill="black",
                )
            if rotation:
                image = image.rotate(-rotation, expand=True)
            draw = ImageDraw.Draw(image)
            for area_page, ax0, ay0, ax1, ay1 in areas:
                if area_page == index:
                    draw.rectangle(
                        [
                            min(ax0, ax1) * scale,
                            min(ay0, ay1) * scale,
                            max(ax0, ax1) * scale,
                            max(ay0, ay1) * scale,
                        ],
                        fill="black",
                    )
            images.append(_jpeg(image))
            page.close()
    finally:
        doc.close()
    return images_to_pdf(images, dpi)


def find_terms(data: bytes, terms: Sequence[str]) -> dict[str, int]:
    """Return how many times each term occurs in the PDF's text layer (0: maybe only pixels)."""
    # Loaded on first use, like every PDF library here: most processes never open a PDF.
    import pypdfium2 as pdfium

    counts = {t: 0 for t in terms}
    doc = pdfium.PdfDocument(data)
    try:
        for page in doc:
            for term in terms:
                counts[term] += len(_term_boxes(page, [" ".join(term.split())], per_char=False))
            page.close()
    finally:
        doc.close()
    return counts


def _term_boxes(page, terms: Sequence[str], per_char: bool = True) -> list[tuple]:
    """Return the boxes (page points) of every character of every hit of ``terms``.

    Text that OCR laid over a scan is invisible and only roughly where the ink is (Tesseract
    spreads a word's letters evenly over the word's box), so its boxes reach to the next word
    and a little beyond the line: on a scan, blacking out a sliver too much is the safe error.
    """
    if not terms:
        return []
    textpage = page.get_textpage()
    boxes = []
    try:
        for term in terms:
            searcher = textpage.search(term, match_case=False)
            while (hit := searcher.get_next()) is not None:
                start, count = hit
                if not per_char:
                    boxes.append(hit)
                    continue
                chars = [textpage.get_charbox(i, loose=True) for i in range(start, start + count)]
                if _is_ocr_text(textpage, start):
                    chars = _ocr_boxes(textpage, start, count, chars)
                boxes.extend(chars)
            searcher.close()
    finally:
        textpage.close()
    return boxes


_INVISIBLE = 3  # PDF text rendering mode 3: neither filled nor stroked (an OCR layer)
_OCR_PAD_X, _OCR_PAD_Y = 0.35, 0.2  # of the line's height


def _is_ocr_text(textpage, index: int) -> bool:
    from pypdfium2 import raw  # loaded on first use, like every PDF library here

    obj = raw.FPDFText_GetTextObject(textpage.raw, index)
    return bool(obj) and raw.FPDFTextObj_GetTextRenderMode(obj) == _INVISIBLE


def _ocr_boxes(textpage, start: int, count: int, chars: list[tuple]) -> list[tuple]:
    """Widen an OCR hit's boxes to cover the ink: up to the next word, padded all round."""
    following = start + count
    if following < textpage.count_chars() and textpage.get_text_range(following, 1) == " ":
        chars = [*chars, textpage.get_charbox(following, loose=True)]  # the gap to the next word
    widened = []
    for x0, y0, x1, y1 in chars:
        height = max(y1 - y0, 1.0)
        pad_x, pad_y = height * _OCR_PAD_X, height * _OCR_PAD_Y
        widened.append((x0 - pad_x, y0 - pad_y, x1 + pad_x, y1 + pad_y))
    return widened


def _jpeg(image) -> tuple[bytes, int, int]:
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=_JPEG_QUALITY, optimize=True)
    return buf.getvalue(), image.width, image.height


def images_to_pdf(images: Sequence[tuple[bytes, int, int]], dpi: int) -> bytes:
    """Write a bare PDF whose pages are the given RGB JPEGs; it holds nothing else."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page ids are known
    pages = add(b"")
    kids = []
    for jpeg, width, height in images:
        w_pt, h_pt = width * 72 / dpi, height * 72 / dpi
        image = add(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
            b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%b\nendstream"
            % (width, height, len(jpeg), jpeg)
        )
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (w_pt, h_pt)
        stream = add(b"<< /Length %d >>\nstream\n%b\nendstream" % (len(content), content))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
                b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages, w_pt, h_pt, image, stream)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages
    objects[pages - 1] = b"<< /Type /Pages /Kids [%b] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%b\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, catalog, xref)
    )
    return out.getvalue()
