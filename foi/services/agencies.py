"""Administrators keep the agency directory."""

import re
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from foi.extensions import db
from foi.models import Agency, User
from foi.models.agency import PUBLISH_ON_ANSWER, PUBLISH_ON_APPROVAL
from foi.models.base import utcnow
from foi.models.user import ADMIN
from foi.services.agency_import import AgencyCsvError, load_agencies_csv
from foi.services.audit import audit_record
from foi.services.db import transaction
from foi.services.errors import DomainError, NotFound
from foi.services.public_content import public_content_changed

FIELDS = (
    "slug",
    "name_az",
    "name_en",
    "name_ru",
    "kind",
    "description_az",
    "description_en",
    "description_ru",
    "topics",
    "keywords",
    "website",
    "email",
    "publish_mode",
    "active",
)


def _ensure_admin(actor: User) -> None:
    if not (actor.is_authenticated and actor.role == ADMIN):
        raise NotFound()


def _check(values: dict, agency_id: int | None) -> None:
    if not re.fullmatch(r"[a-z0-9-]{2,80}", values["slug"] or ""):
        raise DomainError(_l("Use 2–80 lower-case letters, digits or hyphens."), field="slug")
    clash = db.session.scalar(select(Agency.id).where(Agency.slug == values["slug"]))
    if clash and clash != agency_id:
        raise DomainError(_l("Another agency uses this short name."), field="slug")
    if values["publish_mode"] not in (PUBLISH_ON_APPROVAL, PUBLISH_ON_ANSWER):
        raise DomainError(_l("Choose how answers are published."), field="publish_mode")


def agency_save(
    *, actor: User, agency_id: int | None, now: datetime | None = None, **values
) -> Agency:
    """Create an agency, or update one, from the admin form."""
    now = now or utcnow()
    _ensure_admin(actor)
    _check(values, agency_id)
    with transaction() as session:
        agency = session.get(Agency, agency_id) if agency_id else Agency()
        if agency is None:
            raise NotFound()
        for name in FIELDS:
            if name in values:
                setattr(agency, name, values[name])
        session.add(agency)
        session.flush()
        audit_record(
            actor,
            "agency_updated" if agency_id else "agency_created",
            "agency",
            object_id=agency.id,
            label=agency.slug,
            fields=sorted(name for name in FIELDS if name in values),
            at=now,
        )
        public_content_changed(now=now)  # the public directory shows agencies
    return agency


def agency_import_csv(
    *, actor: User | None, stream, progress=None, now: datetime | None = None
) -> tuple[int, int]:
    """Add new agencies and update known ones (by slug) from a CSV; all or nothing.

    ``actor`` None is the operator at the command line, who needs no account.
    """
    now = now or utcnow()
    if actor is not None:
        _ensure_admin(actor)
    try:
        rows = load_agencies_csv(stream)
    except AgencyCsvError as exc:
        raise DomainError(str(exc), field="file") from exc
    created = updated = 0
    with transaction() as session:
        existing = {a.slug: a for a in session.scalars(select(Agency))}
        for number, row in enumerate(rows, 1):
            agency = existing.get(row.slug)
            if agency is None:
                agency = Agency(slug=row.slug)
                session.add(agency)
                created += 1
            else:
                updated += 1
            agency.name_az, agency.name_en, agency.name_ru = row.name_az, row.name_en, row.name_ru
            agency.kind = row.kind
            agency.description_az, agency.description_en = row.description_az, row.description_en
            agency.description_ru = row.description_ru
            agency.topics, agency.keywords = ";".join(row.topics), ";".join(row.keywords)
            agency.website, agency.email = row.website, row.email
            if progress:
                progress(number, len(rows))
        audit_record(
            actor,
            "agencies_imported",
            "agency",
            label="CSV",
            created=created,
            updated=updated,
            at=now,
        )
        public_content_changed(now=now)
    return created, updated
