"""Registration, confirmation, password reset, invitations and the account page.

Logging in, with its throttling, is in ``foi.services.login_throttle``.
"""

import hashlib
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from foi import links
from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import (
    AccountEvent,
    InfoRequest,
    LoginAttempt,
    RequestContact,
    TrustedDevice,
    User,
)
from foi.models.account_event import (
    DELETED,
    EMAIL_CHANGED,
    PASSWORD_CHANGED,
    PASSWORD_SET,
    PROFILE_CHANGED,
)
from foi.models.base import utcnow
from foi.models.user import CITIZEN
from foi.ratelimits import mail_allowed
from foi.services import login_sessions
from foi.services.audit import client_address
from foi.services.db import transaction
from foi.services.drafts import drafts_erase
from foi.services.errors import DomainError
from foi.services.filing import held_requests_file
from foi.services.login_sessions import sessions_end
from foi.services.offline import offline_requests_join
from foi.services.personal_data import erase_personal_fields

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


def user_register(
    *, email: str, password: str, display_name: str, locale: str = "az", now: datetime | None = None
) -> User | None:
    """Create a citizen account and send the confirmation e-mail; None if the address is taken.

    A taken address gets the same answer as a new one, so that nobody learns from this form
    which addresses have accounts: its owner is told by e-mail that someone tried to register
    with it, and nothing is created. Both ways hash the password and queue one e-mail.
    """
    email = email.strip().lower()
    if len(password) < MIN_PASSWORD:
        raise DomainError(
            lazy_ngettext(
                "Use at least %(num)d character.", "Use at least %(num)d characters.", MIN_PASSWORD
            ),
            field="password",
        )
    now = now or utcnow()
    password_hash = hash_password(password)
    mail_ok = mail_allowed(email)  # counted outside the transaction (SQLite's write lock)
    existing = user_by_email(email)
    if existing is not None:
        _registration_attempt_tell(existing, now, mail_ok)
        return None
    try:
        return _account_create(email, password_hash, display_name, locale)
    except IntegrityError:
        # Taken a moment ago by someone else (or a second click): answer as above.
        db.session.rollback()
        existing = user_by_email(email)
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
        token = signed_tokens("confirm").dumps(user.id)
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
        user_id = signed_tokens("confirm").loads(token, max_age=CONFIRM_MAX_AGE)
    except (BadSignature, SignatureExpired):
        raise DomainError(_l("This confirmation link is invalid or has expired.")) from None
    with transaction() as session:
        user = session.get(User, user_id)
        if user is None:
            raise DomainError(_l("This confirmation link is invalid or has expired."))
        if user.email_confirmed_at is None:
            address_confirmed(user, now)
    return user


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


def password_reset_request(email: str, locale: str = "az", now: datetime | None = None) -> None:
    """Queue one e-mail to ``email``: a reset link if an account uses it, else a note saying so.

    The page answers the same either way, and this does the same work either way (one look-up,
    one outbox row, one commit), so neither the answer nor its time tells who has an account;
    only the mailbox's owner learns it. The outbox sends the e-mail later, not this request.
    """
    now = now or utcnow()
    address = email.strip().lower()
    user = user_by_email(address)
    with transaction():
        if user is not None:
            token = signed_tokens("reset").dumps([user.id, user.password_hash[-12:]])
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
        user_id, stamp = signed_tokens("reset").loads(token, max_age=RESET_MAX_AGE)
    except (BadSignature, SignatureExpired, ValueError):
        raise DomainError(_l("This reset link is invalid or has expired.")) from None
    if len(password) < MIN_PASSWORD:
        raise DomainError(
            lazy_ngettext(
                "Use at least %(num)d character.", "Use at least %(num)d characters.", MIN_PASSWORD
            ),
            field="password",
        )
    with transaction() as session:
        user = session.get(User, user_id)
        if user is None or user.password_hash[-12:] != stamp:
            raise DomainError(_l("This reset link is invalid or has expired."))
        user.password_hash = hash_password(password)
        if user.email_confirmed_at is None:
            address_confirmed(user, now)  # they proved they read the mailbox
        _trusted_devices_forget(user)
        # Whoever had the old password (or a copied cookie) is signed out everywhere.
        sessions_end(user, reason=login_sessions.PASSWORD_RESET, now=now)
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


def _trusted_devices_forget(user: User) -> None:
    """Make the browsers remembered for the second factor ask for a code again."""
    db.session.execute(delete(TrustedDevice).where(TrustedDevice.user_id == user.id))


# --- Invitations (accounts created by an administrator) ------------------------------------


def invitation_link(user: User) -> str:
    """Return the link with which an invited person sets their first password."""
    token = signed_tokens("invite").dumps([user.id, user.password_hash[-12:]])
    return links.accept_invitation(token)


def invitation_accept(token: str, password: str, *, now: datetime | None = None) -> User:
    """Set the first password from an invitation; the link works once and for 7 days."""
    now = now or utcnow()
    try:
        user_id, stamp = signed_tokens("invite").loads(token, max_age=INVITATION_MAX_AGE)
    except (BadSignature, SignatureExpired, ValueError):
        raise DomainError(
            _l(
                "This invitation link is invalid or has expired. Ask an "
                "administrator to send a new one."
            )
        ) from None
    if len(password) < MIN_PASSWORD:
        raise DomainError(
            lazy_ngettext(
                "Use at least %(num)d character.", "Use at least %(num)d characters.", MIN_PASSWORD
            ),
            field="password",
        )
    with transaction() as session:
        user = session.get(User, user_id)
        if user is None or not user.active or user.password_hash[-12:] != stamp:
            raise DomainError(
                _l(
                    "This invitation link is invalid or has expired. Ask an "
                    "administrator to send a new one."
                )
            )
        user.password_hash = hash_password(password)
        if user.email_confirmed_at is None:
            user.email_confirmed_at = now
        account_record(user, PASSWORD_SET, actor=user, at=now)
    return user


# --- The account page -----------------------------------------------------------------------


def _check_password(user: User, password: str, field: str = "current_password") -> None:
    try:
        _hasher().verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        raise DomainError(_l("This is not your current password."), field=field) from None


def account_profile_update(
    *, user: User, display_name: str, locale: str, now: datetime | None = None
) -> None:
    """Change the account's name and language."""
    now = now or utcnow()
    display_name = display_name.strip()
    if not display_name:
        raise DomainError(_l("Write your name."), field="display_name")
    if locale not in [code for code, _label in current_app.config["LANGUAGES"]]:
        raise DomainError(_l("Choose one of the languages."), field="locale")
    changes = {
        name: [old, new]
        for name, old, new in (
            ("display_name", user.display_name, display_name),
            ("locale", user.locale, locale),
        )
        if old != new
    }
    if not changes:
        return
    with transaction():
        user.display_name, user.locale = display_name, locale
        account_record(user, PROFILE_CHANGED, actor=user, changes=changes, at=now)


def password_change(
    *, user: User, current_password: str, new_password: str, now: datetime | None = None
) -> None:
    """Set a new password after checking the current one."""
    now = now or utcnow()
    _check_password(user, current_password)
    if len(new_password) < MIN_PASSWORD:
        raise DomainError(
            lazy_ngettext(
                "Use at least %(num)d character.", "Use at least %(num)d characters.", MIN_PASSWORD
            ),
            field="new_password",
        )
    with transaction():
        user.password_hash = hash_password(new_password)
        account_record(user, PASSWORD_CHANGED, actor=user, at=now)
        _trusted_devices_forget(user)
        # Every login ends, this one too (a copy of its cookies may be what was feared); the
        # page gives this browser a new login at once (foi.web.auth.sessions.sign_in_again).
        sessions_end(user, reason=login_sessions.PASSWORD_CHANGED, now=now)


def email_change_request(
    *, user: User, password: str, new_email: str, now: datetime | None = None
) -> None:
    """Send a confirmation link to the new address; the address changes once it is opened."""
    _check_password(user, password, field="password")
    new_email = new_email.strip().lower()
    if new_email == user.email:
        raise DomainError(_l("This is already your e-mail address."), field="email")
    if user_by_email(new_email):
        raise DomainError(_l("Another account uses this e-mail address."), field="email")
    if not mail_allowed(new_email):
        return  # a few links an hour to one address; the page answers as if sent
    now = now or utcnow()
    token = signed_tokens("email").dumps([user.id, user.email, new_email])
    with transaction():
        enqueue(
            f"user:{user.id}:email:{now:%Y%m%d%H%M%S}",
            new_email,
            "email_change",
            user.locale,
            user=user,
            new_email=new_email,
            link=links.confirm_email_change(token),
        )


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
        user_id, old_email, new_email = signed_tokens("email").loads(
            token, max_age=EMAIL_CHANGE_MAX_AGE
        )
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
        if user.email_confirmed_at is None:
            address_confirmed(user, now)
        user.email_confirmed_at = now
        event = account_record(
            user, EMAIL_CHANGED, actor=user, at=now, old=old_email, new=new_email
        )
        with address_unique(new_email, taken, field=None):
            session.flush()  # the event's id names this change in the message's key
        # The new address is confirmed by this link: requests received off-line with it join.
        offline_requests_join(user=user, now=now)
        # The new address only masked: the old mailbox may be the one in other hands (the
        # reason for the change), and it must not learn where the account's mail goes now.
        enqueue(
            f"user:{user.id}:email-changed:{event.id}",
            old_email,
            "email_changed_notice",
            user.locale,
            user=user,
            changed_at=now,
            new_email_masked=email_masked(new_email),
        )
    return user


def account_delete(*, user: User, password: str, now: datetime | None = None) -> None:
    """Anonymise a citizen's account at their wish; their requests stay in the archive.

    The name, address and contact details go; the requests, answers and history stay exactly
    as published, and the requester's name is never shown with them again.
    """
    now = now or utcnow()
    if user.role != CITIZEN:
        raise DomainError(_l("Staff accounts are closed by an administrator."))
    _check_password(user, password, field="password")
    with transaction() as session:
        old_email = user.email
        # The fields the personal-data export writes are the ones erased (one list).
        erase_personal_fields(
            user,
            {
                "display_name": DELETED_NAME,
                "email": f"deleted-{user.id}-{secrets.token_hex(6)}@{DELETED_DOMAIN}",
                "address": "",
                "phone": "",
            },
        )
        user.password_hash = unusable_password()
        user.active = False
        session.execute(
            update(InfoRequest)
            .where(InfoRequest.requester_id == user.id)
            .values(publish_name=False, updated_at=InfoRequest.updated_at)
        )
        # Requests received off-line that joined the account: their written-down contact too.
        session.execute(
            update(RequestContact)
            .where(
                RequestContact.request_id.in_(
                    select(InfoRequest.id).where(InfoRequest.requester_id == user.id)
                )
            )
            .values(name="", postal_address="", email="")
        )
        session.execute(delete(LoginAttempt).where(LoginAttempt.email == old_email))
        drafts_erase(user)  # unsent words are the person's own: they go with the account
        account_record(user, DELETED, actor=user, at=now)
        sessions_end(user, reason=login_sessions.DELETED, now=now)
