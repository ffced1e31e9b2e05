"""What every account use case shares: passwords, signed links, look-ups, the audit trail.

Also checking a password (``user_authenticate``), logging out and the account's language.
Registration is in ``registration``, the password reset in ``password_reset``, invitations
in ``invitations``, the account page in ``account_page``, deletion in ``account_deletion``;
logging in, with its throttling, in ``login_throttle``.
"""

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from foi.extensions import db
from foi.models import (
    AccountEvent,
    User,
)
from foi.models.base import utcnow
from foi.services import login_sessions
from foi.services.audit import client_address
from foi.services.db import transaction
from foi.services.errors import DomainError
from foi.services.filing import held_requests_file
from foi.services.login_sessions import sessions_end
from foi.services.offline import offline_requests_join

_HASHERS = {
    "default": PasswordHasher(),  # RFC 9106 low-memory profile, argon2-cffi's default
    # Tests only: the same algorithm with tiny costs, so that logging in 100 times is quick.
    "fast-insecure-for-tests": PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1),
}


def _hasher() -> PasswordHasher:
    return _HASHERS[current_app.config.get("PASSWORD_HASHER", "default")]


MIN_PASSWORD = 10


DELETED_NAME = "Deleted user"  # stored, not translated: it replaces a person's own name
DELETED_DOMAIN = "deleted.invalid"  # RFC 2606: can never receive mail


def hash_password(password: str) -> str:
    """Return the argon2 hash of ``password``, to store instead of it."""
    return _hasher().hash(password)


def signed_tokens(purpose: str) -> URLSafeTimedSerializer:
    """Return the signer of the links e-mailed for ``purpose`` (reset, confirm, unlock...)."""
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"foi-{purpose}")


def user_by_email(email: str) -> User | None:
    """Return the account of ``email`` (any case, outer spaces ignored), or None."""
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


@contextmanager
def address_unique(email: str, message, field: str | None = "email") -> Iterator[None]:
    """Give ``message`` if ``email`` was taken by someone else while the block ran.

    The check before a use case does not close the race between two people (or two clicks)
    giving one address at the same moment: the database's unique index does, and the loser
    gets the same error as the check gives, not a server error.
    """
    try:
        yield
    except IntegrityError:
        db.session.rollback()
        if user_by_email(email) is None:
            raise
        raise DomainError(message, field=field) from None


def password_long_enough(password: str, field: str = "password") -> None:
    """Refuse, by ``field``, a new password shorter than ``MIN_PASSWORD``."""
    if len(password) < MIN_PASSWORD:
        raise DomainError(
            lazy_ngettext(
                "Use at least %(num)d character.", "Use at least %(num)d characters.", MIN_PASSWORD
            ),
            field=field,
        )


def password_check(user: User, password: str, field: str = "current_password") -> None:
    """Refuse, by ``field``, a password that is not the account's current one."""
    try:
        _hasher().verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        raise DomainError(_l("This is not your current password."), field=field) from None


def address_confirmed(user: User, now: datetime) -> None:
    """Mark the address confirmed and send on the requests held until then (caller's txn).

    Requests received off-line with this address join the account too.
    """
    user.email_confirmed_at = now
    held_requests_file(requester=user, now=now)
    offline_requests_join(user=user, now=now)


def user_authenticate(email: str, password: str) -> User | None:
    """Return the active user whose password matches, or None."""
    user = user_by_email(email)
    if user is None or not user.active:
        _hasher().hash(password)  # spend the same time as a real check: no account probing
        return None
    try:
        _hasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher().check_needs_rehash(user.password_hash):
        with transaction():
            user.password_hash = hash_password(password)
    return user


def logout(*, user: User, now: datetime | None = None) -> None:
    """End every login of the account: this browser's and every other device's."""
    now = now or utcnow()
    with transaction():
        sessions_end(user, reason=login_sessions.LOGGED_OUT, now=now)


def user_locale_set(*, user: User, locale: str) -> None:
    """Remember the account's language, so that e-mails and other devices use it too."""
    if user.locale != locale:
        with transaction():
            user.locale = locale


def unusable_password() -> str:
    """Return a stored value no password can match (argon2 refuses it as a hash).

    It is random so that the reset and invitation links, stamped with its end, differ per user.
    """
    return f"!unusable:{secrets.token_hex(16)}"


def account_record(
    user: User, kind: str, *, actor: User | None, at: datetime | None = None, **data
) -> AccountEvent:
    """Append a change to the account's audit trail (inside the caller's transaction)."""
    event = AccountEvent(
        user=user, actor=actor, kind=kind, at=at or utcnow(), address=client_address.get()
    )
    event.data = data
    db.session.add(event)
    return event
