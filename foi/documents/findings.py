"""What a hidden-data check reports: a ``Finding`` and the translatable title of each kind.

Kept apart from ``hidden.py`` so that the format inspectors (``hidden_office``, ``hidden_pdf``)
and the dispatcher that calls them all depend on it without depending on each other.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _


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
    # A photo's metadata (foi.documents.photos): removed on publication, shown to the coordinator.
    "gps_position": lambda: _("GPS position (where the photo was taken)"),
    "camera_model": lambda: _("Camera make, model or serial number"),
    "artist_name": lambda: _("Artist, author or owner name"),
    "date_taken": lambda: _("Date and time the photo was taken"),
    "image_description": lambda: _("Description or comment written in the file"),
    "software": lambda: _("Software or computer name"),
    "exif_metadata": lambda: _("Other camera data (EXIF: exposure, lens, settings)"),
    "embedded_thumbnail": lambda: _("Embedded thumbnail (may show the uncropped photo)"),
    "xmp_metadata": lambda: _("XMP metadata (editing history, author, keywords)"),
    "iptc_metadata": lambda: _("IPTC metadata (photographer, captions, copyright)"),
    "image_text": lambda: _("Text notes stored in the image file"),
    "other_metadata": lambda: _("Other data stored beside the picture"),
}
