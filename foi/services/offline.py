"""Requests received off-line: staff enter them, and the answers go back the way they came.

A person may ask by post, by phone, in person, by e-mail to the agency or by fax; the law's
clock runs from the moment the agency received the request (AZ art. 24.1, 24.5), not from
the moment someone typed it in. An officer or coordinator enters it for their own agency with
the requester's name and postal address and/or e-mail address, and a scan of the letter.

With an e-mail address the requester is written to as any other (``notify_requester``);
without one, nothing is e-mailed: each letter the requester is owed (receipt, extension,
transfer, answer or refusal) waits on the request's page as a PDF to print and post, until
the officer records the day it was posted (``post_letters``). When a person later confirms
the e-mail address the staff wrote down, in a new or an existing account, the request joins
that account.
"""

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import func, select

from foi import links
from foi.documents.uploads import StoredFile
from foi.extensions import db
from foi.models import Agency, InfoRequest, RequestContact, User
from foi.models.base import utcnow
from foi.models.document import FROM_REQUESTER
from foi.models.request import OFFLINE_CHANNELS, PUBLIC, REQUESTER
from foi.models.user import CITIZEN, STAFF_ROLES
from foi.requests.states import EventKind, request_transition
from foi.services.answering import clean_text
from foi.services.db import transaction
from foi.services.deadlines import law_pack, refresh_due
from foi.services.errors import DomainError, NotFound
from foi.services.filing import (
    check_request_text,
    documents_add,
    next_reference,
    store_uploads,
    withdrawal_record,
)
from foi.services.history import notify_requester, record
from foi.services.ocr import documents_ocr_enqueue
from foi.services.permissions import ensure_transition, is_staff_of

#: Entered more than this after it was received, a request needs the reason in its history.
LATE_ENTRY = timedelta(days=1)
#: A moment of receipt this far ahead of the server's clock is a typing mistake.
CLOCK_SKEW = timedelta(minutes=5)
#: Channels that bring a paper the agency holds: its scan is part of the request.
PAPER_CHANNELS = ("post", "fax")
MAX_NAME, MAX_ADDRESS, MAX_EMAIL, MAX_REASON = 200, 500, 254, 2000
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _contact_checked(name: str, postal_address: str, email: str) -> tuple[str, str, str]:
    name, postal_address = name.strip(), postal_address.strip()
    email = email.strip().lower()
    if not name:
        raise DomainError(_l("Write the requester's name."), field="name")
    if len(name) > MAX_NAME:
        raise DomainError(
            lazy_ngettext(
                "Keep the name under %(num)d character.",
                "Keep the name under %(num)d characters.",
                MAX_NAME,
            ),
            field="name",
        )
    if len(postal_address) > MAX_ADDRESS:
        raise DomainError(
            lazy_ngettext(
                "Keep the address under %(num)d character.",
                "Keep the address under %(num)d characters.",
                MAX_ADDRESS,
            ),
            field="postal_address",
        )
    if email and (len(email) > MAX_EMAIL or not _EMAIL.fullmatch(email)):
        raise DomainError(_l("This e-mail address does not look right."), field="email")
    if not postal_address and not email:
        raise DomainError(
            _l("Write a postal address or an e-mail address to send the answer to."),
            field="postal_address",
        )
    return name, postal_address, email


def _staff_agency(actor: User) -> Agency:
    if actor.role not in STAFF_ROLES or actor.agency is None:
        raise NotFound()
    return actor.agency


def offline_request_record(
    *,
    actor: User,
    channel: str,
    received_at: datetime | None,
    name: str,
    postal_address: str = "",
    email: str = "",
    subject: str,
    body: str,
    urgency: str | None = None,
    late_reason: str = "",
    lang: str = "az",
    uploads=(),
    kept: Sequence[StoredFile] = (),
    now: datetime | None = None,
) -> InfoRequest:
    """Enter a request received off-line for the actor's agency and start its clock.

    The clock starts at ``received_at`` (AZ art. 24.1, 24.5: counted from registration, the
    day the request arrives). Entered more than :data:`LATE_ENTRY` later, the reason is
    recorded in the history. The receipt is e-mailed when there is an address; otherwise it
    waits on the page to be printed (:func:`foi.services.post_letters.letters_to_post`).
    """
    agency = _staff_agency(actor)
    now = now or utcnow()
    if channel not in OFFLINE_CHANNELS:
        raise DomainError(_l("Choose how the request was received."), field="channel")
    if received_at is None:
        raise DomainError(
            _l("Give the day and time the request was received."), field="received_at"
        )
    if received_at > now + CLOCK_SKEW:
        raise DomainError(_l("The moment of receipt cannot be in the future."), field="received_at")
    late_reason = late_reason.strip()
    late = now - received_at > LATE_ENTRY
    if late and not late_reason:
        raise DomainError(
            _l("Entered more than a day after it was received: say why."), field="late_reason"
        )
    if len(late_reason) > MAX_REASON:
        raise DomainError(
            lazy_ngettext(
                "Keep the reason under %(num)d character.",
                "Keep the reason under %(num)d characters.",
                MAX_REASON,
            ),
            field="late_reason",
        )
    name, postal_address, email = _contact_checked(name, postal_address, email)
    subject, body = check_request_text(subject, body, urgency)
    # ``kept``: files stored while the form was shown again (foi.services.kept_files).
    stored = list(kept) + store_uploads(uploads, already_used=sum(f.size for f in kept))
    if channel in PAPER_CHANNELS and not stored:
        raise DomainError(_l("Attach the scan of the letter."), field="attachments")
    # Someone who already confirmed this address in an account follows the request there.
    account = _confirmed_citizen(email) if email else None

    with transaction() as session:
        req = InfoRequest(
            # The register's year is the law's: 31 December in Baku may be the 30th in UTC.
            reference=next_reference(agency.law_code.upper(), local_year(agency, received_at)),
            requester=account,
            agency=agency,
            assignee=actor,  # who took it in works on it, until someone reassigns it
            channel=channel,
            subject=subject,
            body=body,
            lang=lang,
            urgency=urgency,
            publish_name=False,
            received_at=received_at,
            created_at=now,
        )
        session.add(req)
        session.add(
            RequestContact(request=req, name=name, postal_address=postal_address, email=email)
        )
        request_transition(req, EventKind.FILED)
        record(
            req,
            EventKind.FILED,
            actor=actor,
            visibility=PUBLIC,
            at=received_at,
            channel=channel,
            entered_at=now.isoformat(),
        )
        record(
            req,
            EventKind.ROUTED,
            actor=actor,
            visibility=PUBLIC,
            at=received_at,
            agency_id=agency.id,
            suggested=False,
        )
        if late:
            record(
                req,
                EventKind.ENTERED_LATE,
                actor=actor,
                visibility=REQUESTER,
                at=now,
                text=late_reason,
                received_at=received_at.isoformat(),
            )
        if account is not None:
            record(req, EventKind.JOINED_ACCOUNT, actor=None, visibility=REQUESTER, at=now)
        documents = documents_add(req, stored, source=FROM_REQUESTER, uploader=actor)
        session.flush()
        result = refresh_due(req)
        notify_requester(
            req,
            "acknowledgement",
            explanation=result.explain(req.requester_locale),
            register_link=links.register(),
        )
    documents_ocr_enqueue(documents, user=actor)  # the scanned letter becomes searchable text
    return req


def local_year(agency: Agency, moment: datetime) -> int:
    """Return the year of ``moment`` in the time zone of the agency's law."""
    return moment.astimezone(ZoneInfo(law_pack(agency.law_code).timezone)).year


def _confirmed_citizen(email: str) -> User | None:
    return db.session.scalar(
        select(User).where(
            func.lower(User.email) == email,
            User.role == CITIZEN,
            User.email_confirmed_at.is_not(None),
        )
    )


def offline_requests_join(*, user: User, now: datetime) -> list[InfoRequest]:
    """Take into ``user``'s account the off-line requests left with their confirmed address.

    Runs inside the caller's transaction (the confirmation's). Only citizens' accounts take
    requests in: staff do not ask their own agency through the site.
    """
    if user.role != CITIZEN or not user.email:
        return []
    joined = list(
        db.session.scalars(
            select(InfoRequest)
            .join(RequestContact, RequestContact.request_id == InfoRequest.id)
            .where(RequestContact.email == user.email.strip().lower())
            .where(InfoRequest.requester_id.is_(None))
            .order_by(InfoRequest.id)
        )
    )
    for req in joined:
        req.requester = user
        record(req, EventKind.JOINED_ACCOUNT, actor=user, visibility=REQUESTER, at=now)
    return joined


def offline_clarification_record(
    *,
    actor: User,
    req: InfoRequest,
    text: str,
    received_at: datetime | None,
    now: datetime | None = None,
) -> None:
    """Record the clarification a requester without an account sent off-line; restart the clock.

    The person cannot answer on the site, so the agency's staff enter what came by post, phone
    or in person. The clock runs again from the moment it was received (AZ art. 24.4, 24.6).
    """
    if not is_staff_of(actor, req) or not req.is_offline or req.requester_id is not None:
        raise NotFound()
    ensure_transition(req, EventKind.CLARIFICATION_RECEIVED)
    now = now or utcnow()
    text = clean_text(text)
    if not text:
        raise DomainError(_l("Write what the requester clarified."), field="text")
    if received_at is None:
        raise DomainError(
            _l("Give the day and time the clarification was received."), field="received_at"
        )
    asked = max(
        (e.at for e in req.events if e.kind == EventKind.CLARIFICATION_REQUESTED), default=None
    )
    # A moment typed to the minute: the question's own minute counts as after it.
    floor = asked.replace(second=0, microsecond=0) if asked is not None else None
    if received_at > now + CLOCK_SKEW or (floor is not None and received_at < floor):
        raise DomainError(
            _l("The clarification must arrive after the question, and not in the future."),
            field="received_at",
        )
    with transaction():
        request_transition(req, EventKind.CLARIFICATION_RECEIVED)
        record(
            req,
            EventKind.CLARIFICATION_RECEIVED,
            actor=actor,
            visibility=REQUESTER,
            text=text,
            at=max(received_at, asked) if asked is not None else received_at,
            channel="offline",
        )
        db.session.flush()
        refresh_due(req)


def offline_withdrawal_record(
    *, actor: User, req: InfoRequest, reason: str, now: datetime | None = None
) -> None:
    """Record that a requester without an account withdrew the request by post, phone or visit."""
    now = now or utcnow()
    if not is_staff_of(actor, req) or not req.is_offline or req.requester_id is not None:
        raise NotFound()
    ensure_transition(req, EventKind.WITHDRAWN)
    reason = clean_text(reason)
    if not reason:
        raise DomainError(_l("Say how and why the requester withdrew the request."), field="reason")
    with transaction():
        withdrawal_record(req, actor=actor, text=reason, now=now, channel="offline")
