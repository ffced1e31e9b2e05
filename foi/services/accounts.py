"""Registration, confirmation, login and password reset."""
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select

from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import User
from foi.models.base import utcnow
from foi.models.user import CITIZEN
from foi.services.db import transaction
from foi.services.errors import DomainError

_HASHERS = {
    "default": PasswordHasher(),  # RFC 9106 low-memory profile, argon2-cffi's default
    # Tests only: the same algorithm with tiny costs, so that logging in 100 times is quick.
    "fast-insecure-for-tests": PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1),
}


def _hasher() -> PasswordHasher:
    return _HASHERS[current_app.config.get("PASSWORD_HASHER", "default")]
MIN_PASSWORD = 10
CONFIRM_MAX_AGE = 7 * 24 * 3600
RESET_MAX_AGE = 2 * 3600


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"foi-{purpose}")


def user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def user_register(*, email: str, password: str, display_name: str, locale: str = "az") -> User:
    """Create a citizen account and send the confirmation e-mail."""
    email = email.strip().lower()
    if len(password) < MIN_PASSWORD:
        raise DomainError(_l("Use at least %(n)d characters.", n=MIN_PASSWORD), field="password")
    if user_by_email(email):
        raise DomainError(_l("An account with this e-mail already exists. Log in or reset "
                             "your password."), field="email")
    with transaction() as session:
        user = User(email=email, password_hash=hash_password(password),
                    display_name=display_name.strip(), role=CITIZEN, locale=locale)
        session.add(user)
        session.flush()
        token = _serializer("confirm").dumps(user.id)
        enqueue(f"user:{user.id}:confirm", user.email, "confirm_email", locale, user=user,
                link=url_for("auth.confirm", token=token, _external=True))
    return user


def user_confirm(token: str) -> User:
    """Mark the account's e-mail confirmed from a link's token."""
    try:
        user_id = _serializer("confirm").loads(token, max_age=CONFIRM_MAX_AGE)
    except (BadSignature, SignatureExpired):
        raise DomainError(_l("This confirmation link is invalid or has expired.")) from None
    with transaction() as session:
        user = session.get(User, user_id)
        if user is None:
            raise DomainError(_l("This confirmation link is invalid or has expired."))
        if user.email_confirmed_at is None:
            user.email_confirmed_at = utcnow()
    return user


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


def password_reset_request(email: str, now: datetime | None = None) -> None:
    """E-mail a reset link if the account exists; say nothing either way."""
    user = user_by_email(email)
    if user is None:
        return
    now = now or utcnow()
    with transaction():
        token = _serializer("reset").dumps([user.id, user.password_hash[-12:]])
        enqueue(f"user:{user.id}:reset:{now:%Y%m%d%H%M%S}", user.email, "password_reset",
                user.locale, user=user,
                link=url_for("auth.reset_password", token=token, _external=True))


def password_reset(token: str, password: str) -> User:
    """Set a new password from a reset link; the link dies with the old password."""
    try:
        user_id, stamp = _serializer("reset").loads(token, max_age=RESET_MAX_AGE)
    except (BadSignature, SignatureExpired, ValueError):
        raise DomainError(_l("This reset link is invalid or has expired.")) from None
    if len(password) < MIN_PASSWORD:
        raise DomainError(_l("Use at least %(n)d characters.", n=MIN_PASSWORD), field="password")
    with transaction() as session:
        user = session.get(User, user_id)
        if user is None or user.password_hash[-12:] != stamp:
            raise DomainError(_l("This reset link is invalid or has expired."))
        user.password_hash = hash_password(password)
        if user.email_confirmed_at is None:
            user.email_confirmed_at = utcnow()  # they proved they read the mailbox
    return user


def user_locale_set(*, user: User, locale: str) -> None:
    """Remember the account's language, so that e-mails and other devices use it too."""
    if user.locale != locale:
        with transaction():
            user.locale = locale
