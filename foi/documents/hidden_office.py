"""Hidden-data checks for ZIP-based office files: XLSX, DOCX, ODT and ODS."""

import re
import zipfile
from pathlib import Path

from . import ooxml
from .findings import Finding
from .ooxml import q

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Names of people in the core properties; app.xml adds company and manager.
_CORE_PEOPLE = (("dc", "creator"), ("cp", "lastModifiedBy"))
_APP_PEOPLE = ("Company", "Manager")


def inspect_xlsx(path: Path) -> list[Finding]:
    """Find hidden and very hidden sheets, hidden rows and columns, pivot caches, links."""
    findings: list[Finding] = []
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        strings = ooxml.shared_strings(zf)
        for name, state, part in ooxml.workbook_sheets(zf):
            if state in ("hidden", "veryHidden"):
                code = "very_hidden_sheet" if state == "veryHidden" else "hidden_sheet"
                findings.append(Finding(code, f"sheet “{name}”{_sheet_summary(zf, part, strings)}"))
            if part in names:
                findings.extend(_hidden_rows_columns(zf, part, name))
        caches = [n for n in names if n.startswith("xl/pivotCache/pivotCacheDefinition")]
        if caches:
            findings.append(Finding("pivot_cache", f"{len(caches)} pivot cache(s)"))
        links = [n for n in names if n.startswith("xl/externalLinks/") and n.endswith(".xml")]
        if links:
            findings.append(Finding("external_link", f"{len(links)} link(s) to other workbooks"))
        comments = [n for n in names if re.match(r"xl/(comments|threadedComments/)", n)]
        if comments:
            findings.append(Finding("comments", f"{len(comments)} comment part(s)"))
        findings.extend(_embedded(names, "xl/embeddings/"))
        findings.extend(_ooxml_people(zf))
    return findings


def _sheet_summary(zf: zipfile.ZipFile, part: str, strings: list[str]) -> str:
    """Return ", 12 filled cells, 3 e-mail addresses" for a sheet nobody sees."""
    if part not in zf.namelist():
        return ""
    cells = emails = 0
    for row in ooxml.sheet_cells(zf, part, strings):
        for value in row:
            if value:
                cells += 1
                emails += len(EMAIL.findall(value))
    summary = f", {cells} filled cell(s)"
    if emails:
        summary += f", {emails} e-mail address(es)"
    return summary


def _hidden_rows_columns(zf: zipfile.ZipFile, part: str, sheet: str) -> list[Finding]:
    rows = cols = 0
    for event, el in ooxml.iter_elements(zf, part):
        if event != "end":
            continue
        if el.tag == q("main", "row"):
            if el.get("hidden") in ("1", "true"):
                rows += 1
            el.clear()
        elif el.tag == q("main", "col") and el.get("hidden") in ("1", "true"):
            cols += int(el.get("max", "1")) - int(el.get("min", "1")) + 1
    out = []
    if rows:
        out.append(Finding("hidden_rows", f"sheet “{sheet}”: {rows} hidden row(s)"))
    if cols:
        out.append(Finding("hidden_columns", f"sheet “{sheet}”: {cols} hidden column(s)"))
    return out


def inspect_docx(path: Path) -> list[Finding]:
    """Find comments, tracked changes, hidden text, embedded files and author names."""
    findings: list[Finding] = []
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        if "word/comments.xml" in names:
            root = ooxml.read_xml(zf, "word/comments.xml")
            count = len(root.findall(q("w", "comment"))) if root is not None else 0
            if count:
                findings.append(Finding("comments", f"{count} comment(s)"))
        inserted = deleted = vanished = 0
        for event, el in ooxml.iter_elements(zf, "word/document.xml"):
            if event != "start":
                continue
            if el.tag in (q("w", "ins"), q("w", "moveTo")):
                inserted += 1
            elif el.tag in (q("w", "del"), q("w", "moveFrom")):
                deleted += 1
            elif el.tag == q("w", "vanish"):
                vanished += 1
        if inserted or deleted:
            findings.append(
                Finding("tracked_changes", f"{inserted} insertion(s), {deleted} deletion(s)")
            )
        if vanished:
            findings.append(Finding("hidden_text", f"{vanished} run(s) of hidden text"))
        findings.extend(_embedded(names, "word/embeddings/"))
        findings.extend(_ooxml_people(zf))
    return findings


def _embedded(names: list[str], folder: str) -> list[Finding]:
    files = [n for n in names if n.startswith(folder) and not n.endswith("/")]
    return [Finding("embedded_files", f"{len(files)} embedded file(s)")] if files else []


def _ooxml_people(zf: zipfile.ZipFile) -> list[Finding]:
    people = []
    core = ooxml.read_xml(zf, "docProps/core.xml")
    if core is not None:
        for prefix, name in _CORE_PEOPLE:
            el = core.find(q(prefix, name))
            if el is not None and (el.text or "").strip():
                people.append(f"{name}: {el.text.strip()}")
    app = ooxml.read_xml(zf, "docProps/app.xml")
    if app is not None:
        for name in _APP_PEOPLE:
            el = app.find(q("ep", name))
            if el is not None and (el.text or "").strip():
                people.append(f"{name}: {el.text.strip()}")
    return [Finding("author_metadata", "; ".join(people))] if people else []


def inspect_odf(path: Path) -> list[Finding]:
    """Find comments, tracked changes, hidden sheets, rows and columns, and author names."""
    findings: list[Finding] = []
    with zipfile.ZipFile(path) as zf:
        content = ooxml.read_xml(zf, "content.xml")
        if content is None:
            return [Finding("unanalysable", "content.xml is missing")]
        comments = len(list(content.iter(q("office", "annotation"))))
        if comments:
            findings.append(Finding("comments", f"{comments} comment(s)"))
        changes = len(list(content.iter(q("text", "changed-region"))))
        if changes:
            findings.append(Finding("tracked_changes", f"{changes} tracked change(s)"))
        findings.extend(_odf_hidden_tables(content))
        findings.extend(_embedded([n for n in zf.namelist() if n.startswith("Object ")], "Object "))
        findings.extend(_odf_people(zf))
    return findings


def _odf_hidden_tables(content) -> list[Finding]:
    hidden_styles = {
        style.get(q("style", "name"))
        for style in content.iter(q("style", "style"))
        for props in style.iter(q("style", "table-properties"))
        if props.get(q("table", "display")) == "false"
    }
    out = []
    for table in content.iter(q("table", "table")):
        name = table.get(q("table", "name"), "?")
        if table.get(q("table", "style-name")) in hidden_styles:
            out.append(Finding("hidden_sheet", f"sheet “{name}”"))
        rows = sum(
            1
            for r in table.iter(q("table", "table-row"))
            if r.get(q("table", "visibility")) in ("collapse", "filter")
        )
        cols = sum(
            int(c.get(q("table", "number-columns-repeated"), "1"))
            for c in table.iter(q("table", "table-column"))
            if c.get(q("table", "visibility")) in ("collapse", "filter")
        )
        if rows:
            out.append(Finding("hidden_rows", f"sheet “{name}”: {rows} hidden row(s)"))
        if cols:
            out.append(Finding("hidden_columns", f"sheet “{name}”: {cols} hidden column(s)"))
    return out


def _odf_people(zf: zipfile.ZipFile) -> list[Finding]:
    meta = ooxml.read_xml(zf, "meta.xml")
    if meta is None:
        return []
    people = [
        f"{el.tag.rsplit('}', 1)[-1]}: {el.text.strip()}"
        for tag in (q("meta", "initial-creator"), q("dc", "creator"))
        for el in meta.iter(tag)
        if (el.text or "").strip()
    ]
    return [Finding("author_metadata", "; ".join(people))] if people else []
