"""Letters between the oversight body and an agency about one request.

The oversight body supervises how agencies keep the law (in Azerbaijan the Ombudsman:
Constitutional Law on the Ombudsman, art. 1.3; the rule pack's ``oversight.article``), and
looks into a request before any complaint, or besides one. Its letter and the agency's reply are
kept with the request and e-mailed to the people on the other side. The requester does not see
them: they are the oversight body's inquiry, not the agency's answer.
"""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

from foi import links
from foi.extensions import db
from foi.law.events import OVERSIGHT_LETTER_KINDS
from foi.mail.outbox import enqueue
from foi.models import Event, InfoRequest, User
from foi.models.base import utcnow
from foi.models.request import INTERNAL
from foi.models.user import COORDINATOR
from foi.requests.states import EventKind
from foi.services.answering import clean_text
from foi.services.complaints import oversight_staff
from foi.services.db import transaction
from foi.services.deadlines import law_pack, request_law
from foi.services.errors import DomainError, NotAllowed
from foi.services.history import agency_staff, notify_staff, record
from foi.services.permissions import Action, ensure_allowed

_MAX_CHARS = 20000


def _letter_text(text: str) -> str:
    text = clean_text(text or "")
    if not text:
        raise DomainError(_l("Write the letter."), field="text")
    if len(text) > _MAX_CHARS:
        raise DomainError(
            lazy_ngettext(
                "Keep the letter under %(num)d character.",
                "Keep the letter under %(num)d characters.",
                _MAX_CHARS,
            ),
            field="text",
        )
    return text


def oversight_letter_write(
    *, actor: User, req: InfoRequest, text: str, now: datetime | None = None
) -> Event:
    """Write to the agency about ``req``; its assignee and coordinators are e-mailed."""
    ensure_allowed(actor, req, Action.WRITE_TO_AGENCY)
    text = _letter_text(text)
    now = now or utcnow()
    people = {u.id: u for u in agency_staff(req.agency_id, (COORDINATOR,))}
    if req.assignee is not None and req.assignee.active:
        people.setdefault(req.assignee.id, req.assignee)
    with transaction():
        event = record(
            req, EventKind.OVERSIGHT_LETTER, actor=actor, visibility=INTERNAL, text=text, at=now
        )
        db.session.flush()  # the letter's id names its e-mails, so that each goes once
        notify_staff(
            req,
            "oversight_letter",
            f":{event.id}",
            people=sorted(people.values(), key=lambda u: u.id),
            letter=event,
            oversight=law_pack(request_law(req)).oversight,
        )
    return event


def oversight_letter_reply(
    *, actor: User, req: InfoRequest, text: str, now: datetime | None = None
) -> Event:
    """Answer the oversight body's letter about ``req``; its staff are e-mailed."""
    ensure_allowed(actor, req, Action.REPLY_TO_OVERSIGHT)
    if not any(e.kind == EventKind.OVERSIGHT_LETTER for e in req.events):
        raise NotAllowed(_l("The oversight body has not written about this request."))
    text = _letter_text(text)
    now = now or utcnow()
    with transaction():
        event = record(
            req, EventKind.OVERSIGHT_REPLY, actor=actor, visibility=INTERNAL, text=text, at=now
        )
        db.session.flush()
        for person in oversight_staff():
            enqueue(
                f"req:{req.id}:oversight_reply:{event.id}:u{person.id}",
                person.email,
                "oversight_reply",
                person.locale,
                req=req,
                user=person,
                reply=event,
                agency_name=req.agency.name(person.locale),
                link=links.oversight_request(req.reference),
            )
    return event


def oversight_letters(req: InfoRequest) -> list[Event]:
    """Return the letters between the oversight body and the agency about ``req``, oldest first."""
    return [e for e in req.events if e.kind in OVERSIGHT_LETTER_KINDS]
