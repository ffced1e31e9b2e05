"""What the archive serves of a released file: its text for search, a photo's clean copy."""

from flask_babel import lazy_gettext as _l

from foi.documents import photos
from foi.documents.extract import extract_text
from foi.models import Document
from foi.services.errors import DomainError
from foi.services.storage import file_store


class PhotoNotCleaned(DomainError):
    """A photo that Pillow could not re-encode: it cannot be published without its metadata."""


def file_prepare_public(doc: Document) -> None:
    """Inside the caller's transaction: make what the archive will serve of a released file.

    A photo (JPEG, PNG, TIFF, WebP) is always re-encoded, whatever metadata was found, so that
    data nobody recognised is not published either; the copy is stored by its hash beside the
    original, which stays for the agency and the requester.
    """
    store = file_store()
    path = store.path(doc.sha256)
    if photos.is_photo(doc.mime):
        try:
            clean = photos.photo_without_metadata(path, doc.mime)
        except Exception as exc:  # Pillow raises many kinds for a picture it cannot write
            raise PhotoNotCleaned(
                _l(
                    "This picture could not be saved again without its metadata, so it cannot "
                    "be published. Keep it private and release a copy saved by an image editor."
                )
            ) from exc
        doc.public_sha256 = store.put_bytes(clean)
    doc.text = extract_text(path, doc.mime)[:1_000_000]
