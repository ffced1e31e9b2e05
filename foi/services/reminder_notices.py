"""What the deadline reminders and overdue notices say, and to whom (the sweep is ``reminders``).

A sweep reads the requests as plain rows (``DueRequest``), not ORM objects, and looks up the
calendars and the agencies' coordinators once (``SweepContext``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import select

from foi.extensions import db
from foi.law import complaint_window
from foi.law.calendar import WorkingCalendar
from foi.law.citations import cite
from foi.links import RequestLinks
from foi.mail.bulk import Mail, MailRenderer
from foi.models import User
from foi.models.user import COORDINATOR
from foi.services.deadlines import law_calendar, law_pack


class AgencyNames:
    """The agency fields e-mail templates use, without loading the ORM object."""

    def __init__(self, name_az: str, name_en: str, name_ru: str) -> None:
        self._names = {"az": name_az, "en": name_en, "ru": name_ru}

    def name(self, locale: str = "az") -> str:
        """Return the agency's name in ``locale``, or in Azerbaijani."""
        return self._names.get(locale) or self._names["az"]


@dataclass
class Person:
    """Someone a notice goes to: an officer, a coordinator, the requester."""

    id: int | None  # None: a requester with no account (received off-line)
    email: str
    display_name: str
    locale: str


@dataclass
class DueRequest:
    """The fields of an open request a sweep reads, without loading the ORM objects."""

    id: int
    reference: str
    subject: str
    status: str
    due_at: datetime | None
    deadline_version: int
    agency_id: int
    law_code: str
    agency: AgencyNames
    assignee: Person | None
    requester: Person


class SweepContext:
    """What a sweep looks up once: calendars, packs, coordinators, links."""

    def __init__(self) -> None:
        self.calendars: dict[str, WorkingCalendar] = {}
        self.coordinators: dict[int, list[Person]] = {}
        self.renderer = MailRenderer()
        self.links = RequestLinks()

    def calendar(self, law: str) -> WorkingCalendar:
        """Return the working calendar of ``law``, built once a sweep."""
        if law not in self.calendars:
            self.calendars[law] = law_calendar(law)
        return self.calendars[law]

    def coordinators_of(self, agency_ids: set[int]) -> None:
        """Look up once the active coordinators of these agencies."""
        missing = agency_ids - set(self.coordinators)
        for agency_id in missing:
            self.coordinators[agency_id] = []
        if missing:
            rows = db.session.execute(
                select(User.agency_id, User.id, User.email, User.display_name, User.locale)
                .where(User.agency_id.in_(missing), User.role == COORDINATOR, User.active.is_(True))
                .order_by(User.id)
            )
            for agency, user_id, email, name, locale in rows:
                # Never None: the query asked for these agencies' coordinators only.
                self.coordinators[cast(int, agency)].append(Person(user_id, email, name, locale))


def _complaint_fields(req: DueRequest, ctx: SweepContext, locale: str) -> dict[str, str]:
    """Say where and by when the requester may complain about the missed deadline."""
    pack = law_pack(req.law_code)
    body = pack.oversight
    fields = {
        "complain_to": body.name.get(locale) or body.name.get("en", ""),
        "complain_article": cite(body.article, locale),
        "complain_url": body.url,
        "complain_by": "",
        "complain_by_article": "",
    }
    if req.due_at is None:  # no deadline, nothing missed (the sweep only warns of a due date)
        return fields
    try:
        window = complaint_window(pack, ctx.calendar(req.law_code), req.due_at)
    except LookupError:
        return fields  # the law sets no time limit for complaining
    fields.update(
        complain_by=ctx.renderer.date(window.due_at, locale),
        complain_by_article=cite(pack.complaint_window.article, locale),
    )
    return fields


def _fields(req: DueRequest, person: Person, link: str, ctx: SweepContext) -> dict[str, str]:
    return {
        "reference": req.reference,
        "subject": req.subject,
        "name": person.display_name,
        "due": ctx.renderer.datetime(req.due_at, person.locale) if req.due_at else "",
        "link": link,
    }


def notices_due(req: DueRequest, kind: str, left: int, ctx: SweepContext) -> list[Mail]:
    """Return the e-mails of the ``kind`` of notice due for ``req`` (``left`` working days)."""
    version = f"v{req.deadline_version}"
    staff_link = ctx.links.staff_request(req.reference)
    if kind == "overdue":
        people = list(ctx.coordinators[req.agency_id])
        if req.assignee and all(p.id != req.assignee.id for p in people):
            people.append(req.assignee)
        mails = [
            Mail(
                f"req:{req.id}:overdue:{version}:u{p.id}",
                p.email,
                "staff_overdue",
                p.locale,
                fields=_fields(req, p, staff_link, ctx),
            )
            for p in people
        ]
        who = req.requester
        link = ctx.links.requester_request(req.reference)
        mails.append(
            Mail(
                f"req:{req.id}:overdue:{version}:requester",
                who.email,
                "requester_overdue",
                who.locale,
                fields={
                    **_fields(req, who, link, ctx),
                    "agency": req.agency.name(who.locale),
                    **_complaint_fields(req, ctx, who.locale),
                    # The complaint form on the request's page: the law's own ground is met.
                    "complain_here": f"{link}#complaint",
                },
            )
        )
        return mails
    people = [req.assignee] if req.assignee else ctx.coordinators[req.agency_id]
    return [
        Mail(
            f"req:{req.id}:{kind}:{version}:u{p.id}",
            p.email,
            "staff_due_soon",
            p.locale,
            {"days_left": left},
            _fields(req, p, staff_link, ctx),
        )
        for p in people
    ]
