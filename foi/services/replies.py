"""Standard replies: administrators keep each agency's reply templates; officers start from them.

A template's text has placeholders in braces, filled from the request in the request's
language: ``{reference}``, ``{due_date}``, ``{requester}`` and ``{article}``. A placeholder
that is unknown or malformed is refused when the administrator saves, and left as typed when
an older text is filled, so that filling never fails.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from babel.dates import format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from foi.extensions import db
from foi.law.citations import cite
from foi.models import Agency, InfoRequest, User
from foi.models.base import utcnow
from foi.models.reply import (
    ANSWER,
    CLARIFY,
    EXTEND,
    KINDS,
    MESSAGE,
    REFUSAL,
    TRANSFER,
    ReplyTemplate,
)
from foi.models.user import ADMIN
from foi.services.audit import audit_record
from foi.services.db import transaction
from foi.services.deadlines import law_calendar, law_pack
from foi.services.errors import DomainError, NotFound

PLACEHOLDERS = ("reference", "due_date", "requester", "article")
LANGS = ("az", "en", "ru")
FIELDS = ("agency_id", "kind", "ground", "name", "text_az", "text_en", "text_ru")
#: Which officer's form each kind of template fills.
FORM_OF_KIND = {
    CLARIFY: "clarify",
    EXTEND: "extend",
    TRANSFER: "transfer",
    REFUSAL: "answer",
    ANSWER: "answer",
    MESSAGE: "message",
}
# The letter is in the request's language, not the reader's, so these are not gettext strings.
_NEUTRAL_REQUESTER = {"az": "ərizəçi", "en": "requester", "ru": "заявитель"}
_TOKEN = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class PlaceholderProblem:
    """What was wrong with a text's braces: the placeholders not allowed, or a stray brace."""

    unknown: tuple[str, ...]
    stray_brace: bool


def placeholder_problem(text: str) -> PlaceholderProblem | None:
    """Return what is wrong with the placeholders of ``text``, or None when all is well."""
    names = [m.group(1) for m in _TOKEN.finditer(text or "")]
    unknown = tuple(dict.fromkeys(f"{{{n}}}" for n in names if n not in PLACEHOLDERS))
    rest = _TOKEN.sub("", text or "")
    stray = "{" in rest or "}" in rest
    return PlaceholderProblem(unknown, stray) if unknown or stray else None


def fill(text: str, values: dict[str, str]) -> str:
    """Put ``values`` into the placeholders of ``text``; anything else stays as typed."""
    return _TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), text or "")


def _ensure_admin(actor: User) -> None:
    if not (actor.is_authenticated and actor.role == ADMIN):
        raise NotFound()


def _allowed_message() -> str:
    names = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    return str(_l("Allowed placeholders: %(names)s.", names=names))


def _check(values: dict) -> Agency:
    agency = db.session.get(Agency, values.get("agency_id") or 0)
    if agency is None:
        raise DomainError(_l("Choose an agency."), field="agency_id")
    if values.get("kind") not in KINDS:
        raise DomainError(_l("Choose what the reply is for."), field="kind")
    grounds = {g.code for g in law_pack(agency.law_code).refusal_grounds}
    if values["kind"] == REFUSAL and values.get("ground") not in grounds:
        raise DomainError(_l("Choose a refusal ground of the agency's law."), field="ground")
    if not (values.get("name") or "").strip():
        raise DomainError(_l("Give the reply a name."), field="name")
    for lang in LANGS:
        problem = placeholder_problem(values.get(f"text_{lang}") or "")
        if problem is None:
            continue
        if problem.unknown:
            said = _l("Unknown placeholder: %(names)s.", names=", ".join(problem.unknown))
        else:
            said = _l("A brace is not closed or not opened.")
        raise DomainError(f"{said} {_allowed_message()}", field=f"text_{lang}")
    return agency


def reply_template_save(
    *, actor: User, template_id: int | None, now: datetime | None = None, **values
) -> ReplyTemplate:
    """Add an agency's standard reply, or change one, from the admin form."""
    now = now or utcnow()
    _ensure_admin(actor)
    if values.get("kind") != REFUSAL:
        values["ground"] = ""
    with transaction() as session:
        agency = _check(values)
        template = session.get(ReplyTemplate, template_id) if template_id else ReplyTemplate()
        if template is None:
            raise NotFound()
        for name in FIELDS:
            setattr(template, name, values.get(name) or "")
        template.agency_id = agency.id
        session.add(template)
        session.flush()
        audit_record(
            actor,
            "reply_updated" if template_id else "reply_created",
            "reply_template",
            object_id=template.id,
            label=template.name,
            agency=agency.slug,
            at=now,
        )
    return template


def reply_template_delete(*, actor: User, template_id: int, now: datetime | None = None) -> None:
    """Delete an agency's standard reply; letters already sent keep their text."""
    now = now or utcnow()
    _ensure_admin(actor)
    with transaction() as session:
        template = session.get(ReplyTemplate, template_id)
        if template is None:
            raise NotFound()
        audit_record(
            actor,
            "reply_deleted",
            "reply_template",
            object_id=template.id,
            label=template.name,
            at=now,
        )
        session.delete(template)


def reply_templates(actor: User) -> list[ReplyTemplate]:
    """Return every agency's standard replies for the administrator, by agency and kind."""
    _ensure_admin(actor)
    query = select(ReplyTemplate).order_by(
        ReplyTemplate.agency_id, ReplyTemplate.kind, ReplyTemplate.name
    )
    return list(db.session.scalars(query))


def reply_template(actor: User, template_id: int) -> ReplyTemplate:
    """Return one standard reply for the administrator to edit."""
    _ensure_admin(actor)
    template = db.session.get(ReplyTemplate, template_id)
    if template is None:
        raise NotFound()
    return template


def replies_for_request(req: InfoRequest) -> dict[str, list[ReplyTemplate]]:
    """Return the request's agency's replies, by the officer's form they fill.

    ``req`` comes from ``request_for_staff``, which has checked the reader works there.
    """
    query = (
        select(ReplyTemplate)
        .where(ReplyTemplate.agency_id == req.agency_id)
        .order_by(ReplyTemplate.kind, ReplyTemplate.name)
    )
    found: dict[str, list[ReplyTemplate]] = {form: [] for form in FORM_OF_KIND.values()}
    for template in db.session.scalars(query):
        found[FORM_OF_KIND[template.kind]].append(template)
    return found


def replies_of_kind(agency_id: int | None, kind: str) -> list[ReplyTemplate]:
    """Return the agency's standard replies of one kind, by name (the bulk actions' choices)."""
    if agency_id is None:  # staff of no agency (the oversight body) have no standard replies
        return []
    query = (
        select(ReplyTemplate)
        .where(ReplyTemplate.agency_id == agency_id, ReplyTemplate.kind == kind)
        .order_by(ReplyTemplate.name, ReplyTemplate.id)
    )
    return list(db.session.scalars(query))


def reply_for_request(req: InfoRequest, template_id: int) -> ReplyTemplate:
    """Return a reply of the request's agency; another agency's is not found (404)."""
    template = db.session.get(ReplyTemplate, template_id)
    if template is None or template.agency_id != req.agency_id:
        raise NotFound()
    return template


def article_of(template: ReplyTemplate, req: InfoRequest) -> str:
    """Return the citation of the law's article for the template's action, as the pack has it."""
    pack = law_pack(req.agency.law_code)
    if template.kind == REFUSAL:
        ground = next((g for g in pack.refusal_grounds if g.code == template.ground), None)
        return ground.article if ground else pack.refusal_article
    period = {CLARIFY: pack.clarification, EXTEND: pack.extension, TRANSFER: pack.transfer}
    if template.kind == TRANSFER and pack.transfer_article:
        return pack.transfer_article
    chosen = period.get(template.kind) or pack.response
    return chosen.article


def reply_text(template: ReplyTemplate, req: InfoRequest) -> str:
    """Return the template's text in the request's language, filled from the request."""
    lang = req.lang if req.lang in LANGS else "az"
    due = ""
    if req.due_at is not None:
        day = law_calendar(req.agency.law_code).local(req.due_at).date()
        due = format_date(day, "long", locale=lang)
    requester = req.requester.display_name if req.publish_name else _NEUTRAL_REQUESTER[lang]
    values = {
        "reference": req.reference,
        "due_date": due,
        "requester": requester,
        "article": cite(article_of(template, req), lang),
    }
    return fill(template.text(lang), values)
