"""Writing events and notifying people: the steps every use case shares."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from foi import links
from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import Event, InfoRequest, User
from foi.models.base import utcnow
from foi.models.request import REQUESTER
from foi.models.user import COORDINATOR, OFFICER
from foi.services.audit import client_address


def record(
    req: InfoRequest,
    kind: str,
    *,
    actor: User | None = None,
    visibility: str = REQUESTER,
    text: str = "",
    at: datetime | None = None,
    **data,
) -> Event:
    """Append an event to the request's history."""
    event = Event(
        request=req,
        kind=kind,
        actor=actor,
        visibility=visibility,
        text=text,
        at=at or utcnow(),
        address=client_address.get() if actor is not None else None,
    )
    event.data = data
    db.session.add(event)
    return event


@dataclass(frozen=True)
class Addressee:
    """A requester with no account: the name and e-mail address staff wrote down off-line."""

    display_name: str
    locale: str
    email: str


def notify_requester(req: InfoRequest, kind: str, key_suffix: str = "", **context) -> None:
    """E-mail the requester about their request in their language.

    A request received off-line from a person with no account is written to at the e-mail
    address the staff wrote down; without one, nothing is e-mailed: the letter goes by post
    (foi.services.post_letters.letters_to_post).
    """
    requester = req.requester or Addressee(req.requester_name, req.lang, req.requester_email)
    if not requester.email:
        return
    enqueue(
        f"req:{req.id}:{kind}{key_suffix}",
        requester.email,
        f"requester_{kind}",
        requester.locale,
        req=req,
        user=requester,
        link=links.requester_request(req.reference),
        **context,
    )


def agency_staff(agency_id: int, roles=(OFFICER, COORDINATOR)) -> list[User]:
    """Return the active officers and coordinators (or ``roles``) of an agency, oldest first."""
    return list(
        db.session.scalars(
            select(User)
            .where(User.agency_id == agency_id, User.role.in_(roles), User.active.is_(True))
            .order_by(User.id)
        )
    )


def notify_staff(
    req: InfoRequest, kind: str, key_suffix: str = "", *, people=None, **context
) -> None:
    """E-mail the assignee, or the agency's coordinators when nobody is assigned."""
    if people is None:
        people = [req.assignee] if req.assignee else agency_staff(req.agency_id, (COORDINATOR,))
    for person in people:
        enqueue(
            f"req:{req.id}:{kind}{key_suffix}:u{person.id}",
            person.email,
            f"staff_{kind}",
            person.locale,
            req=req,
            user=person,
            link=links.staff_request(req.reference),
            **context,
        )
