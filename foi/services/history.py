"""Writing events and notifying people: the steps every use case shares."""
from datetime import datetime

from flask import url_for
from sqlalchemy import select

from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import Event, InfoRequest, User
from foi.models.base import utcnow
from foi.models.request import REQUESTER
from foi.models.user import COORDINATOR, OFFICER


def record(req: InfoRequest, kind: str, *, actor: User | None = None, visibility: str = REQUESTER,
           text: str = "", at: datetime | None = None, **data) -> Event:
    """Append an event to the request's history."""
    event = Event(request=req, kind=kind, actor=actor, visibility=visibility, text=text,
                  at=at or utcnow())
    event.data = data
    db.session.add(event)
    return event


def notify_requester(req: InfoRequest, kind: str, key_suffix: str = "", **context) -> None:
    """E-mail the requester about their request in their language."""
    requester = req.requester
    enqueue(f"req:{req.id}:{kind}{key_suffix}", requester.email, f"requester_{kind}",
            requester.locale, req=req, user=requester,
            link=url_for("citizen.request_detail", reference=req.reference, _external=True),
            **context)


def agency_staff(agency_id: int, roles=(OFFICER, COORDINATOR)) -> list[User]:
    return list(db.session.scalars(
        select(User).where(User.agency_id == agency_id, User.role.in_(roles),
                           User.active.is_(True)).order_by(User.id)))


def notify_staff(req: InfoRequest, kind: str, key_suffix: str = "", *, people=None,
                 **context) -> None:
    """E-mail the assignee, or the agency's coordinators when nobody is assigned."""
    if people is None:
        people = [req.assignee] if req.assignee else agency_staff(req.agency_id, (COORDINATOR,))
    for person in people:
        enqueue(f"req:{req.id}:{kind}{key_suffix}:u{person.id}", person.email, f"staff_{kind}",
                person.locale, req=req, user=person,
                link=url_for("officer.request_detail", reference=req.reference, _external=True),
                **context)
