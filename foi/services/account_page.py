"""The account page: name and language, the password, the e-mail address."""

from datetime import datetime

from flask import current_app
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired

from foi import links
from foi.mail.outbox import enqueue
from foi.models import User
from foi.models.account_event import EMAIL_CHANGED, PASSWORD_CHANGED, PROFILE_CHANGED
from foi.models.base import utcnow
from foi.ratelimits import mail_allowed
from foi.services import accounts, login_sessions, remembered_devices
from foi.services.db import transaction
from foi.services.errors import DomainError
from foi.services.login_sessions import sessions_end
from foi.services.offline import offline_requests_join

EMAIL_CHANGE_MAX_AGE = 24 * 3600


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
        accounts.account_record(user, PROFILE_CHANGED, actor=user, changes=changes, at=now)


def password_change(
    *, user: User, current_password: str, new_password: str, now: datetime | None = None
) -> None:
    """Set a new password after checking the current one."""
    now = now or utcnow()
    accounts.password_check(user, current_password)
    accounts.password_long_enough(new_password, field="new_password")
    with transaction():
        user.password_hash = accounts.hash_password(new_password)
        accounts.account_record(user, PASSWORD_CHANGED, actor=user, at=now)
        remembered_devices.devices_delete(user)
        # Every login ends, this one too (a copy of its cookies may be what was feared); the
        # page gives this browser a new login at once (foi.web.auth.sessions.sign_in_again).
        sessions_end(user, reason=login_sessions.PASSWORD_CHANGED, now=now)


def email_change_request(
    *, user: User, password: str, new_email: str, now: datetime | None = None
) -> None:
    """Send a confirmation link to the new address; the address changes once it is opened."""
    accounts.password_check(user, password, field="password")
    new_email = new_email.strip().lower()
    if new_email == user.email:
        raise DomainError(_l("This is already your e-mail address."), field="email")
    if accounts.user_by_email(new_email):
        raise DomainError(_l("Another account uses this e-mail address."), field="email")
    if not mail_allowed(new_email):
        return  # a few links an hour to one address; the page answers as if sent
    now = now or utcnow()
    token = accounts.signed_tokens("email").dumps([user.id, user.email, new_email])
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
        user_id, old_email, new_email = accounts.signed_tokens("email").loads(
            token, max_age=EMAIL_CHANGE_MAX_AGE
        )
    except (BadSignature, SignatureExpired, ValueError):
        raise DomainError(invalid) from None
    with transaction() as session:
        user = session.get(User, user_id)
        # The link dies once the address has changed again (or back).
        if user is None or not user.active or user.email != old_email:
            raise DomainError(invalid)
        other = accounts.user_by_email(new_email)
        if other is not None and other.id != user.id:
            raise DomainError(taken)
        now = now or utcnow()
        user.email = new_email
        if user.email_confirmed_at is None:
            accounts.address_confirmed(user, now)
        user.email_confirmed_at = now
        event = accounts.account_record(
            user, EMAIL_CHANGED, actor=user, at=now, old=old_email, new=new_email
        )
        with accounts.address_unique(new_email, taken, field=None):
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
