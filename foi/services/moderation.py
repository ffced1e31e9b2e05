"""Moderation: staff flag a request or an upload, an administrator hides it or restores it.

A hidden request leaves the public archive (its index entry, its page, the API, the feeds and
the exports) and the agency's queue; a hidden file is served to nobody. The requester still
sees their request, with the reason and what it means for the law's clock: the agency is not
reminded of a hidden request, but the statutory deadline is not moved, since the law knows no
such pause. Filing past the rate limits holds the request here, with no person behind the
flag, instead of refusing it: an administrator files it or keeps it hidden.
"""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import select

from foi.extensions import db
from foi.models import Document, InfoRequest, ModerationFlag, User
from foi.models.base import utcnow
from foi.models.moderation import DISMISSED, FLAG_REASONS, HIDDEN, RATE_LIMIT, RESTORED
from foi.models.request import INTERNAL, REQUESTER
from foi.requests.states import EventKind, RequestStatus
from foi.services.audit import audit_record
from foi.services.db import transaction
from foi.services.errors import DomainError, NotFound
from foi.services.filing import held_request_file
from foi.services.history import record
from foi.services.permissions import Action, ensure_allowed
from foi.services.search_index import index_request

MAX_NOTE = 2000


def moderation_flag(
    *,
    actor: User,
    req: InfoRequest,
    reason: str,
    note: str = "",
    document_id: int | None = None,
    now: datetime | None = None,
) -> ModerationFlag:
    """Ask the administrators to look at ``req`` or one of its files."""
    ensure_allowed(actor, req, Action.FLAG)
    if reason not in FLAG_REASONS:
        raise DomainError(_l("Choose why it should be looked at."), field="reason")
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise DomainError(
            lazy_ngettext(
                "Keep the note under %(num)d character.",
                "Keep the note under %(num)d characters.",
                MAX_NOTE,
            ),
            field="note",
        )
    document = _document_of(req, document_id) if document_id else None
    now = now or utcnow()
    with transaction() as session:
        flag = ModerationFlag(
            request=req,
            document=document,
            reason=reason,
            note=note,
            flagged_by=actor,
            created_at=now,
        )
        session.add(flag)
        record(
            req,
            EventKind.FLAGGED,
            actor=actor,
            visibility=INTERNAL,
            at=now,
            reason=reason,
            document=document.filename if document else None,
        )
    return flag


def _document_of(req: InfoRequest, document_id: int) -> Document:
    document = db.session.get(Document, document_id)
    if document is None or document.request_id != req.id:
        raise NotFound()
    return document


def _open_flag(actor: User, flag_id: int) -> ModerationFlag:
    flag = db.session.get(ModerationFlag, flag_id)
    if flag is None:
        raise NotFound()
    ensure_allowed(actor, flag.request, Action.MODERATE)
    if not flag.is_open:
        raise DomainError(_l("This flag has been decided already."))
    return flag


def _close(flag: ModerationFlag, actor: User, resolution: str, now: datetime) -> None:
    flag.resolved_at, flag.resolved_by, flag.resolution = now, actor, resolution


def moderation_hide(*, actor: User, flag_id: int, now: datetime | None = None) -> ModerationFlag:
    """Hide what the flag is about, with its reason in the request's history."""
    flag = _open_flag(actor, flag_id)
    now = now or utcnow()
    req = flag.request
    with transaction():
        if flag.document is not None:
            doc = flag.document
            flag.was_public = doc.public
            doc.hidden_at, doc.hidden_reason, doc.public = now, flag.reason, False
            if req.is_public:
                index_request(req, now=now)  # the file's text leaves the index
        else:
            req.hidden_at, req.hidden_reason = now, flag.reason
            req.next_reminder_at = None  # the agency is not reminded of what it cannot see
            index_request(req, now=now)  # a hidden request leaves the archive's index
        _close(flag, actor, HIDDEN, now)
        record(
            req,
            EventKind.HIDDEN,
            actor=actor,
            visibility=REQUESTER,
            at=now,
            reason=flag.reason,
            document=flag.document.filename if flag.document else None,
        )
    return flag


def moderation_dismiss(*, actor: User, flag_id: int, now: datetime | None = None) -> ModerationFlag:
    """Close an open flag: nothing was wrong, nothing is hidden."""
    now = now or utcnow()
    flag = _open_flag(actor, flag_id)
    if flag.reason == RATE_LIMIT:
        return moderation_restore(actor=actor, flag_id=flag_id, now=now)
    with transaction():
        _close(flag, actor, DISMISSED, now)
        audit_record(
            actor,
            "flag_dismissed",
            "moderation",
            object_id=flag.id,
            label=flag.request.reference,
            reason=flag.reason,
            at=now,
        )
    return flag


def moderation_restore(*, actor: User, flag_id: int, now: datetime | None = None) -> ModerationFlag:
    """Show again what a decision hid; file a request held for filing past the rate limits.

    A held request is filed now, its clock starting now (the agency receives it now); if its
    requester's address is still unconfirmed it stays held until they confirm it.
    """
    flag = db.session.get(ModerationFlag, flag_id)
    if flag is None:
        raise NotFound()
    ensure_allowed(actor, flag.request, Action.MODERATE)
    held_for_limits = flag.is_open and flag.reason == RATE_LIMIT
    if not held_for_limits and flag.resolution != HIDDEN:
        raise DomainError(_l("There is nothing hidden to show again."))
    now = now or utcnow()
    req = flag.request
    with transaction():
        if flag.document is not None:
            doc = flag.document
            doc.hidden_at, doc.hidden_reason, doc.public = None, "", flag.was_public
        else:
            req.hidden_at, req.hidden_reason = None, ""
            if req.status == RequestStatus.HELD and req.requester.email_confirmed_at is not None:
                held_request_file(req, now=now)
            elif req.is_open and req.due_at is not None:
                req.next_reminder_at = now  # the sweep catches up with the deadline's notices
        if req.is_public:
            index_request(req, now=now)
        _close(flag, actor, RESTORED, now)
        record(
            req,
            EventKind.RESTORED,
            actor=actor,
            visibility=REQUESTER,
            at=now,
            document=flag.document.filename if flag.document else None,
        )
    return flag


def moderation_queue() -> list[ModerationFlag]:
    """Return the flags waiting for an administrator, oldest first."""
    return list(
        db.session.scalars(
            select(ModerationFlag)
            .where(ModerationFlag.resolved_at.is_(None))
            .order_by(ModerationFlag.created_at, ModerationFlag.id)
        )
    )


def moderation_hidden(limit: int = 100) -> list[ModerationFlag]:
    """Return the decisions that keep something hidden now, newest first."""
    return list(
        db.session.scalars(
            select(ModerationFlag)
            .where(ModerationFlag.resolution == HIDDEN)
            .order_by(ModerationFlag.resolved_at.desc(), ModerationFlag.id.desc())
            .limit(limit)
        )
    )
