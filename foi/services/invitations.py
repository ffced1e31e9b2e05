"""Accounts created by an administrator: the invitation link and the first password."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired

from foi import links
from foi.models import User
from foi.models.account_event import PASSWORD_SET
from foi.models.base import utcnow
from foi.services import accounts
from foi.services.db import transaction
from foi.services.errors import DomainError

INVITATION_MAX_AGE = 7 * 24 * 3600  # staff read the invitation when they start, not at once


def invitation_link(user: User) -> str:
    """Return the link with which an invited person sets their first password."""
    token = accounts.signed_tokens("invite").dumps([user.id, user.password_hash[-12:]])
    return links.accept_invitation(token)


def invitation_accept(token: str, password: str, *, now: datetime | None = None) -> User:
    """Set the first password from an invitation; the link works once and for 7 days."""
    now = now or utcnow()
    try:
        user_id, stamp = accounts.signed_tokens("invite").loads(token, max_age=INVITATION_MAX_AGE)
    except (BadSignature, SignatureExpired, ValueError):
        raise DomainError(
            _l(
                "This invitation link is invalid or has expired. Ask an "
                "administrator to send a new one."
            )
        ) from None
    accounts.password_long_enough(password)
    with transaction() as session:
        user = session.get(User, user_id)
        if user is None or not user.active or user.password_hash[-12:] != stamp:
            raise DomainError(
                _l(
                    "This invitation link is invalid or has expired. Ask an "
                    "administrator to send a new one."
                )
            )
        user.password_hash = accounts.hash_password(password)
        if user.email_confirmed_at is None:
            user.email_confirmed_at = now
        accounts.account_record(user, PASSWORD_SET, actor=user, at=now)
    return user
