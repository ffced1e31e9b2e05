"""Official PDFs about one request: filing receipt, response letter and request dossier.

Who may download what (checked here, 404 for everyone else):

- the requester: the receipt, the letter and the dossier of their own request, with the
  timeline they see on their page (no internal notes);
- the agency's officers and coordinators: the same for their agency's requests, and a staff
  dossier that also holds internal notes, each marked "internal" and the whole file headed by
  a warning that it must not be sent to the requester as it is;
- the oversight body (ombudsman): the dossier, with the requester's timeline. Internal notes are
  the agency's working papers: the ombudsman asks the agency for them when a complaint needs it.

The QR code and link lead to the request's public page once it is published, and before that
to the requester's own page (which asks them to log in).
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import force_locale
from sqlalchemy import select

from foi import links
from foi.documents.errors import human_size as size_text
from foi.documents.pdf import Progress, RenderedPdf, render_document
from foi.extensions import db
from foi.labels import EVENT_TITLES, OUTCOME_LABELS, STATUS_LABELS
from foi.law import complaint_window
from foi.law.citations import cite, join_citations
from foi.models import Agency, Event, InfoRequest, RequestTransfer, User
from foi.models.document import FROM_AGENCY
from foi.models.request import INTERNAL
from foi.requests.states import EventKind, Outcome, RequestStatus
from foi.services.deadlines import law_calendar, law_pack, request_deadlines
from foi.services.errors import NotFound
from foi.services.permissions import is_oversight, is_requester, is_staff_of
from foi.services.post_letters import post_letter
from foi.services.selectors import events_for, request_by_reference

LANGS = ("az", "en", "ru")
KINDS = ("receipt", "letter", "dossier")
REQUESTER, STAFF, OVERSIGHT = "requester", "staff", "oversight"
# Outcomes after which the letter explains how to complain to the oversight body.
COMPLAINABLE = (Outcome.REFUSED, Outcome.PARTIAL, Outcome.NOT_HELD)
# Outcome codes of foi.models.request in the vocabulary of the PDF labels.
PDF_OUTCOMES = {
    "given": "granted",
    "partial": "partially_granted",
    "refused": "refused",
    "not_held": "not_held",
}


@dataclass(frozen=True)
class Letter:
    """A rendered PDF with the file name to offer for download."""

    filename: str
    pdf: RenderedPdf


def audience_of(viewer: User, req: InfoRequest) -> str:
    """Return how ``viewer`` may see ``req`` (requester, staff, oversight) or raise NotFound."""
    if is_staff_of(viewer, req):
        return STAFF
    if is_requester(viewer, req):
        return REQUESTER
    if is_oversight(viewer) and req.status != RequestStatus.HELD:  # held: the requester's only
        return OVERSIGHT
    raise NotFound()


def dossier_is_large(*, viewer: User, reference: str, limit: int) -> bool:
    """Tell whether the dossier ``viewer`` may read has more than ``limit`` events (else 404).

    Such a dossier is prepared on the task queue instead of during the page's request.
    """
    req = request_by_reference(reference)
    if req is None:
        raise NotFound()
    audience = audience_of(viewer, req)
    return len(events_for(req, "staff" if audience == STAFF else "requester")) > limit


def letter_render(
    *, viewer: User, reference: str, kind: str, lang: str, progress: Progress | None = None
) -> Letter:
    """Render the receipt, response letter or dossier of a request ``viewer`` may see."""
    req = request_by_reference(reference)
    if req is None or kind not in KINDS:
        raise NotFound()
    audience = audience_of(viewer, req)
    lang = lang if lang in LANGS else req.lang
    if kind == "receipt":
        if audience == OVERSIGHT or req.status == RequestStatus.HELD:  # held: not received yet
            raise NotFound()
        context, template = receipt_context(req, lang), "receipt.html"
    elif kind == "letter":
        if audience == OVERSIGHT or req.response is None:
            raise NotFound()
        context, template = response_letter_context(req, lang), "response_letter.html"
    else:
        context, template = dossier_context(req, lang, audience), "dossier.html"
    suffix = "-internal" if kind == "dossier" and audience == STAFF else ""
    return Letter(
        f"{req.reference}-{kind}{suffix}-{lang}.pdf",
        render_document(template, context, lang, progress=progress),
    )


def post_letter_render(*, viewer: User, reference: str, event_id: int, lang: str) -> Letter:
    """Render a letter to post to a requester without e-mail, addressed for the envelope.

    Staff of the request's agency only (404 for anyone else): it carries the requester's
    postal address, which no one else may read.
    """
    req = request_by_reference(reference)
    if req is None or not is_staff_of(viewer, req):
        raise NotFound()
    letter = post_letter(req, event_id)
    lang = lang if lang in LANGS else req.lang
    event = letter.event
    if letter.kind == "receipt":
        context, template = receipt_context(req, lang), "receipt.html"
    elif letter.kind in ("answer", "refusal"):
        if req.response is None:
            raise NotFound()
        context, template = response_letter_context(req, lang), "response_letter.html"
    elif letter.kind == "clarification":
        context = {
            **_base(req, lang),
            "asked_on": local(req, event.at),
            "question": event.text,
        }
        template = "clarification_letter.html"
    elif letter.kind == "message":
        context = {**_base(req, lang), "written_on": local(req, event.at), "message": event.text}
        template = "message_letter.html"
    elif letter.kind == "extension":
        context, template = extension_letter_context(req, event, lang), "extension_letter.html"
    else:
        context, template = transfer_letter_context(req, event, lang), "transfer_letter.html"
    if not req.is_published:  # no account to follow it in: no link to a login page
        context["public_url"] = None
    contact = req.contact
    context["recipient"] = {
        "name": req.requester_name,
        "address": contact.postal_address if contact is not None else "",
    }
    return Letter(
        f"{req.reference}-{letter.kind}-{event.id}-{lang}.pdf",
        render_document(template, context, lang),
    )


def extension_letter_context(req: InfoRequest, event: Event, lang: str) -> dict:
    """Return the extension letter's context: by how much, why, the new due date, the article."""
    pack = law_pack(req.agency.law_code)
    article = pack.extension.article if pack.extension is not None else ""
    return {
        **_base(req, lang),
        "extended_on": local(req, event.at),
        "days": event.data.get("days", ""),
        "reason": event.text,
        "due_date": local(req, req.due_at),
        "due_with_time": bool(req.urgency),
        "article": f"{cite(article, lang)} — {_text(pack.name, lang)}" if article else "",
    }


def transfer_letter_context(req: InfoRequest, event: Event, lang: str) -> dict:
    """Return the transfer letter's context: from and to whom, why, the due date, the article."""
    pack = law_pack(req.agency.law_code)
    to_agency = db.session.get(Agency, event.data.get("to_agency_id") or 0)
    moved = db.session.scalar(
        select(RequestTransfer)
        .where(RequestTransfer.request_id == req.id)
        .where(RequestTransfer.to_agency_id == (to_agency.id if to_agency else None))
        .order_by(RequestTransfer.id.desc())
    )
    sender = db.session.get(Agency, moved.from_agency_id) if moved is not None else None
    article = pack.transfer_article or (pack.transfer.article if pack.transfer else "")
    return {
        **_base(req, lang),
        "agency_name": sender.name(lang) if sender else event.data.get("from_agency", ""),
        "to_agency": to_agency.name(lang) if to_agency else event.data.get("to_agency", ""),
        "transferred_on": local(req, event.at),
        "reason": event.text,
        "due_date": local(req, req.due_at),
        "due_with_time": bool(req.urgency),
        "article": f"{cite(article, lang)} — {_text(pack.name, lang)}" if article else "",
    }


def local(req: InfoRequest, moment: datetime | None) -> datetime | None:
    """Return ``moment`` in the timezone of the request's law."""
    if moment is None:
        return None
    return moment.astimezone(ZoneInfo(law_pack(req.agency.law_code).timezone))


def tracking_url(req: InfoRequest) -> str:
    """Return the public page of a published request, else the requester's own page."""
    if req.is_published:
        return links.public_request(req.reference)
    return links.requester_request(req.reference)


def _base(req: InfoRequest, lang: str) -> dict:
    return {
        "agency_name": req.agency.name(lang),
        "reference": req.reference,
        "subject": req.subject,
        "requester_name": req.requester_name,
        "public_url": tracking_url(req),
    }


def receipt_context(req: InfoRequest, lang: str) -> dict:
    """Return the receipt's context: reference, dates and the legal due date with its article."""
    pack = law_pack(req.agency.law_code)
    result = request_deadlines(req)
    due = local(req, req.due_at or result.due_at)
    return {
        **_base(req, lang),
        "filed_on": local(req, req.received_at),
        "due_date": due,
        "due_with_time": bool(req.urgency),
        "due_article": f"{cite(result.article, lang)} — {_text(pack.name, lang)}",
        "explanation": "\n\n".join(result.explanation_lines(lang)),
    }


def response_letter_context(req: InfoRequest, lang: str) -> dict:
    """Return the letter's context: outcome, text, files, grounds and how to complain."""
    response = req.response
    pack = law_pack(req.agency.law_code)
    copies = redaction_copies(req)
    files = [
        {"filename": d.filename, "size": human_size(d.size)}
        for d in req.documents
        if d.source == FROM_AGENCY and d.id not in copies
    ]
    grounds = []
    for code in response.grounds:
        try:
            ground = pack.refusal_ground(code)
        except LookupError:
            grounds.append({"article": cite(code, lang), "title": "", "text": ""})
            continue
        grounds.append(
            {"article": cite(ground.article, lang), "title": _text(ground.title, lang), "text": ""}
        )
    if grounds and pack.refusal_requirements:
        grounds[-1]["text"] = _text(pack.refusal_requirements, lang)
    return {
        **_base(req, lang),
        "answered_on": local(req, response.answered_at),
        "outcome": PDF_OUTCOMES.get(response.outcome, response.outcome),
        "answer_text": response.body,
        "released_files": files,
        "refusal_grounds": grounds,
        "complaint": complaint_context(req, lang) if response.outcome in COMPLAINABLE else None,
        "officer_name": response.officer.display_name if response.officer else "",
    }


def complaint_context(req: InfoRequest, lang: str) -> dict:
    """Return to whom, how and by when the requester may complain about the answer."""
    pack = law_pack(req.agency.law_code)
    body = pack.oversight
    how = _text(body.description, lang)
    if body.url:
        how = f"{how}\n{body.url}"
    deadline, article = None, body.article
    if pack.complaint_window is not None:
        window = complaint_window(pack, law_calendar(pack.code), req.response.answered_at)
        deadline = local(req, window.due_at)
        article = join_citations(body.article, pack.complaint_window.article)
    return {
        "body": _text(body.name, lang),
        "how": how,
        "deadline": deadline,
        "article": cite(article, lang),
    }


def dossier_context(req: InfoRequest, lang: str, audience: str) -> dict:
    """Return the dossier's context: facts and the timeline ``audience`` may read."""
    events = events_for(req, "staff" if audience == STAFF else "requester")
    rows = []
    with force_locale(lang):
        status = str(STATUS_LABELS.get(req.status, (req.status,))[0])
        for event in events:
            title = str(EVENT_TITLES.get(event.kind, event.kind.replace("_", " ")))
            outcome = event.data.get("outcome")
            if event.kind == EventKind.ANSWERED and outcome in OUTCOME_LABELS:
                title = f"{title}: {OUTCOME_LABELS[outcome]}"
            rows.append(
                {
                    "at": local(req, event.at),
                    "event": title,
                    "actor": event.actor.display_name if event.actor else "",
                    "note": event.text or "",
                    "internal": event.visibility == INTERNAL,
                }
            )
    return {
        **_base(req, lang),
        "status": status,
        "filed_on": local(req, req.received_at),
        "due_date": local(req, req.due_at) if req.is_open else None,
        "timeline": rows,
        "internal": audience == STAFF,
    }


def redaction_copies(req: InfoRequest) -> set[int]:
    """Return the ids of documents that are redacted copies made for the public."""
    return {e.data.get("copy_id") for e in req.events if e.kind == EventKind.FILE_REDACTED}


def human_size(size: int) -> str:
    """Return a file size as people read it (12 KB, 3.4 MB)."""
    return size_text(size or 0)


def _text(value, lang: str) -> str:
    if isinstance(value, str):
        return value
    return value.get(lang) or value.get("en") or next(iter(value.values()), "")
