"""What foi holds about a person, gathered into one ZIP: the right of access to one's data.

Azerbaijan's Law on Personal Data (No. 998-IIIQ of 11 May 2010: the data subject's right of
access; its article is not cited here until checked against the official text) and, for the
other rule packs, the GDPR (art. 15 access, art. 20 portability) ask for it. The ZIP holds
JSON files and the original files the person sent or received, and a README saying what is in
it and what is left out and why.

:data:`PERSONAL_FIELDS` is the one list of the account's personal fields: the export writes
them and the erasure (``account_deletion.account_delete``) clears them, so the two agree.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from foi import links
from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import AccountEvent, Complaint, InfoRequest, OutboxMessage, User
from foi.models.base import utcnow
from foi.models.request import INTERNAL
from foi.services.db import transaction
from foi.services.errors import NotFound
from foi.services.storage import file_store

#: The account's fields that identify the person: exported as stored, cleared on erasure.
PERSONAL_FIELDS = ("display_name", "email", "address", "phone")
#: The rest of the account, exported too (nothing here identifies the person alone).
ACCOUNT_FIELDS = ("role", "locale", "created_at", "email_confirmed_at", "active")

README = """\
This archive holds what {site} keeps about the account {email}, prepared on {at}.

account.json       your account: name, e-mail address, postal address, phone, language, and
                   the history of changes to it (who changed what, when, from which address)
requests/<ref>/    each request you filed: request.json (the request, its history as you see
                   it, the answer, your complaints) and files/ (what you sent and received)
messages.json      every e-mail the site sent to your address

Left out, and why: your password and second-factor keys are kept only as one-way hashes or
secrets that would let someone sign in as you; the agency's internal notes about a request are
their working papers (they are not shown to you on the site either).

Law on Personal Data of the Republic of Azerbaijan (No. 998-IIIQ, 11 May 2010); GDPR art. 15, 20.
"""


def erase_personal_fields(user: User, replacements: dict[str, str]) -> None:
    """Overwrite every personal field of ``user``; ``replacements`` must name each of them."""
    if set(replacements) != set(PERSONAL_FIELDS):
        raise ValueError(f"erasure must replace exactly {PERSONAL_FIELDS}")
    for name, value in replacements.items():
        setattr(user, name, value)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _plain(value):
    return _iso(value) if isinstance(value, datetime) else value


def account_record(user: User) -> dict:
    """Return the account's fields and its history of changes."""
    events = db.session.scalars(
        select(AccountEvent).where(AccountEvent.user_id == user.id).order_by(AccountEvent.id)
    )
    return {
        **{name: _plain(getattr(user, name)) for name in PERSONAL_FIELDS + ACCOUNT_FIELDS},
        "history": [
            {
                "at": _iso(e.at),
                "what": e.kind,
                "by_yourself": e.actor_id == user.id,
                "address": e.address,
                "details": e.data,
            }
            for e in events
        ],
    }


def request_record(req: InfoRequest) -> dict:
    """Return a request as its requester sees it: text, history, answer, complaints."""
    response = req.response
    complaints = db.session.scalars(
        select(Complaint).where(Complaint.request_id == req.id).order_by(Complaint.id)
    )
    return {
        "reference": req.reference,
        "agency": req.agency.name(req.requester.locale),
        "subject": req.subject,
        "body": req.body,
        "status": req.status,
        "outcome": req.outcome,
        "received_at": _iso(req.received_at),
        "due_at": _iso(req.due_at),
        "publish_name": req.publish_name,
        "history": [
            {"at": _iso(e.at), "what": e.kind, "text": e.text, "details": e.data}
            for e in req.events
            if e.visibility != INTERNAL
        ],
        "answer": None
        if response is None
        else {"outcome": response.outcome, "text": response.body, "at": _iso(response.answered_at)},
        "complaints": [
            {
                "lodged_at": _iso(c.lodged_at),
                "ground": c.ground,
                "text": c.text,
                "status": c.status,
                "decision": c.decision,
                "decided_at": _iso(c.decided_at),
            }
            for c in complaints
        ],
        "files": [d.filename for d in _files(req)],
    }


def _files(req: InfoRequest):
    # What the requester's page offers: every file of the request not hidden by moderation.
    return [d for d in req.documents if d.hidden_at is None]


def messages_record(user: User) -> list[dict]:
    """Return every e-mail sent (or waiting to be sent) to the account's address."""
    rows = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.to_addr == user.email).order_by(OutboxMessage.id)
    )
    return [
        {
            "created_at": _iso(m.created_at),
            "sent_at": _iso(m.sent_at),
            "status": m.status,
            "subject": m.subject,
            "text": m.body_text,
        }
        for m in rows
    ]


def personal_data_zip(
    user: User,
    target: Path,
    *,
    site: str = "foi",
    now: datetime | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> Path:
    """Write everything foi holds about ``user`` to the ZIP ``target``; return its path.

    Written under a temporary name and renamed when complete, so running it twice (a worker
    restarted) leaves one whole file.
    """
    now = now or utcnow()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    requests = db.session.scalars(
        select(InfoRequest).where(InfoRequest.requester_id == user.id).order_by(InfoRequest.id)
    ).all()
    store = file_store()

    def write_json(archive: zipfile.ZipFile, name: str, value) -> None:
        archive.writestr(name, json.dumps(value, ensure_ascii=False, indent=2, default=str))

    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "README.txt", README.format(site=site, email=user.email, at=now.isoformat())
        )
        write_json(archive, "account.json", account_record(user))
        for number, req in enumerate(requests, 1):
            folder = f"requests/{req.reference}"
            write_json(archive, f"{folder}/request.json", request_record(req))
            for doc in _files(req):
                path = store.path(doc.sha256)
                if path.exists():
                    archive.write(path, f"{folder}/files/{doc.id}-{doc.filename}")
            if progress:
                progress("requests", number / len(requests))
        write_json(archive, "messages.json", messages_record(user))
    partial.replace(target)
    return target


def personal_data_prepare(
    *,
    user_id: int,
    asker_id: int | None,
    job_id: int,
    directory: Path,
    site: str,
    progress: Callable[[str, float], None] | None = None,
) -> Path:
    """Write the ZIP of account ``user_id`` for job ``job_id``; e-mail its owner when they asked.

    When an administrator asked (for someone who wrote by post), the administrator downloads
    it from the job's page and nobody is e-mailed.
    """
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound()
    path = personal_data_zip(
        user, directory / f"foi-data-{user.id}-{job_id}.zip", site=site, progress=progress
    )
    if asker_id == user.id:
        with transaction():
            enqueue(
                f"job:{job_id}:personal_data",
                user.email,
                "personal_data_ready",
                user.locale,
                user=user,
                link=links.job_page(job_id),
            )
    return path
