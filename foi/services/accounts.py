"""Registration, confirmation, login (throttled), password reset and the account page."""
import math
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import AccountEvent, InfoRequest, LoginAttempt, User
from foi.models.account_event import (
    DELETED,
    EMAIL_CHANGED,
    PASSWORD_CHANGED,
    PASSWORD_SET,
    PROFILE_CHANGED,
)
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
INVITATION_MAX_AGE = 7 * 24 * 3600  # staff read the invitation when they start, not at once
EMAIL_CHANGE_MAX_AGE = 24 * 3600

# Login throttling: this many failures within the window lock the e-mail address (or the IP
# address) out for LOCKOUT after the failure that reached the limit.
LOGIN_WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_IP = 20

DELETED_NAME = "Deleted user"  # stored, not translated: it replaces a person's own name
DELETED_DOMAIN = "deleted.invalid"  # RFC 2606: can never receive mail


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"foi-{purpose}")


def user_by_email(email: str) -> User | None:
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


def user_register(*, email: str, password: str, display_name: str, locale: str = "az") -> User:
    """Create a citizen account and send the confirmation e-mail."""
    email = email.strip().lower()
    if len(password) < MIN_PASSWORD:
        raise DomainError(_l("Use at least %(n)d characters.", n=MIN_PASSWORD), field="password")
    taken = _l("An account with this e-mail already exists. Log in or reset your password.")
    if user_by_email(email):
        raise DomainError(taken, field="email")
    with address_unique(email, taken), transaction() as session:
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


def unusable_password() -> str:
    """Return a stored value no password can match (argon2 refuses it as a hash).

    It is random so that the reset and invitation links, stamped with its end, differ per user.
    """
    return f"!unusable:{secrets.token_hex(16)}"


def account_record(user: User, kind: str, *, actor: User | None, at: datetime | None = None,
                   **data) -> AccountEvent:
    """Append a change to the account's audit trail (inside the caller's transaction)."""
    event = AccountEvent(user=user, actor=actor, kind=kind, at=at or utcnow())
    event.data = data
    db.session.add(event)
    return event


# --- Login throttling ---------------------------------------------------------------------

class LoginThrottled(DomainError):
    """Too many failed logins: refused until ``until`` without checking the password."""

    def __init__(self, until: datetime, now: datetime):
        minutes = max(1, math.ceil((until - now).total_seconds() / 60))
        super().__init__(lazy_ngettext(
            "Too many failed attempts to log in. Wait %(num)d minute and try again, or reset "
            "your password.",
            "Too many failed attempts to log in. Wait %(num)d minutes and try again, or reset "
            "your password.", minutes), field="password")
        self.until = until


def _locked_until(column, value: str, limit: int, now: datetime) -> datetime | None:
    """Return when a lockout of ``value`` ends if ``limit`` recent failures started one."""
    times = db.session.scalars(
        select(LoginAttempt.at).where(column == value, LoginAttempt.at > now - LOGIN_WINDOW
                                      - LOCKOUT)
        .order_by(LoginAttempt.at.desc()).limit(limit)).all()
    # Refused attempts are not recorded, so the newest failure is the one that reached the limit.
    if len(times) == limit and times[0] - times[-1] <= LOGIN_WINDOW and now < times[0] + LOCKOUT:
        return times[0] + LOCKOUT
    return None


def login_attempt(*, email: str, password: str, ip: str | None,
                  now: datetime | None = None) -> User | None:
    """Return the user whose password matches, or None; refuse while the login is throttled.

    Failures are counted per e-mail address as typed, whether or not an account uses it, so
    neither the answer nor the lockout tells anyone which addresses have accounts. A success
    clears the address's failures. Rows too old to count are pruned here, on each failure.
    """
    now = now or utcnow()
    email_key = email.strip().lower()[:254]
    ip = (ip or "")[:45]
    ends = [t for t in (
        _locked_until(LoginAttempt.email, email_key, MAX_FAILURES_PER_EMAIL, now),
        _locked_until(LoginAttempt.ip, ip, MAX_FAILURES_PER_IP, now) if ip else None) if t]
    if ends:
        raise LoginThrottled(max(ends), now)
    user = user_authenticate(email, password)
    with transaction() as session:
        if user is None:
            session.execute(delete(LoginAttempt).where(
                LoginAttempt.at < now - LOGIN_WINDOW - LOCKOUT))
            session.add(LoginAttempt(email=email_key, ip=ip, at=now))
        else:
            session.execute(delete(LoginAttempt).where(LoginAttempt.email == email_key))
    return user


# --- Invitations (accounts created by an administrator) ------------------------------------

def invitation_link(user: User) -> str:
    """Return the link with which an invited person sets their first password."""
    token = _serializer("invite").dumps([user.id, user.password_hash[-12:]])
    return url_for("auth.accept_invitation", token=token, _external=True)


def invitation_accept(token: str, password: str) -> User:
    """Set the first password from an invitation; the link works once and for 7 days."""
    try:
        user_id, stamp = _serializer("invite").loads(token, max_age=INVITATION_MAX_AGE)
    except (BadSignature, SignatureExpired, ValueError):
        raise DomainError(_l("This invitation link is invalid or has expired. Ask an "
                             "administrator to send a new one.")) from None
    if len(password) < MIN_PASSWORD:
        raise DomainError(_l("Use at least %(n)d characters.", n=MIN_PASSWORD), field="password")
    with transaction() as session:
        user = session.get(User, user_id)
        if user is None or not user.active or user.password_hash[-12:] != stamp:
            raise DomainError(_l("This invitation link is invalid or has expired. Ask an "
                                 "administrator to send a new one."))
        user.password_hash = hash_password(password)
        if user.email_confirmed_at is None:
            user.email_confirmed_at = utcnow()
        account_record(user, PASSWORD_SET, actor=user)
    return user


# --- The account page -----------------------------------------------------------------------

def _check_password(user: User, password: str, field: str = "current_password") -> None:
    try:
        _hasher().verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        raise DomainError(_l("This is not your current password."), field=field) from None


def account_profile_update(*, user: User, display_name: str, locale: str) -> None:
    """Change the account's name and language."""
    display_name = display_name.strip()
    if not display_name:
        raise DomainError(_l("Write your name."), field="display_name")
    if locale not in [code for code, _label in current_app.config["LANGUAGES"]]:
        raise DomainError(_l("Choose one of the languages."), field="locale")
    changes = {name: [old, new] for name, old, new in (
        ("display_name", user.display_name, display_name), ("locale", user.locale, locale))
        if old != new}
    if not changes:
        return
    with transaction():
        user.display_name, user.locale = display_name, locale
        account_record(user, PROFILE_CHANGED, actor=user, changes=changes)


def password_change(*, user: User, current_password: str, new_password: str) -> None:
    """Set a new password after checking the current one."""
    _check_password(user, current_password)
    if len(new_password) < MIN_PASSWORD:
        raise DomainError(_l("Use at least %(n)d characters.", n=MIN_PASSWORD),
                          field="new_password")
    with transaction():
        user.password_hash = hash_password(new_password)
        account_record(user, PASSWORD_CHANGED, actor=user)


def email_change_request(*, user: User, password: str, new_email: str,
                         now: datetime | None = None) -> None:
    """Send a confirmation link to the new address; the address changes once it is opened."""
    _check_password(user, password, field="password")
    new_email = new_email.strip().lower()
    if new_email == user.email:
        raise DomainError(_l("This is already your e-mail address."), field="email")
    if user_by_email(new_email):
        raise DomainError(_l("Another account uses this e-mail address."), field="email")
    now = now or utcnow()
    token = _serializer("email").dumps([user.id, user.email, new_email])
    with transaction():
        enqueue(f"user:{user.id}:email:{now:%Y%m%d%H%M%S}", new_email, "email_change",
                user.locale, user=user, new_email=new_email,
                link=url_for("auth.confirm_email_change", token=token, _external=True))


def email_masked(address: str) -> str:
    """Return ``address`` with its local part hidden but for its first letter: c•••@example.org.

    Enough for the owner to recognise an address, not for a stranger to write to it.
    """
    local, _at, domain = address.rpartition("@")
    return f"{local[:1]}•••@{domain}"


def email_change_confirm(token: str, now: datetime | None = None) -> User:
    """Change the account's address to the one the link was sent to (and so proved read).

    The old address is told, so that an owner whose account was taken over notices.
    """
    invalid = _l("This confirmation link is invalid or has expired.")
    taken = _l("Another account uses this e-mail address.")
    try:
        user_id, old_email, new_email = _serializer("email").loads(
            token, max_age=EMAIL_CHANGE_MAX_AGE)
    except (BadSignature, SignatureExpired, ValueError):
        raise DomainError(invalid) from None
    with transaction() as session:
        user = session.get(User, user_id)
        # The link dies once the address has changed again (or back).
        if user is None or not user.active or user.email != old_email:
            raise DomainError(invalid)
        other = user_by_email(new_email)
        if other is not None and other.id != user.id:
            raise DomainError(taken)
        now = now or utcnow()
        user.email = new_email
        user.email_confirmed_at = now
        event = account_record(user, EMAIL_CHANGED, actor=user, at=now, old=old_email,
                               new=new_email)
        with address_unique(new_email, taken, field=None):
            session.flush()  # the event's id names this change in the message's key
        # The new address only masked: the old mailbox may be the one in other hands (the
        # reason for the change), and it must not learn where the account's mail goes now.
        enqueue(f"user:{user.id}:email-changed:{event.id}", old_email, "email_changed_notice",
                user.locale, user=user, changed_at=now, new_email_masked=email_masked(new_email))
    return user


def account_delete(*, user: User, password: str) -> None:
    """Anonymise a citizen's account at their wish; their requests stay in the archive.

    The name, address and contact details go; the requests, answers and history stay exactly
    as published, and the requester's name is never shown with them again.
    """
    if user.role != CITIZEN:
        raise DomainError(_l("Staff accounts are closed by an administrator."))
    _check_password(user, password, field="password")
    with transaction() as session:
        old_email = user.email
        user.display_name = DELETED_NAME
        user.email = f"deleted-{user.id}-{secrets.token_hex(6)}@{DELETED_DOMAIN}"
        user.password_hash = unusable_password()
        user.address = user.phone = ""
        user.active = False
        session.execute(update(InfoRequest).where(InfoRequest.requester_id == user.id)
                        .values(publish_name=False, updated_at=InfoRequest.updated_at))
        session.execute(delete(LoginAttempt).where(LoginAttempt.email == old_email))
        account_record(user, DELETED, actor=user)
