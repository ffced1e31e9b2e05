"""Citizens file requests; the system routes them and starts the legal clock."""
from datetime import datetime

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from foi.demo.topics import topic_words
from foi.documents.uploads import UploadPolicy, UploadRejected, accept_upload
from foi.extensions import db
from foi.models import Agency, Document, InfoRequest, ReferenceCounter, User
from foi.models.base import utcnow
from foi.models.document import FROM_REQUESTER
from foi.models.request import PUBLIC, URGENCY_LIFE, URGENCY_TIMELINESS, WITHDRAWN
from foi.routing import AgencyProfile, suggest_agencies
from foi.services.db import transaction
from foi.services.deadlines import refresh_due
from foi.services.errors import DomainError
from foi.services.history import notify_requester, notify_staff, record
from foi.services.storage import file_store

MAX_SUBJECT = 300
MAX_BODY = 20_000


def next_reference(prefix: str, year: int) -> str:
    """Take the next number of the year for ``prefix``: ``AZ-2026-000123``."""
    counter = db.session.execute(
        select(ReferenceCounter).where(ReferenceCounter.prefix == prefix,
                                       ReferenceCounter.year == year).with_for_update()
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
    profiles = [AgencyProfile(a.id, a.name_az, a.keyword_list, topic_words(a.topic_list))
                for a in agencies]
    return [(by_id[s.agency_id], s.score) for s in suggest_agencies(text, profiles, limit)]


def store_uploads(uploads, already_used: int = 0) -> list:
    """Validate and store uploaded files; raise DomainError on the first bad one."""
    config = current_app.config
    policy = UploadPolicy(max_file_bytes=config["MAX_FILE_BYTES"],
                          max_request_bytes=config["MAX_REQUEST_FILES_BYTES"])
    stored, used = [], already_used
    for stream, filename in uploads:
        try:
            item = accept_upload(stream, filename, policy, file_store(), already_used_bytes=used)
        except UploadRejected as exc:
            raise DomainError(exc.message, field="attachments") from exc
        used += item.size
        stored.append(item)
    return stored


def request_file(*, requester: User, agency_id: int | None, subject: str, body: str,
                 urgency: str | None = None, publish_name: bool = False, uploads=(),
                 lang: str = "az", suggested: bool = False, now: datetime | None = None
                 ) -> InfoRequest:
    """File a request with an agency, start its clock and acknowledge it by e-mail."""
    subject, body = subject.strip(), body.strip()
    if not subject:
        raise DomainError(_l("Say in a few words what you are asking for."), field="subject")
    if len(subject) > MAX_SUBJECT:
        raise DomainError(_l("Keep the subject under %(n)d characters.", n=MAX_SUBJECT),
                          field="subject")
    if not body:
        raise DomainError(_l("Describe the information you are asking for."), field="body")
    if len(body) > MAX_BODY:
        raise DomainError(_l("Keep the request under %(n)d characters.", n=MAX_BODY), field="body")
    if urgency not in (None, URGENCY_LIFE, URGENCY_TIMELINESS):
        raise DomainError(_l("Choose one of the urgency options."), field="urgency")
    agency = db.session.get(Agency, agency_id) if agency_id else None
    if agency is None or not agency.active:
        raise DomainError(_l("Choose the agency that holds the information."), field="agency_id")
    stored = store_uploads(uploads)
    now = now or utcnow()

    with transaction() as session:
        req = InfoRequest(
            reference=next_reference(agency.law_code.upper(), now.year),
            requester=requester, agency=agency, subject=subject, body=body, lang=lang,
            urgency=urgency, publish_name=publish_name, received_at=now, created_at=now)
        session.add(req)
        record(req, "filed", actor=requester, visibility=PUBLIC, at=now)
        record(req, "routed", actor=requester, visibility=PUBLIC, at=now,
               agency_id=agency.id, suggested=suggested)
        for item in stored:
            session.add(Document(request=req, source=FROM_REQUESTER, sha256=item.sha256,
                                 filename=item.filename, mime=item.mime, size=item.size,
                                 uploaded_by_id=requester.id))
        session.flush()
        result = refresh_due(req)
        notify_requester(req, "acknowledgement", explanation=result.explain(requester.locale))
        notify_staff(req, "new_request")
    return req


def request_withdraw(*, requester: User, req: InfoRequest, reason: str = "") -> None:
    """Withdraw one's own open request."""
    if req.requester_id != requester.id:
        raise DomainError(_l("Not found."))
    if not req.is_open:
        raise DomainError(_l("Only a request that has not been answered can be withdrawn."))
    with transaction():
        req.status = WITHDRAWN
        req.due_at = None
        record(req, "withdrawn", actor=requester, visibility=PUBLIC, text=reason.strip())
        notify_staff(req, "withdrawn")
