"""A citizen registers and confirms the address by the e-mailed link."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired
from sqlalchemy.exc import IntegrityError

from foi import links
from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import User
from foi.models.base import utcnow
from foi.models.user import CITIZEN
from foi.ratelimits import mail_allowed
from foi.services import accounts
from foi.services.db import transaction
from foi.services.errors import DomainError

CONFIRM_MAX_AGE = 7 * 24 * 3600


def user_register(
    *, email: str, password: str, display_name: str, locale: str = "az", now: datetime | None = None
) -> User | None:
    """Create a citizen account and send the confirmation e-mail; None if the address is taken.

    A taken address gets the same answer as a new one, so that nobody learns from this form
    which addresses have accounts: its owner is told by e-mail that someone tried to register
    with it, and nothing is created. Both ways hash the password and queue one e-mail.
    """
    email = email.strip().lower()
    accounts.password_long_enough(password)
    now = now or utcnow()
    password_hash = accounts.hash_password(password)
    mail_ok = mail_allowed(email)  # counted outside the transaction (SQLite's write lock)
    existing = accounts.user_by_email(email)
    if existing is not None:
        _registration_attempt_tell(existing, now, mail_ok)
        return None
    try:
        return _account_create(email, password_hash, display_name, locale)
    except IntegrityError:
        # Taken a moment ago by someone else (or a second click): answer as above.
        db.session.rollback()
        existing = accounts.user_by_email(email)
        if existing is None:
            raise
        _registration_attempt_tell(existing, now, mail_ok)
        return None


def _registration_attempt_tell(user: User, now: datetime, mail_ok: bool) -> None:
    """E-mail the owner of ``user`` that someone tried to register with their address."""
    if not mail_ok:
        return  # a few e-mails an hour to one address; the page answers the same
    with transaction():
        enqueue(
            f"user:{user.id}:register-attempt:{now:%Y%m%d%H%M%S}",
            user.email,
            "register_attempt",
            user.locale,
            user=user,
            tried_at=now,
            login_link=links.absolute("auth.login"),
            reset_link=links.absolute("auth.reset_request"),
        )


def _account_create(email: str, password_hash: str, display_name: str, locale: str) -> User:
    with transaction() as session:
        user = User(
            email=email,
            password_hash=password_hash,
            display_name=display_name.strip(),
            role=CITIZEN,
            locale=locale,
        )
        session.add(user)
        session.flush()
        token = accounts.signed_tokens("confirm").dumps(user.id)
        enqueue(
            f"user:{user.id}:confirm",
            user.email,
            "confirm_email",
            locale,
            user=user,
            link=links.confirm_address(token),
        )
    return user


def user_confirm(token: str, *, now: datetime | None = None) -> User:
    """Mark the account's e-mail confirmed from a link's token."""
    now = now or utcnow()
    try:
        user_id = accounts.signed_tokens("confirm").loads(token, max_age=CONFIRM_MAX_AGE)
    except (BadSignature, SignatureExpired):
        raise DomainError(_l("This confirmation link is invalid or has expired.")) from None
    with transaction() as session:
        user = session.get(User, user_id)
        if user is None:
            raise DomainError(_l("This confirmation link is invalid or has expired."))
        if user.email_confirmed_at is None:
            accounts.address_confirmed(user, now)
    return user
