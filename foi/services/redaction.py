"""Redaction: blacking out terms and areas of a released PDF, removing passages of an answer.

A redacted file's public copy is rebuilt from page images, so the removed text is gone, not
covered; the original stays private. The terms a person asked to remove are never written to
the history: they are what must not leak. Held files are ``review``'s.
"""

import re
from collections.abc import Sequence
from datetime import datetime

from flask_babel import force_locale, lazy_ngettext
from flask_babel import lazy_gettext as _l

from foi.documents import types as t
from foi.documents.filenames import split_extension
from foi.documents.redact import Area, find_terms, redact_pdf, redact_text
from foi.models import Document, InfoRequest, User
from foi.models.base import utcnow
from foi.models.document import FROM_AGENCY, OCR_WAITING
from foi.models.request import INTERNAL
from foi.requests.states import EventKind
from foi.services import review
from foi.services.db import transaction
from foi.services.errors import DomainError, NotAllowed, NotFound
from foi.services.history import record
from foi.services.ocr import documents_ocr_enqueue
from foi.services.permissions import Action, ensure_allowed
from foi.services.storage import file_store

MAX_TERMS = 200


def document_redact(
    *,
    actor: User,
    doc: Document,
    terms: Sequence[str] = (),
    areas: Sequence[Area] = (),
    now: datetime | None = None,
) -> Document:
    """Make the public copy of a released PDF with ``terms`` and ``areas`` blacked out.

    The copy is rebuilt from page images, so the removed text is gone, not covered, and it
    carries no metadata. The original stays private. Officers may redact until the request
    is published; after that, and for held files, only the coordinator may.
    """
    now = now or utcnow()
    req = doc.request
    if doc.source != FROM_AGENCY:
        raise NotFound()
    if review.is_pending(doc):  # a held file is the coordinator's to decide
        ensure_allowed(actor, req, Action.REVIEW_FILES)
    ensure_allowed(actor, req, Action.REDACT_FILES)
    if doc.id in review.decided_files(req):
        raise NotAllowed(_l("This file was already replaced or kept private."))
    if doc.mime != t.PDF:
        raise DomainError(
            _l(
                "Only PDF files can be redacted here. Save the file as PDF, "
                "upload it with the answer, or keep this one private."
            ),
            field="terms",
        )
    terms = [" ".join(term.split()) for term in terms if term.strip()][:MAX_TERMS]
    if not terms and not areas:
        raise DomainError(_l("Give at least one word to black out, or an area."), field="terms")
    data = file_store().path(doc.sha256).read_bytes()
    missing = [term for term, count in find_terms(data, terms).items() if not count]
    if missing and doc.ocr_state == OCR_WAITING:
        raise DomainError(
            _l(
                "The scan's text is still being recognised, so %(terms)s cannot be found yet. "
                "Try again in a minute.",
                terms=", ".join(f"“{m}”" for m in missing),
            ),
            field="terms",
        )
    if missing:
        raise DomainError(
            _l(
                "Not found in the file's text: %(terms)s. If it is only in a picture or a "
                "scan, mark it as an area instead.",
                terms=", ".join(f"“{m}”" for m in missing),
            ),
            field="terms",
        )
    pages = _page_count(data)
    if any(page < 0 or page >= pages for page, *_rest in areas):
        raise DomainError(
            lazy_ngettext(
                "The file has %(num)d page; an area names another page.",
                "The file has %(num)d pages; an area names another page.",
                pages,
            ),
            field="areas",
        )
    # A scan is rebuilt at its own resolution, so that its copy can be read again by OCR.
    redacted = redact_pdf(data, terms=terms, areas=areas, dpi=300 if doc.ocr_state else 150)
    sha256 = file_store().put_bytes(redacted)
    stem, _ext = split_extension(doc.filename)
    publish_now = req.is_published
    with transaction() as session:
        copy = Document(
            request=req,
            source=FROM_AGENCY,
            sha256=sha256,
            filename=f"{stem} ({_in_language(req.lang, REDACTED)}).pdf"[:255],
            mime=t.PDF,
            size=len(redacted),
            uploaded_by_id=actor.id,
            public=publish_now,
            text="",
        )
        session.add(copy)
        doc.public = False
        session.flush()
        record(
            req,
            EventKind.FILE_REDACTED,
            actor=actor,
            visibility=INTERNAL,
            text=doc.filename,
            doc_id=doc.id,
            copy_id=copy.id,
            terms=len(terms),
            areas=len(areas),
            at=now,
        )
        if publish_now:
            review.published_reindex(req)
    # The copy is page images only: OCR gives it back a text layer, without the removed words
    # (they are black pixels now), and the archive's index gets that text.
    documents_ocr_enqueue([copy], user=actor)
    return copy


#: Added to a redacted copy's file name, in the request's language (in an f-string the
#: message would not be extracted for translation).
REDACTED = _l("redacted")


def public_text_without(text: str, passages: Sequence[str], lang: str) -> str:
    """Return ``text`` with every passage replaced by "[removed]" in ``lang``.

    The mark is part of the published answer, so it is written in the request's language
    (the answer's), not in the language of the coordinator's screen.
    """
    passages = [p for p in passages if p.strip()]
    if not passages:
        return text
    return redact_text(text, passages, mark=_in_language(lang, _l("[removed]")))


def _in_language(lang: str, message) -> str:
    """Return a lazily translated ``message`` as text in ``lang``."""
    with force_locale(lang):
        return str(message)


def response_redact_text(
    *, actor: User, req: InfoRequest, passages: list[str], now: datetime | None = None
) -> str:
    """Remove passages from the answer's public text before it is published; return it."""
    now = now or utcnow()
    ensure_allowed(actor, req, Action.REDACT_ANSWER)
    if req.response is None:
        raise NotAllowed(_l("Passages can be removed while the answer waits for publication."))
    passages = [p for p in passages if p.strip()]
    if not passages:
        raise DomainError(_l("Write the passages to remove, one per line."), field="passages")
    current = req.response.published_text
    text = public_text_without(current, passages, req.lang)
    if text == current:
        raise DomainError(_l("None of these passages is in the text to publish."), field="passages")
    with transaction():
        req.response.public_body = text
        record(
            req,
            EventKind.ANSWER_REDACTED,
            actor=actor,
            visibility=INTERNAL,
            passages=len(passages),
            at=now,
        )
    return text


_AREA = re.compile(
    r"^\s*(\d+)\s*[:;]\s*([\d.]+)\s*[, ]\s*([\d.]+)\s*[, ]\s*([\d.]+)\s*[, ]\s*"
    r"([\d.]+)\s*$"
)


def parse_areas(text: str) -> list[Area]:
    """Read areas written one per line as ``page: x0, y0, x1, y1`` (page from 1, points)."""
    areas = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        match = _AREA.match(line)
        if not match or int(match.group(1)) < 1:
            raise DomainError(
                _l(
                    "Line %(n)d: write an area as “page: left, top, right, bottom”, e.g. "
                    "“1: 72, 100, 300, 130”.",
                    n=number,
                ),
                field="areas",
            )
        page, left, top, right, bottom = match.groups()
        areas.append((int(page) - 1, float(left), float(top), float(right), float(bottom)))
    return areas


def parse_lines(text: str) -> list[str]:
    """Split a text box into its non-empty lines."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _page_count(data: bytes) -> int:
    # Loaded on first use, like every PDF library here: most processes never open a PDF.
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()
