"""A forgotten password: the e-mailed reset link and the new password it sets."""

import hashlib
from datetime import datetime

from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired

from foi import links
from foi.mail.outbox import enqueue
from foi.models import User
from foi.models.base import utcnow
from foi.services import accounts, login_sessions, remembered_devices
from foi.services.db import transaction
from foi.services.errors import DomainError
from foi.services.login_sessions import sessions_end

RESET_MAX_AGE = 2 * 3600


def password_reset_request(email: str, locale: str = "az", now: datetime | None = None) -> None:
    """Queue one e-mail to ``email``: a reset link if an account uses it, else a note saying so.

    The page answers the same either way, and this does the same work either way (one look-up,
    one outbox row, one commit), so neither the answer nor its time tells who has an account;
    only the mailbox's owner learns it. The outbox sends the e-mail later, not this request.
    """
    now = now or utcnow()
    address = email.strip().lower()
    user = accounts.user_by_email(address)
    with transaction():
        if user is not None:
            token = accounts.signed_tokens("reset").dumps([user.id, user.password_hash[-12:]])
            enqueue(
                f"user:{user.id}:reset:{now:%Y%m%d%H%M%S}",
                user.email,
                "password_reset",
                user.locale,
                user=user,
                link=links.reset_password(token),
            )
        else:
            named = hashlib.sha256(address.encode()).hexdigest()[:32]  # keys are 200 at most
            enqueue(
                f"reset-no-account:{named}:{now:%Y%m%d%H%M%S}",
                address,
                "password_reset_no_account",
                locale,
                register_link=links.absolute("auth.register"),
            )


def password_reset(token: str, password: str, *, now: datetime | None = None) -> User:
    """Set a new password from a reset link; the link dies with the old password."""
    now = now or utcnow()
    try:
        user_id, stamp = accounts.signed_tokens("reset").loads(token, max_age=RESET_MAX_AGE)
    except (BadSignature, SignatureExpired, ValueError):
        raise DomainError(_l("This reset link is invalid or has expired.")) from None
    accounts.password_long_enough(password)
    with transaction() as session:
        user = session.get(User, user_id)
        if user is None or user.password_hash[-12:] != stamp:
            raise DomainError(_l("This reset link is invalid or has expired."))
        user.password_hash = accounts.hash_password(password)
        if user.email_confirmed_at is None:
            accounts.address_confirmed(user, now)  # they proved they read the mailbox
        remembered_devices.devices_delete(user)
        # Whoever had the old password (or a copied cookie) is signed out everywhere.
        sessions_end(user, reason=login_sessions.PASSWORD_RESET, now=now)
    return user
