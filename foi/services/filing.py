"""Citizens file requests; the system routes them and starts the legal clock."""

import secrets
from collections.abc import Sequence
from datetime import datetime

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import select

from foi.agency_suggest import AgencyProfile, suggest_agencies
from foi.documents.uploads import StoredFile, UploadPolicy, UploadRejected, accept_upload
from foi.extensions import db
from foi.models import (
    Agency,
    Document,
    InfoRequest,
    ModerationFlag,
    ReferenceCounter,
    RequestDraft,
    RequestGroup,
    User,
)
from foi.models.base import utcnow
from foi.models.document import FROM_REQUESTER
from foi.models.moderation import RATE_LIMIT
from foi.models.request import PUBLIC, REQUESTER, URGENCY_LIFE, URGENCY_TIMELINESS
from foi.requests.states import EventKind, RequestStatus, request_transition
from foi.services.db import transaction
from foi.services.deadlines import refresh_due
from foi.services.errors import DomainError
from foi.services.history import notify_requester, notify_staff, record
from foi.services.ocr import documents_ocr_enqueue
from foi.services.permissions import Action, ensure_allowed
from foi.services.storage import file_store
from foi.topics import topic_words

MAX_SUBJECT = 300
MAX_BODY = 20_000


def next_reference(prefix: str, year: int) -> str:
    """Take the next number of the year for ``prefix``: ``AZ-2026-000123``."""
    counter = db.session.execute(
        select(ReferenceCounter)
        .where(ReferenceCounter.prefix == prefix, ReferenceCounter.year == year)
        .with_for_update()
    ).scalar_one_or_none()
    if counter is None:
        counter = ReferenceCounter(prefix=prefix, year=year, last=0)
        db.session.add(counter)
    counter.last += 1
    return f"{prefix}-{year}-{counter.last:06d}"


def agencies_suggest(text: str, limit: int = 3) -> list[tuple[Agency, float]]:
    """Suggest the agencies most likely to hold the information described in ``text``."""
    agencies = db.session.scalars(select(Agency).where(Agency.active.is_(True))).all()
    by_id = {a.id: a for a in agencies}
    profiles = [
        AgencyProfile(a.id, a.name_az, a.keyword_list, topic_words(a.topic_list)) for a in agencies
    ]
    return [(by_id[s.agency_id], s.score) for s in suggest_agencies(text, profiles, limit)]


def store_uploads(uploads, already_used: int = 0) -> list:
    """Validate and store uploaded files; raise DomainError on the first bad one."""
    config = current_app.config
    policy = UploadPolicy(
        max_file_bytes=config["MAX_FILE_BYTES"], max_request_bytes=config["MAX_REQUEST_FILES_BYTES"]
    )
    stored, used = [], already_used
    for stream, filename in uploads:
        try:
            item = accept_upload(stream, filename, policy, file_store(), already_used_bytes=used)
        except UploadRejected as exc:
            raise DomainError(exc.message, field="attachments") from exc
        used += item.size
        stored.append(item)
    return stored


def documents_add(
    req: InfoRequest, stored: Sequence[StoredFile], *, source: str, uploader: User
) -> list[Document]:
    """Attach the files :func:`store_uploads` stored to ``req``, as the requester's or the agency's.

    Runs inside the caller's transaction; returns the new rows, whose OCR the caller queues
    once it committed (``foi.services.ocr.documents_ocr_enqueue``).
    """
    documents = [
        Document(
            request=req,
            source=source,
            sha256=item.sha256,
            filename=item.filename,
            mime=item.mime,
            size=item.size,
            uploaded_by_id=uploader.id,
        )
        for item in stored
    ]
    db.session.add_all(documents)
    return documents


def subject_length_check(subject: str) -> None:
    """Refuse a subject longer than ``MAX_SUBJECT``, by its field."""
    if len(subject) > MAX_SUBJECT:
        raise DomainError(
            lazy_ngettext(
                "Keep the subject under %(num)d character.",
                "Keep the subject under %(num)d characters.",
                MAX_SUBJECT,
            ),
            field="subject",
        )


def body_length_check(body: str) -> None:
    """Refuse a request's text longer than ``MAX_BODY``, by its field."""
    if len(body) > MAX_BODY:
        raise DomainError(
            lazy_ngettext(
                "Keep the request under %(num)d character.",
                "Keep the request under %(num)d characters.",
                MAX_BODY,
            ),
            field="body",
        )


def check_request_text(subject: str, body: str, urgency: str | None) -> tuple[str, str]:
    """Return the subject and text stripped, or raise DomainError at the field that is wrong."""
    subject, body = subject.strip(), body.strip()
    if not subject:
        raise DomainError(_l("Say in a few words what you are asking for."), field="subject")
    subject_length_check(subject)
    if not body:
        raise DomainError(_l("Describe the information you are asking for."), field="body")
    body_length_check(body)
    if urgency not in (None, URGENCY_LIFE, URGENCY_TIMELINESS):
        raise DomainError(_l("Choose one of the urgency options."), field="urgency")
    return subject, body


def request_file(
    *,
    requester: User,
    agency_id: int | None,
    subject: str,
    body: str,
    urgency: str | None = None,
    publish_name: bool = False,
    uploads=(),
    kept: Sequence[StoredFile] = (),
    lang: str = "az",
    suggested: bool = False,
    for_review: bool = False,
    also_agency_ids: Sequence[int] = (),
    draft: RequestDraft | None = None,
    now: datetime | None = None,
) -> InfoRequest:
    """File a request with an agency, start its clock and acknowledge it by e-mail.

    From an account whose e-mail address is not confirmed the request is held instead: kept
    for its requester only, with no number, clock, or e-mail, until
    :func:`held_requests_file` sends it on when the address is confirmed. ``for_review`` (the
    account filed past the rate limits) holds it too, in the administrators' moderation queue,
    until one of them files it (``foi.services.moderation.moderation_restore``).

    With ``also_agency_ids`` the same text goes to those agencies too, in the same transaction:
    each gets a request of its own (reference, deadline, history), tied to the others by one
    :class:`RequestGroup`. ``draft`` (the requester's own) is deleted as the request is filed.
    Return the request to the first agency.
    """
    subject, body = check_request_text(subject, body, urgency)
    agencies = _agencies_chosen(agency_id, also_agency_ids)
    if draft is not None and draft.owner_id != requester.id:
        raise DomainError(_l("This draft is not yours."))
    # ``kept``: files stored while the form was shown again (foi.services.kept_files).
    stored = list(kept) + store_uploads(uploads, already_used=sum(f.size for f in kept))
    now = now or utcnow()

    held = requester.email_confirmed_at is None or for_review
    with transaction() as session:
        group = RequestGroup(created_at=now) if len(agencies) > 1 else None
        filed = [
            _request_add(
                requester=requester,
                agency=agency,
                subject=subject,
                body=body,
                urgency=urgency,
                publish_name=publish_name,
                lang=lang,
                group=group,
                held=held,
                for_review=for_review,
                suggested=suggested and agency.id == agencies[0].id,
                stored=stored,
                now=now,
            )
            for agency in agencies
        ]
        if draft is not None:
            session.delete(draft)
        session.flush()
        if not held:
            for req in filed:
                _start_clock(req)
        documents = [doc for req in filed for doc in req.documents]
    documents_ocr_enqueue(documents, user=requester)
    return filed[0]


#: Said by "Send it to other agencies too" when the agency chosen above is ticked there too.
MAIN_AGENCY_TICKED_TOO = _l(
    "The agency chosen above is ticked here too; it gets the request once, so we left it out "
    "of this list. Check the other agencies and send the request again."
)


def _agencies_chosen(agency_id: int | None, also_agency_ids: Sequence[int]) -> list[Agency]:
    """Return the agencies a request goes to, the main one first, each once."""
    agency = db.session.get(Agency, agency_id) if agency_id else None
    if agency is None or not agency.active:
        raise DomainError(_l("Choose the agency that holds the information."), field="agency_id")
    chosen = [agency]
    for other_id in also_agency_ids:
        if other_id == agency.id:
            # The form leaves the main agency out of its list; ticked anyway (no script, the
            # main one changed after), it is said rather than dropped: maybe another was meant.
            raise DomainError(MAIN_AGENCY_TICKED_TOO, field="also_agency_ids")
        if other_id in {a.id for a in chosen}:
            continue
        other = db.session.get(Agency, other_id)
        if other is None or not other.active:
            raise DomainError(
                _l("One of the other agencies chosen no longer takes requests."),
                field="also_agency_ids",
            )
        chosen.append(other)
    limit = current_app.config["MAX_AGENCIES_PER_REQUEST"]
    if len(chosen) > limit:
        raise DomainError(
            lazy_ngettext(
                "Send one request to at most %(num)d agency at once.",
                "Send one request to at most %(num)d agencies at once.",
                limit,
            ),
            field="also_agency_ids",
        )
    return chosen


def _request_add(
    *,
    requester: User,
    agency: Agency,
    subject: str,
    body: str,
    urgency: str | None,
    publish_name: bool,
    lang: str,
    group: RequestGroup | None,
    held: bool,
    for_review: bool,
    suggested: bool,
    stored: Sequence[StoredFile],
    now: datetime,
) -> InfoRequest:
    """Add one request to ``agency`` with its files, inside the caller's transaction."""
    session = db.session
    req = InfoRequest(
        # A held request gets the agency's number when it is filed: no gaps in the register.
        reference=f"HOLD-{secrets.token_hex(5).upper()}"
        if held
        else next_reference(agency.law_code.upper(), now.year),
        requester=requester,
        agency=agency,
        subject=subject,
        body=body,
        lang=lang,
        urgency=urgency,
        publish_name=publish_name,
        received_at=now,
        created_at=now,
    )
    if group is not None:
        req.group = group
    session.add(req)
    if held:
        request_transition(req, EventKind.HELD)
        record(req, EventKind.HELD, actor=requester, visibility=REQUESTER, at=now)
        if for_review:
            req.hidden_at, req.hidden_reason = now, RATE_LIMIT
            session.add(ModerationFlag(request=req, reason=RATE_LIMIT, created_at=now))
    else:
        _send_to_agency(req, now, suggested=suggested)
    documents_add(req, stored, source=FROM_REQUESTER, uploader=requester)
    return req


def _send_to_agency(req: InfoRequest, now: datetime, *, suggested: bool = False) -> None:
    request_transition(req, EventKind.FILED)
    record(req, EventKind.FILED, actor=req.requester, visibility=PUBLIC, at=now)
    record(
        req,
        EventKind.ROUTED,
        actor=req.requester,
        visibility=PUBLIC,
        at=now,
        agency_id=req.agency_id,
        suggested=suggested,
    )


def _start_clock(req: InfoRequest) -> None:
    result = refresh_due(req)
    notify_requester(req, "acknowledgement", explanation=result.explain(req.requester_locale))
    notify_staff(req, "new_request")


def held_requests_file(*, requester: User, now: datetime) -> list[InfoRequest]:
    """File the requests held for ``requester``, received ``now``: the address is confirmed.

    Runs inside the caller's transaction (the confirmation's). The agency receives each
    request now, so the law's clock starts now (AZ art. 24.1, 24.5: counted from registration,
    the day an online request arrives), not when the citizen first typed it.
    """
    held = db.session.scalars(
        select(InfoRequest)
        .where(InfoRequest.requester_id == requester.id, InfoRequest.status == RequestStatus.HELD)
        .order_by(InfoRequest.id)
    ).all()
    # Held past the rate limits: an administrator files those (foi.services.moderation).
    held = [req for req in held if req.hidden_at is None]
    for req in held:
        held_request_file(req, now=now)
    return held


def held_request_file(req: InfoRequest, *, now: datetime) -> None:
    """File one held request, received ``now``, inside the caller's transaction."""
    req.reference = next_reference(req.agency.law_code.upper(), now.year)
    req.received_at = now
    _send_to_agency(req, now)
    db.session.flush()
    _start_clock(req)


def request_withdraw(
    *, requester: User, req: InfoRequest, reason: str = "", now: datetime | None = None
) -> None:
    """Withdraw one's own open request."""
    now = now or utcnow()
    ensure_allowed(requester, req, Action.WITHDRAW)
    with transaction():
        withdrawal_record(req, actor=requester, text=reason.strip(), now=now)
        notify_staff(req, "withdrawn")


def withdrawal_record(req: InfoRequest, *, actor: User, text: str, now: datetime, **data) -> None:
    """Inside the caller's transaction: the request is withdrawn, its clock stops (public)."""
    request_transition(req, EventKind.WITHDRAWN)
    req.due_at = None
    record(req, EventKind.WITHDRAWN, actor=actor, visibility=PUBLIC, text=text, at=now, **data)
