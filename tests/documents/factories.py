"""Build test files in memory: PDFs by hand, office files by zipfile, bad files on purpose."""

import io
import zipfile
import zlib


def pdf_from_objects(objects: list[bytes], root: int = 1, info: int | None = None) -> bytes:
    """Return a well-formed PDF (correct xref) holding ``objects`` numbered from 1."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%b\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    extra = b" /Info %d 0 R" % info if info else b""
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R%b >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, root, extra, xref)
    )
    return out.getvalue()


def text_pdf(lines: list[str], author: str | None = None) -> bytes:
    """Return a one-page PDF showing ``lines`` (Latin-1 text) in Helvetica."""
    body = (
        b"BT /F1 12 Tf 50 750 Td 16 TL "
        + b" ".join(b"(" + line.encode("latin-1") + b") Tj T*" for line in lines)
        + b" ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
        ),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%b\nendstream" % (len(body), body),
    ]
    info = None
    if author:
        objects.append(b"<< /Author (%b) /Title (Internal draft) >>" % author.encode("latin-1"))
        info = len(objects)
    return pdf_from_objects(objects, info=info)


def text_under_image_pdf(secret: str) -> bytes:
    """Return a PDF whose text ``secret`` is drawn and then covered by an opaque black image."""
    pixels = b"\x00\x00\x00" * 4
    body = (
        b"BT /F1 12 Tf 50 700 Td (" + secret.encode("latin-1") + b") Tj ET "
        b"q 300 0 0 40 40 690 cm /Im1 Do Q"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << "
            b"/Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>"
        ),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%b\nendstream" % (len(body), body),
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n%b\nendstream" % (len(pixels), pixels),
    ]
    return pdf_from_objects(objects)


def page_tree_bomb_pdf(levels: int = 9, fanout: int = 10) -> bytes:
    """Return a tiny PDF whose page tree repeats one branch until it claims 10**9 pages."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(levels):
        child = 3 + level
        kids = b" ".join([b"%d 0 R" % child] * fanout)
        objects.append(
            b"<< /Type /Pages /Kids [%b] /Count %d >>" % (kids, fanout ** (levels - level))
        )
    objects.append(b"<< /Type /Page /MediaBox [0 0 100 100] >>")
    return pdf_from_objects(objects)


def deflate_bomb_pdf(inflated_mb: int) -> bytes:
    """Return a one-page PDF whose content stream inflates to ``inflated_mb`` MB of zeros."""
    inflater = zlib.compressobj(9)
    chunk = b"\x00" * 2**20
    packed = b"".join(inflater.compress(chunk) for _ in range(inflated_mb)) + inflater.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%b\nendstream" % (len(packed), packed),
    ]
    return pdf_from_objects(objects)


def zip_of(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """Return a ZIP holding ``entries`` (name -> content)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def zip_bomb(inflated_mb: int = 300) -> bytes:
    """Return a small ZIP with one entry of ``inflated_mb`` MB of zeros, streamed in."""
    buf = io.BytesIO()
    chunk = b"0" * 2**20
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open("zeros.txt", "w", force_zip64=True) as member,
    ):
        for _ in range(inflated_mb):
            member.write(chunk)
    return buf.getvalue()


_CT = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    b"</Types>"
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx(
    sheets: list[tuple[str, str, list[list[str]]]],
    extra: dict[str, bytes] | None = None,
    hidden_rows: tuple[int, ...] = (),
) -> bytes:
    """Return an XLSX with ``(name, state, rows)`` sheets; state is visible/hidden/veryHidden."""
    entries = {"[Content_Types].xml": _CT}
    sheet_tags, rels = [], []
    for i, (name, state, rows) in enumerate(sheets, start=1):
        state_attr = f' state="{state}"' if state != "visible" else ""
        sheet_tags.append(f'<sheet name="{name}" sheetId="{i}"{state_attr} r:id="rId{i}"/>')
        rels.append(
            f'<Relationship Id="rId{i}" Type="{_R}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        )
        xml_rows = []
        for r, row in enumerate(rows, start=1):
            hidden = ' hidden="1"' if r in hidden_rows and i == 1 else ""
            cells = "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in row)
            xml_rows.append(f'<row r="{r}"{hidden}>{cells}</row>')
        entries[f"xl/worksheets/sheet{i}.xml"] = (
            f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(xml_rows)}</sheetData></worksheet>'
        ).encode()
    entries["xl/workbook.xml"] = (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_R}"><sheets>{"".join(sheet_tags)}</sheets>'
        f"</workbook>"
    ).encode()
    entries["xl/_rels/workbook.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    ).encode()
    entries.update(extra or {})
    return zip_of(entries)


def docx(
    paragraphs: list[str],
    *,
    tracked: bool = False,
    comment: bool = False,
    author: str | None = None,
) -> bytes:
    """Return a DOCX with ``paragraphs``, optionally a tracked deletion, a comment, an author."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    if tracked:
        body += (
            '<w:p><w:del w:id="1" w:author="X"><w:r><w:delText>old salary 5000'
            "</w:delText></w:r></w:del></w:p>"
        )
    entries = {
        "[Content_Types].xml": _CT,
        "word/document.xml": (
            f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'.encode()
        ),
    }
    if comment:
        entries["word/comments.xml"] = (
            f'<w:comments xmlns:w="{w}"><w:comment w:id="0"><w:p><w:r><w:t>check with legal'
            f"</w:t></w:r></w:p></w:comment></w:comments>"
        ).encode()
    if author:
        entries["docProps/core.xml"] = (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:creator>{author}</dc:creator></cp:coreProperties>"
        ).encode()
    return zip_of(entries)


def odt(paragraphs: list[str], *, comment: bool = False) -> bytes:
    """Return a minimal ODT with ``paragraphs`` and optionally a comment."""
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    dc = "http://purl.org/dc/elements/1.1/"
    note = (
        (
            "<office:annotation><dc:creator>Rəşad</dc:creator><text:p>internal note</text:p>"
            "</office:annotation>"
        )
        if comment
        else ""
    )
    body = "".join(
        f"<text:p>{p}{note if i == 0 else ''}</text:p>" for i, p in enumerate(paragraphs)
    )
    content = (
        f'<office:document-content xmlns:office="{office}" xmlns:text="{text}" '
        f'xmlns:dc="{dc}"><office:body><office:text>{body}</office:text></office:body>'
        f"</office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        zf.writestr("content.xml", content.encode(), compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def png(width: int = 4, height: int = 4) -> bytes:
    """Return a small valid PNG."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buf, format="PNG")
    return buf.getvalue()


class EndlessStream(io.RawIOBase):
    """A readable stream of ``total`` bytes made on demand; counts what was read."""

    def __init__(self, total: int, chunk: bytes = b"%PDF-1.7\n" + b"0" * 1015) -> None:
        self.total = total
        self.chunk = chunk
        self.served = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            raise AssertionError("the reader asked for the whole body at once")
        size = min(size, self.total - self.served)
        if size <= 0:
            return b""
        data = (self.chunk * (size // len(self.chunk) + 1))[:size]
        self.served += size
        return data


# EXIF tags (TIFF 6.0 / EXIF 2.32) a phone writes: who, with what, where.
MAKE, MODEL, ARTIST, ORIENTATION, GPS_IFD = 0x010F, 0x0110, 0x013B, 0x0112, 0x8825
BAKU_GPS = {1: "N", 2: (40.0, 24.0, 33.48), 3: "E", 4: (49.0, 52.0, 1.2)}  # 40.40930, 49.86700
XMP_AUTHOR = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>'
    b"<rdf:Seq><rdf:li>Leyla Hasanova</rdf:li></rdf:Seq></dc:creator></rdf:Description>"
    b"</rdf:RDF></x:xmpmeta>"
)


def photo_pixels(width: int = 40, height: int = 20):
    """Return a picture whose left half is red and right half blue, so turns can be seen."""
    from PIL import Image

    img = Image.new("RGB", (width, height), (0, 0, 255))
    img.paste((255, 0, 0), (0, 0, width // 2, height))
    return img


def photo(fmt: str = "JPEG", *, orientation: int = 1, gps: bool = True, xmp: bool = True) -> bytes:
    """Return a photo as a phone writes it: GPS position, camera, artist name (and XMP)."""
    from PIL import Image, PngImagePlugin

    exif = Image.Exif()
    exif[MAKE] = "Canon"
    exif[MODEL] = "EOS 5D Mark IV"
    exif[ARTIST] = "Leyla Hasanova"
    exif[ORIENTATION] = orientation
    if gps:
        exif.get_ifd(GPS_IFD).update(BAKU_GPS)
    params: dict = {"exif": exif.tobytes()}
    if xmp and fmt in ("JPEG", "WEBP"):
        params["xmp"] = XMP_AUTHOR
    elif xmp and fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_itxt("XML:com.adobe.xmp", XMP_AUTHOR.decode())
        info.add_text("Author", "Leyla Hasanova")
        params["pnginfo"] = info
    elif fmt == "TIFF":
        tags = Image.Exif()
        tags.load(params.pop("exif"))
        if xmp:
            tags[700] = XMP_AUTHOR
        params["tiffinfo"] = tags
    if fmt == "WEBP":
        params["lossless"] = True
    buf = io.BytesIO()
    photo_pixels().save(buf, fmt, **params)
    return buf.getvalue()


def plain_photo(fmt: str = "JPEG") -> bytes:
    """Return a photo with no metadata at all."""
    buf = io.BytesIO()
    photo_pixels().save(buf, fmt, **({"lossless": True} if fmt == "WEBP" else {}))
    return buf.getvalue()


SCAN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def scan_image(lines: list[str], dpi: int = 300, width_inches: float = 5.0):
    """Return a white page (Pillow image, grey) showing ``lines`` as a scanner would see them."""
    from PIL import Image, ImageDraw, ImageFont

    size = round(dpi * 42 / 300)  # about 10 points, whatever the resolution
    font = ImageFont.truetype(SCAN_FONT, size)
    image = Image.new("L", (round(width_inches * dpi), round(size * 2.2 * (len(lines) + 1))), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((round(dpi / 4), round(size * (1 + 2.2 * number))), line, fill=0, font=font)
    return image


def scan_png(lines: list[str], dpi: int = 300) -> bytes:
    """Return a PNG scan of ``lines`` at ``dpi``."""
    buf = io.BytesIO()
    scan_image(lines, dpi).save(buf, format="PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def scan_pdf(lines: list[str], dpi: int = 300) -> bytes:
    """Return a one-page PDF holding only a scanned picture of ``lines``: no text layer."""
    buf = io.BytesIO()
    scan_image(lines, dpi).save(buf, format="PDF", resolution=dpi)
    return buf.getvalue()
