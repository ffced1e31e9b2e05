"""Small helpers to read the XML parts of ZIP-based office files without loading them whole."""

import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import iterparse, parse

NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
}


def q(prefix: str, name: str) -> str:
    """Return the Clark-notation tag ``{namespace}name`` for ``prefix:name``."""
    return f"{{{NS[prefix]}}}{name}"


def read_xml(zf: zipfile.ZipFile, name: str) -> Element | None:
    """Parse one part of the package, or return ``None`` when it is absent."""
    try:
        with zf.open(name) as f:
            return parse(f).getroot()
    except KeyError:
        return None


def iter_elements(zf: zipfile.ZipFile, name: str) -> Iterator[tuple[str, Element]]:
    """Yield ``(event, element)`` pairs ("start"/"end") while streaming one part."""
    with zf.open(name) as f:
        yield from iterparse(f, events=("start", "end"))


def relationships(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Return relationship id -> target path for ``part`` (e.g. ``xl/workbook.xml``)."""
    folder, _, base = part.rpartition("/")
    root = read_xml(zf, f"{folder}/_rels/{base}.rels")
    if root is None:
        return {}
    out = {}
    for rel in root.iter(q("rel", "Relationship")):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            out[rel.get("Id", "")] = target
            continue
        target = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
        out[rel.get("Id", "")] = _normalise(target)
    return out


def _normalise(path: str) -> str:
    parts: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def shared_strings(zf: zipfile.ZipFile) -> list[str]:
    """Return the workbook's shared strings, in order."""
    if "xl/sharedStrings.xml" not in zf.namelist():
        return []
    out: list[str] = []
    buf: list[str] = []
    for event, el in iter_elements(zf, "xl/sharedStrings.xml"):
        if event == "end" and el.tag == q("main", "t"):
            buf.append(el.text or "")
        elif event == "end" and el.tag == q("main", "si"):
            out.append("".join(buf))
            buf = []
            el.clear()
    return out


def workbook_sheets(zf: zipfile.ZipFile) -> list[tuple[str, str, str]]:
    """Return ``(name, state, part path)`` for every sheet of an XLSX workbook."""
    root = read_xml(zf, "xl/workbook.xml")
    if root is None:
        return []
    rels = relationships(zf, "xl/workbook.xml")
    sheets = []
    for sheet in root.iter(q("main", "sheet")):
        rid = sheet.get(q("r", "id"), "")
        sheets.append((sheet.get("name", "?"), sheet.get("state", "visible"), rels.get(rid, "")))
    return sheets


def sheet_cells(zf: zipfile.ZipFile, part: str, strings: list[str]) -> Iterator[list[str]]:
    """Yield each row of a worksheet part as a list of cell texts."""
    row: list[str] = []
    for event, el in iter_elements(zf, part):
        if event != "end":
            continue
        if el.tag == q("main", "c"):
            row.append(_cell_text(el, strings))
            el.clear()
        elif el.tag == q("main", "row"):
            yield row
            row = []
            el.clear()


def _cell_text(cell: Element, strings: list[str]) -> str:
    kind = cell.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(q("main", "t")))
    value = cell.find(q("main", "v"))
    if value is None or value.text is None:
        return ""
    if kind == "s":
        try:
            return strings[int(value.text)]
        except (ValueError, IndexError):
            return ""
    return value.text
