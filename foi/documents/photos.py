"""Photos without the metadata a camera or phone writes into them: GPS position, camera, author.

``inspect_photo(path)`` says what a JPEG, PNG, TIFF or WebP file carries beside its pixels (EXIF,
XMP, IPTC, text chunks, comments, an embedded thumbnail), one ``Finding`` per kind, so that the
coordinator is told before publication. ``photo_without_metadata(path, mime)`` re-encodes the
pixels into a new file of the same type that carries none of it: the EXIF orientation is applied
to the pixels first (the picture looks the same, upright), and the ICC colour profile is kept
because it describes colours, not people. Re-encoding rather than deleting known fields is the
point: whatever we do not recognise (maker notes, unknown chunks, bytes after the end of the
image) is not copied either.
"""

import io
import re
import struct
from pathlib import Path

from . import types as t
from .findings import Finding

PHOTO_TYPES = frozenset({t.JPEG, t.PNG, t.TIFF, t.WEBP})
_FORMATS = {t.JPEG: "JPEG", t.PNG: "PNG", t.TIFF: "TIFF", t.WEBP: "WEBP"}
_MAX_FRAMES = 5_000  # the upload check limits pixels; this bounds a file of tiny pages
_WEBP_LOSSY_QUALITY = 90

# EXIF tags, by what they tell about the person or the device (EXIF 2.32, TIFF 6.0).
_GPS_IFD, _EXIF_IFD, _IFD1 = 0x8825, 0x8769, -1
_CAMERA = {0x010F: "make", 0x0110: "model"}
_CAMERA_EXIF = {
    0xA431: "serial",
    0xA433: "lens make",
    0xA434: "lens",
    0xA435: "lens serial",
    0x927C: "maker notes",
}
_AUTHOR = (0x013B, 0x8298, 0x9C9D)  # Artist, Copyright, XPAuthor
_AUTHOR_EXIF = (0xA430,)  # CameraOwnerName
_DATES = (0x0132,)  # DateTime
_DATES_EXIF = (0x9003, 0x9004)  # DateTimeOriginal, DateTimeDigitized
_DESCRIPTION = (0x010E, 0x9C9B, 0x9C9C, 0x9C9E, 0x9C9F)  # ImageDescription, XPTitle...
_DESCRIPTION_EXIF = (0x9286,)  # UserComment
_SOFTWARE = (0x0131, 0x013C, 0x010D)  # Software, HostComputer, DocumentName
# Exif sub-IFD fields that describe only the pixels' encoding.
_HARMLESS_EXIF = frozenset({0x9000, 0x9101, 0xA000, 0xA001, 0xA002, 0xA003, 0xA005})
_HANDLED_EXIF = frozenset(_CAMERA_EXIF) | set(_AUTHOR_EXIF) | set(_DATES_EXIF)
_HANDLED_EXIF |= set(_DESCRIPTION_EXIF)

# PNG text keywords (PNG 1.2, section 11.3.4.2) sorted into the same kinds.
_PNG_TEXT = {
    "author": "artist_name",
    "copyright": "artist_name",
    "creation time": "date_taken",
    "title": "image_description",
    "description": "image_description",
    "comment": "image_description",
    "disclaimer": "image_description",
    "warning": "image_description",
    "source": "camera_model",
    "software": "software",
    "xml:com.adobe.xmp": "xmp_metadata",
    "raw profile type xmp": "xmp_metadata",
    "raw profile type iptc": "iptc_metadata",
    "raw profile type 8bim": "other_metadata",
}
# JPEG segments that hold the picture's colours or encoding, not metadata.
_JPEG_KEEP = {"APP0", "APP14"}


def is_photo(mime: str) -> bool:
    """Tell whether files of this type are re-encoded without metadata on publication."""
    return mime in PHOTO_TYPES


def inspect_photo(path: Path) -> list[Finding]:
    """Return the metadata the photo at ``path`` carries, one finding per kind; [] when none."""
    # Pillow is loaded on first use: most processes never see a picture.
    from PIL import Image, ImageSequence

    found: dict[str, list[str]] = {}

    def add(code: str, detail: str = "") -> None:
        details = found.setdefault(code, [])
        detail = _clean(detail)
        if detail and detail not in details:
            details.append(detail)

    with Image.open(path) as img:
        for number, frame in enumerate(ImageSequence.Iterator(img)):
            if number >= _MAX_FRAMES:
                break
            _inspect_exif(frame.getexif(), add)
            _inspect_info(frame, add)
            if img.format in ("JPEG", "MPO"):
                break  # MPO's other pictures share the first one's segments
    return [Finding(code, ", ".join(details[:5])) for code, details in found.items()]


def photo_without_metadata(path: Path, mime: str) -> bytes:
    """Return the photo at ``path`` re-encoded as ``mime``, upright and without metadata."""
    # Pillow is loaded on first use: most processes never see a picture.
    from PIL import Image, ImageSequence

    fmt = _FORMATS[mime]
    with Image.open(path) as img:
        icc_profile = img.info.get("icc_profile")
        if fmt == "JPEG":
            frames = [_bare(img)]  # an MPO's depth maps and previews are not the photo
        else:
            frames = [_bare(f) for f, _n in zip(ImageSequence.Iterator(img), range(_MAX_FRAMES))]
        params = _encoding(img, fmt, path)
    first, *rest = (frame for frame, _info in frames)
    if icc_profile:
        params["icc_profile"] = icc_profile
    transparency = frames[0][1].get("transparency")
    if transparency is not None and fmt in ("PNG", "WEBP"):
        params["transparency"] = transparency
    if rest:
        params.update(save_all=True, append_images=rest)
        durations = [info.get("duration") for _f, info in frames]
        if fmt in ("PNG", "WEBP") and all(d is not None for d in durations):
            params["duration"] = durations
    out = io.BytesIO()
    try:
        first.save(out, fmt, **params)
    except (OSError, ValueError):
        if fmt != "TIFF" or params.get("compression") == "tiff_lzw":
            raise
        # A compression libtiff cannot write for this mode: LZW is lossless and always works.
        params["compression"] = "tiff_lzw"
        out = io.BytesIO()
        first.save(out, fmt, **params)
    return out.getvalue()


def _bare(frame) -> tuple:
    """Return the frame's pixels turned upright in an image with no metadata, and its old info."""
    # Pillow is loaded on first use: most processes never see a picture.
    from PIL import ImageOps

    info = dict(frame.info)
    upright = ImageOps.exif_transpose(frame)  # always a new image, never the file's object
    upright.info = {}
    return upright, info


def _encoding(img, fmt: str, path: Path) -> dict:
    """Return the save options that keep the picture's quality and size, and nothing else."""
    # Pillow is loaded on first use: most processes never see a picture.
    from PIL import JpegImagePlugin

    params: dict = {}
    dpi = img.info.get("dpi")
    if dpi and fmt in ("JPEG", "PNG", "TIFF"):
        params["dpi"] = tuple(round(float(v), 3) for v in dpi)
    if fmt == "JPEG":
        # The original's quantisation tables: the copy is as sharp as the original, no sharper.
        qtables = getattr(img, "quantization", None)
        if qtables:
            params["qtables"] = qtables
        sampling = JpegImagePlugin.get_sampling(img)
        if sampling != -1:
            params["subsampling"] = sampling
        if img.info.get("progressive") or img.info.get("progression"):
            params["progressive"] = True
    elif fmt == "TIFF":
        compression = img.info.get("compression")
        if isinstance(compression, str) and compression != "raw":
            params["compression"] = compression
    elif fmt == "WEBP":
        if _webp_is_lossless(path):
            params["lossless"] = True
        else:
            params["quality"] = _WEBP_LOSSY_QUALITY
    return params


def _webp_is_lossless(path: Path) -> bool:
    """Tell whether a WebP file's first picture is stored losslessly (a VP8L chunk)."""
    with Path(path).open("rb") as fh:
        data = fh.read(1 << 20)
    pos = 12
    while pos + 8 <= len(data):
        fourcc, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        if fourcc in (b"VP8L", b"VP8 "):
            return fourcc == b"VP8L"
        if fourcc == b"ANMF":
            pos += 8 + 16  # into the first frame: its picture chunk follows the frame header
            continue
        pos += 8 + size + (size & 1)
    return False


def _inspect_exif(exif, add) -> None:
    """Sort the EXIF fields of one picture into findings."""
    gps = exif.get_ifd(_GPS_IFD)
    if gps:
        add("gps_position", _gps_text(gps))
    sub = exif.get_ifd(_EXIF_IFD)
    camera = [_text(exif.get(tag)) for tag in _CAMERA if exif.get(tag)]
    camera += [f"{name} {_text(sub.get(tag))}" for tag, name in _CAMERA_EXIF.items() if tag in sub]
    if camera:
        add("camera_model", " ".join(c for c in camera if c.strip()))
    for tag in _AUTHOR:
        if exif.get(tag):
            add("artist_name", _text(exif.get(tag)))
    for tag in _AUTHOR_EXIF:
        if sub.get(tag):
            add("artist_name", _text(sub.get(tag)))
    for value in [exif.get(tag) for tag in _DATES] + [sub.get(tag) for tag in _DATES_EXIF]:
        if value:
            add("date_taken", _text(value))
    described = [exif.get(tag) for tag in _DESCRIPTION]
    described += [sub.get(tag) for tag in _DESCRIPTION_EXIF]
    for value in described:
        if value and _text(value).strip():
            add("image_description", _text(value))
    for tag in _SOFTWARE:
        if exif.get(tag):
            add("software", _text(exif.get(tag)))
    other = [tag for tag in sub if tag not in _HANDLED_EXIF and tag not in _HARMLESS_EXIF]
    if other:
        add("exif_metadata", f"{len(other)} field(s)")
    if exif.get_ifd(_IFD1):
        add("embedded_thumbnail")


def _inspect_info(frame, add) -> None:
    """Find XMP, IPTC, text chunks, comments and unknown segments of one picture."""
    # Pillow is loaded on first use: most processes never see a picture.
    from PIL import IptcImagePlugin

    info = frame.info
    xmp = info.get("xmp") or getattr(frame, "tag_v2", {}).get(700)
    if xmp:
        add("xmp_metadata", _xmp_creators(xmp))
    try:
        iptc = IptcImagePlugin.getiptcinfo(frame)
    except Exception:  # a damaged IPTC block is still an IPTC block
        iptc = {(2, 0): b""}
    if iptc:
        # IPTC IIM 4.2: 2:80 By-line, 2:116 Copyright notice.
        names = [iptc.get(key) for key in ((2, 80), (2, 116))]
        add("iptc_metadata", ", ".join(_text(n) for n in names if n))
    if info.get("comment"):
        add("image_description", _text(info["comment"]))
    for key, value in getattr(frame, "text", {}).items():
        code = _PNG_TEXT.get(key.casefold(), "image_text")
        if key.casefold().startswith("raw profile type exif"):
            code = "exif_metadata"
        add(code, "" if code.endswith("_metadata") else f"{key}: {_text(value)}")
    if frame.format in ("JPEG", "MPO"):
        for marker, content in getattr(frame, "applist", []):
            if marker in _JPEG_KEEP or marker == "APP13":
                continue
            if marker == "APP1" and content[:6] == b"Exif\x00\x00":
                continue
            if marker == "APP1" and content.startswith(b"http://ns.adobe.com/xap/1.0/"):
                continue
            if marker == "APP2" and content[:12] in (b"ICC_PROFILE\x00",):
                continue
            if marker == "APP2" and content[:4] == b"MPF\x00":
                continue
            add("other_metadata", marker)


def _gps_text(gps: dict) -> str:
    """Return "latitude, longitude" in degrees when the GPS block holds them."""
    try:
        lat = _degrees(gps[2], gps.get(1, "N"))
        lon = _degrees(gps[4], gps.get(3, "E"))
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return ""
    return f"{lat:.5f}, {lon:.5f}"


def _degrees(dms, ref) -> float:
    d, m, s = (float(v) for v in dms)
    value = d + m / 60 + s / 3600
    return -value if _text(ref).strip().upper() in ("S", "W") else value


_XMP_NAMES = re.compile(rb"<(?:dc:creator|photoshop:AuthorsPosition|xmp:CreatorTool)\b.*?</", re.S)
_TAGS = re.compile(rb"<[^>]*>")


def _xmp_creators(xmp) -> str:
    """Return the author names an XMP packet gives (dc:creator), for the coordinator to see."""
    data = xmp if isinstance(xmp, bytes) else str(xmp).encode()
    names = []
    for match in _XMP_NAMES.finditer(data[:200_000]):
        text = _TAGS.sub(b" ", match.group(0)).decode("utf-8", "replace")
        names.append(" ".join(text.replace("</", "").split()))
    return ", ".join(n for n in names if n)


def _text(value) -> str:
    """Turn an EXIF or text value into one short line."""
    if isinstance(value, bytes):
        if value[:8] in (b"ASCII\x00\x00\x00", b"UNICODE\x00", b"\x00" * 8):
            value = value[8:]
        # Windows' XP* fields are UTF-16; others are ASCII or UTF-8.
        if len(value) > 1 and value[1:2] == b"\x00":
            value = value.decode("utf-16-le", "replace")
        else:
            value = value.decode("utf-8", "replace")
    elif isinstance(value, tuple):
        value = " ".join(_text(v) for v in value)
    return str(value).replace("\x00", "")


def _clean(detail: str) -> str:
    """Keep a detail on one line, without the "; " that separates findings, and short."""
    detail = " ".join(str(detail).replace(";", ",").split())
    return detail[:80] + ("…" if len(detail) > 80 else "")
