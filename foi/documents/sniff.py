"""Recognise a file's type by its content: magic bytes, ZIP structure and text decoding.

The name a person gives a file says nothing we can trust; these functions look only at the
bytes. They return a MIME type from ``types.ALLOWED`` or ``None`` for anything else.
"""

import codecs
import zipfile
from pathlib import Path
from typing import BinaryIO

from . import types as t

HEAD_BYTES = 8192

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", t.PDF),
    (b"\x89PNG\r\n\x1a\n", t.PNG),
    (b"\xff\xd8\xff", t.JPEG),
    (b"GIF87a", t.GIF),
    (b"GIF89a", t.GIF),
    (b"II*\x00", t.TIFF),
    (b"MM\x00*", t.TIFF),
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

# Formats we refuse, named so that the message can say what the file was.
_KNOWN_REFUSED: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"\xcf\xfa\xed\xfe", "a program"),
    (b"#!", "a script"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"MSCF", "a cabinet archive"),
)
ARCHIVE_MAGICS = (
    b"Rar!",
    b"7z\xbc\xaf\x27\x1c",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"\x28\xb5\x2f\xfd",
    b"MSCF",
    *ZIP_MAGICS,
)


def sniff_magic(head: bytes) -> str | None:
    """Return the MIME type whose signature starts ``head``, or ``None``."""
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return t.WEBP
    return None


def describe_refused(head: bytes) -> str:
    """Return a few words naming a refused format ("a Windows program"), or ''."""
    for magic, words in _KNOWN_REFUSED:
        if head.startswith(magic):
            return words
    if head[257:262] == b"ustar":
        return "a tar archive"
    lowered = head[:512].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<svg", b"<?xml")):
        return "a web page or XML file"
    return ""


def is_archive_head(head: bytes) -> bool:
    """Tell whether ``head`` starts like an archive (ZIP, RAR, 7z, gzip, tar...)."""
    return head.startswith(ARCHIVE_MAGICS) or head[257:262] == b"ustar"


def sniff_zip(zf: zipfile.ZipFile) -> str:
    """Return the office type a ZIP container holds, or plain ``application/zip``."""
    names = set(zf.namelist())
    if "mimetype" in names:
        declared = zf.read("mimetype")[:100].strip().decode("ascii", "replace")
        if declared == t.ODT:
            return t.ODT
        if declared == t.ODS:
            return t.ODS
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return t.DOCX
        if "xl/workbook.xml" in names:
            return t.XLSX
        # Other OOXML (presentations, macro-enabled variants) are not on the allow-list.
        return "application/x-ooxml-other"
    return t.ZIP


def sniff_ole(stream: BinaryIO) -> str | None:
    """Return the legacy Office type of an OLE compound file, by its stream names."""
    stream.seek(0)
    data = stream.read(4 * 2**20)  # directory entries sit near the start in real files
    if _utf16(b"WordDocument") in data:
        return t.DOC
    if _utf16(b"Workbook") in data or _utf16(b"Book") in data:
        return t.XLS
    return None


def _utf16(name: bytes) -> bytes:
    return b"".join(bytes([c, 0]) for c in name)


def text_encoding(stream: BinaryIO, chunk_size: int = 2**16) -> str | None:
    """Return the encoding in which the whole of ``stream`` reads as text, or ``None``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are checked strictly; other files are
    accepted as single-byte legacy text (Windows-1251 is common for Russian) when they hold no
    NUL and almost no control characters.
    """
    stream.seek(0)
    head = stream.read(4)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8-sig", "cp1251"]
    for encoding in candidates:
        stream.seek(0)
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        controls = total = 0
        try:
            while chunk := stream.read(chunk_size):
                text = decoder.decode(chunk)
                total += len(text)
                controls += sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
                if "\x00" in text:
                    raise UnicodeDecodeError(encoding, b"", 0, 1, "NUL in text")
            text = decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        if total and controls * 100 <= total:
            return encoding
    return None


def sniff_path(path: Path, filename: str = "") -> str | None:
    """Return the allowed MIME type of the file at ``path``, or ``None`` when not allowed."""
    with path.open("rb") as f:
        head = f.read(HEAD_BYTES)
        mime = sniff_magic(head)
        if mime:
            return mime
        if head.startswith(OLE_MAGIC):
            return sniff_ole(f)
        if head.startswith(ZIP_MAGICS):
            try:
                with zipfile.ZipFile(f) as zf:
                    return sniff_zip(zf)
            except (zipfile.BadZipFile, OSError, EOFError):
                return "application/x-broken-zip"
        if describe_refused(head):
            return None
        if text_encoding(f):
            return t.CSV if filename.lower().endswith((".csv", ".tsv")) else t.TEXT
    return None
