"""Find data a reader would not see before a file is published: hidden sheets, comments, metadata.

``inspect_hidden(path, mime)`` returns a list of ``Finding``; an empty list means the file is
clean. A file we cannot analyse gives ``[Finding("unanalysable", ...)]`` so that it is held for
review, never published by default.
"""
import logging
from dataclasses import dataclass
from pathlib import Path

from flask_babel import lazy_gettext as _

from . import types as t

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Finding:
    """One reason to hold a file for review: a stable ``code`` and a factual ``detail``."""

    code: str
    detail: str = ""

    @property
    def title(self):
        """Return the short, translatable name of this kind of finding."""
        return TITLES.get(self.code, TITLES["unanalysable"])()


TITLES = {
    "hidden_sheet": lambda: _("Hidden sheet"),
    "very_hidden_sheet": lambda: _("Very hidden sheet (invisible in Excel's menus)"),
    "hidden_rows": lambda: _("Hidden rows"),
    "hidden_columns": lambda: _("Hidden columns"),
    "pivot_cache": lambda: _("Pivot table cache (a copy of the source data)"),
    "external_link": lambda: _("Link to another file or site"),
    "comments": lambda: _("Comments"),
    "tracked_changes": lambda: _("Tracked changes (earlier or deleted text)"),
    "hidden_text": lambda: _("Text formatted as hidden"),
    "author_metadata": lambda: _("Author names in the file's properties"),
    "metadata": lambda: _("Document properties (metadata)"),
    "embedded_files": lambda: _("Files embedded inside the document"),
    "text_under_image": lambda: _("Text covered by an image or a box"),
    "previous_versions": lambda: _("Earlier versions kept inside the PDF"),
    "javascript": lambda: _("Scripts inside the PDF"),
    "form_fields": lambda: _("Filled-in form fields"),
    "unanalysable": lambda: _("The file could not be checked"),
}

# Images, text and CSV hold nothing a reader cannot see (image metadata is handled on publish).
_NOTHING_HIDDEN = frozenset({t.TEXT, t.CSV})


def inspect_hidden(path: Path, mime: str) -> list[Finding]:
    """Return what in the file at ``path`` a reader would not see; [] when it is clean."""
    from . import hidden_office, hidden_pdf

    inspectors = {
        t.XLSX: hidden_office.inspect_xlsx,
        t.DOCX: hidden_office.inspect_docx,
        t.ODT: hidden_office.inspect_odf,
        t.ODS: hidden_office.inspect_odf,
        t.PDF: hidden_pdf.inspect_pdf,
    }
    if mime in _NOTHING_HIDDEN:
        return []
    inspector = inspectors.get(mime)
    if inspector is None:
        return [Finding("unanalysable", f"no hidden-data check exists for {mime}")]
    try:
        return inspector(Path(path))
    except Exception as exc:  # any failure to analyse means: hold the file
        log.warning("hidden-data check failed for %s", path, exc_info=True)
        return [Finding("unanalysable", f"the file could not be read ({type(exc).__name__})")]
