"""Drafts: a request saved before it is sent, seen by its author only, deleted when forgotten.

A draft is saved from the filing form (its "Save as draft" button, or the page's script while
the citizen writes), opened again from "My requests" and sent through the same filing service
as a request sent at once (``foi.services.filing.request_file``, which deletes the draft in
its transaction). Nothing about a draft is checked beyond its size: it may be half written.
A draft nobody saved for ``DRAFT_KEEP_DAYS`` is deleted by the scheduler's sweep, after an
e-mail that warns its author ``DRAFT_WARN_DAYS`` before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import lazy_ngettext
from sqlalchemy import delete, func, select

from foi import links
from foi.documents.store import StoredFile
from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import RequestDraft, RequestDraftFile, User
from foi.models.base import utcnow
from foi.models.request import URGENCY_LIFE, URGENCY_TIMELINESS
from foi.services.db import transaction
from foi.services.errors import DomainError, NotFound
from foi.services.filing import body_length_check, subject_length_check


def draft_save(
    *,
    owner: User,
    draft: RequestDraft | None,
    subject: str,
    body: str,
    agency_ids: Sequence[int] = (),
    urgency: str | None = None,
    publish_name: bool = False,
    files: Sequence[StoredFile] = (),
    now: datetime | None = None,
) -> RequestDraft | None:
    """Save what ``owner`` has written so far as ``draft`` (a new one when None).

    Return the draft, or None when there is nothing to keep (an empty new form: the page's
    script saving a form nobody has typed in yet creates nothing).
    """
    now = now or utcnow()
    subject, body = (subject or "").strip(), (body or "").rstrip()
    subject_length_check(subject)
    body_length_check(body)
    if urgency not in (URGENCY_LIFE, URGENCY_TIMELINESS):
        urgency = None
    if draft is not None and draft.owner_id != owner.id:
        raise NotFound()
    ids = list(dict.fromkeys(i for i in agency_ids if i))
    if draft is None and not (subject or body.strip() or files):
        return None
    with transaction() as session:
        if draft is None:
            limit = current_app.config["MAX_DRAFTS_PER_ACCOUNT"]
            if _count(owner) >= limit:
                raise DomainError(
                    lazy_ngettext(
                        "You have %(num)d draft already. Send or delete it before saving another.",
                        "You have %(num)d drafts already. "
                        "Send or delete some before saving another.",
                        limit,
                    )
                )
            draft = RequestDraft(owner_id=owner.id, created_at=now)
            session.add(draft)
        draft.subject, draft.body = subject, body
        draft.agency_ids = ",".join(str(i) for i in ids)
        draft.urgency, draft.publish_name = urgency, bool(publish_name)
        draft.updated_at, draft.warned_at = now, None  # touched: a new term starts
        wanted = {f.sha256: f for f in files}
        for row in list(draft.files):
            if row.sha256 not in wanted:
                draft.files.remove(row)
        have = {row.sha256 for row in draft.files}
        for f in files:
            if f.sha256 not in have:
                draft.files.append(
                    RequestDraftFile(sha256=f.sha256, filename=f.filename, mime=f.mime, size=f.size)
                )
                have.add(f.sha256)
    return draft


def _count(owner: User) -> int:
    counted = db.session.scalar(
        select(func.count(RequestDraft.id)).where(RequestDraft.owner_id == owner.id)
    )
    return counted or 0


def draft_files(draft: RequestDraft) -> list[StoredFile]:
    """Return the draft's attachments as stored files, ready to be filed or kept on a form."""
    return [
        StoredFile(sha256=f.sha256, size=f.size, mime=f.mime, filename=f.filename)
        for f in draft.files
    ]


def draft_delete(*, owner: User, draft: RequestDraft) -> None:
    """Delete one's own draft."""
    if draft.owner_id != owner.id:
        raise NotFound()
    with transaction() as session:
        session.delete(draft)


def drafts_erase(owner: User) -> None:
    """Delete all of ``owner``'s drafts and their files' rows, inside the caller's transaction."""
    ids = select(RequestDraft.id).where(RequestDraft.owner_id == owner.id)
    db.session.execute(delete(RequestDraftFile).where(RequestDraftFile.draft_id.in_(ids)))
    db.session.execute(delete(RequestDraft).where(RequestDraft.owner_id == owner.id))


def draft_of(owner: User, draft_id: int | None) -> RequestDraft:
    """Return ``owner``'s draft ``draft_id``; NotFound for anyone else's, or none."""
    draft = db.session.get(RequestDraft, draft_id) if draft_id else None
    if draft is None or draft.owner_id != owner.id:
        raise NotFound()
    return draft


def drafts_of(owner: User) -> list[RequestDraft]:
    """Return ``owner``'s drafts, the last saved first."""
    return list(
        db.session.scalars(
            select(RequestDraft)
            .where(RequestDraft.owner_id == owner.id)
            .order_by(RequestDraft.updated_at.desc(), RequestDraft.id.desc())
        )
    )


def draft_deletion_date(draft: RequestDraft, *, keep_days: int, warn_days: int) -> datetime:
    """Return when the sweep deletes ``draft`` if nobody saves it again.

    ``keep_days`` after its last save, and never sooner than ``warn_days`` after its author
    was warned (a scheduler that was down warns late, and the draft is kept that much longer).
    """
    due = draft.updated_at + timedelta(days=keep_days)
    if draft.warned_at is not None:
        due = max(due, draft.warned_at + timedelta(days=warn_days))
    return due


@dataclass
class DraftSweep:
    """What one sweep did: drafts whose authors were warned, drafts deleted."""

    warned: int = 0
    deleted: int = 0


def drafts_sweep(*, now: datetime, keep_days: int, warn_days: int) -> DraftSweep:
    """Warn the authors of drafts about to go, and delete the drafts whose time is up.

    Idempotent: a draft is warned once per term (``warned_at``; the e-mail's key names the
    draft and its last save, so a second scheduler adds nothing) and deleted once; saving a
    draft again starts a new term.
    """
    result = DraftSweep()
    warn_from = now - timedelta(days=max(keep_days - warn_days, 0))
    with transaction() as session:
        to_warn = session.scalars(
            select(RequestDraft)
            .where(RequestDraft.warned_at.is_(None), RequestDraft.updated_at <= warn_from)
            .order_by(RequestDraft.id)
        ).all()
        for draft in to_warn:
            draft.warned_at = now
            owner = draft.owner
            if owner.active:
                enqueue(
                    f"draft:{draft.id}:expiry:{draft.updated_at.isoformat()}",
                    owner.email,
                    "draft_expiry",
                    owner.locale,
                    user=owner,
                    draft=draft,
                    delete_on=draft_deletion_date(draft, keep_days=keep_days, warn_days=warn_days),
                    link=links.absolute("citizen.new_request", draft=draft.id),
                )
            result.warned += 1
        to_delete = session.scalars(
            select(RequestDraft)
            .where(
                RequestDraft.warned_at.is_not(None),
                RequestDraft.warned_at <= now - timedelta(days=warn_days),
                RequestDraft.updated_at <= now - timedelta(days=keep_days),
            )
            .order_by(RequestDraft.id)
        ).all()
        for draft in to_delete:
            session.delete(draft)
            result.deleted += 1
    return result
