"""Find data a reader would not see before a file is published: hidden sheets, comments, metadata.

``inspect_hidden(path, mime)`` returns a list of ``Finding``; an empty list means the file is
clean. A file we cannot analyse gives ``[Finding("unanalysable", ...)]`` so that it is held for
review, never published by default.
"""

import logging
from pathlib import Path

from . import hidden_office, hidden_pdf, photos
from . import types as t
from .findings import Finding

log = logging.getLogger(__name__)


# Text and CSV hold nothing a reader cannot see; photos are checked by foi.documents.photos.
_NOTHING_HIDDEN = frozenset({t.TEXT, t.CSV})


def inspect_hidden(path: Path, mime: str) -> list[Finding]:
    """Return what in the file at ``path`` a reader would not see; [] when it is clean."""
    inspectors = {
        **dict.fromkeys(photos.PHOTO_TYPES, photos.inspect_photo),
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
