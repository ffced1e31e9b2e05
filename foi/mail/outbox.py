"""Enqueue e-mail inside the caller's transaction; the sender delivers it after the commit."""

from flask import render_template
from flask_babel import force_locale
from sqlalchemy import select

from foi.extensions import db
from foi.models import OutboxMessage


def enqueue(key: str, to_addr: str, template: str, locale: str = "az", **context) -> bool:
    """Add a message rendered from ``templates/email/<template>.txt`` unless ``key`` exists.

    The key names the business fact (request, kind, deadline version), so enqueueing the same
    fact twice, from a retried sweep or a second scheduler, adds nothing.
    """
    if not to_addr:
        return False
    if db.session.execute(select(OutboxMessage.id).where(OutboxMessage.key == key)).first():
        return False
    with force_locale(locale):
        text = render_template(f"email/{template}.txt", **context)
    subject, _, body = text.partition("\n")
    db.session.add(
        OutboxMessage(
            key=key,
            to_addr=to_addr,
            subject=subject.removeprefix("Subject:").strip(),
            body_text=body.lstrip("\n"),
        )
    )
    return True
