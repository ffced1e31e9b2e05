"""Logging in, throttled: failed attempts lock an address for a while.

The owner of a locked account is e-mailed a link that lifts the lock at once. The second
factor's codes count into the same failures (``foi.services.second_factor``).
"""

import math
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from itsdangerous import BadSignature, SignatureExpired
from sqlalchemy import delete, select

from foi import links
from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import LoginAttempt, User
from foi.models.account_event import LOGIN_UNLOCKED
from foi.models.base import utcnow
from foi.ratelimits import mail_allowed
from foi.services import accounts
from foi.services.db import transaction
from foi.services.errors import DomainError

# Login throttling: this many failures within the window lock the e-mail address (or the IP
# address) out for LOCKOUT after the failure that reached the limit.
LOGIN_WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_IP = 20


class LoginThrottled(DomainError):
    """Too many failed logins: refused until ``until`` without checking the password."""

    def __init__(self, until: datetime, now: datetime):
        minutes = max(1, math.ceil((until - now).total_seconds() / 60))
        super().__init__(
            lazy_ngettext(
                "Too many failed attempts to log in. Wait %(num)d minute and try again, or reset "
                "your password.",
                "Too many failed attempts to log in. Wait %(num)d minutes and try again, or reset "
                "your password.",
                minutes,
            ),
            field="password",
        )
        self.until = until


def locked_until(column, value: str, limit: int, now: datetime) -> datetime | None:
    """Return when a lockout of ``value`` ends if ``limit`` recent failures started one."""
    times = db.session.scalars(
        select(LoginAttempt.at)
        .where(column == value, LoginAttempt.at > now - LOGIN_WINDOW - LOCKOUT)
        .order_by(LoginAttempt.at.desc())
        .limit(limit)
    ).all()
    # Refused attempts are not recorded, so the newest failure is the one that reached the limit.
    if len(times) == limit and times[0] - times[-1] <= LOGIN_WINDOW and now < times[0] + LOCKOUT:
        return times[0] + LOCKOUT
    return None


def lock_end(key: str, ip: str, now: datetime) -> datetime | None:
    """Return when the lockout of ``key`` (an address, a second factor's key) or ``ip`` ends.

    None when neither is locked out.
    """
    ends = [
        t
        for t in (
            locked_until(LoginAttempt.email, key, MAX_FAILURES_PER_EMAIL, now),
            locked_until(LoginAttempt.ip, ip, MAX_FAILURES_PER_IP, now) if ip else None,
        )
        if t
    ]
    return max(ends) if ends else None


def login_attempt(
    *, email: str, password: str, ip: str | None, now: datetime | None = None
) -> User | None:
    """Return the user whose password matches, or None; refuse while the login is throttled.

    Failures are counted per e-mail address as typed, whether or not an account uses it, so
    neither the answer nor the lockout tells anyone which addresses have accounts. A success
    clears the address's failures. Rows too old to count are pruned here, on each failure.
    """
    now = now or utcnow()
    email_key = email.strip().lower()[:254]
    ip = (ip or "")[:45]
    if until := lock_end(email_key, ip, now):
        raise LoginThrottled(until, now)
    user = accounts.user_authenticate(email, password)
    owner = _owner_to_warn(email_key, now) if user is None else None
    with transaction() as session:
        if user is None:
            session.execute(
                delete(LoginAttempt).where(LoginAttempt.at < now - LOGIN_WINDOW - LOCKOUT)
            )
            session.add(LoginAttempt(email=email_key, ip=ip, at=now))
            if owner is not None:
                _unlock_link_send(owner, email_key, now)
        else:
            session.execute(delete(LoginAttempt).where(LoginAttempt.email == email_key))
    return user


# The owner of a locked account need not wait: the lock's e-mail holds a link that lifts it.
# The link names the lock it lifts (its first moment), so it works once: the unlock deletes
# the failures, and a later lock starts at another moment. It expires with the lock.


def _owner_to_warn(email_key: str, now: datetime) -> User | None:
    """Return the account to tell when this failure is the one that locks its address.

    Asked before the failure's transaction: the per-recipient e-mail cap is counted outside it
    (on SQLite a counter written inside would wait for the lock the transaction holds).
    """
    earlier = db.session.scalars(
        select(LoginAttempt.at)
        .where(LoginAttempt.email == email_key, LoginAttempt.at > now - LOGIN_WINDOW)
        .order_by(LoginAttempt.at.desc())
        .limit(MAX_FAILURES_PER_EMAIL - 1)
    ).all()
    if len(earlier) < MAX_FAILURES_PER_EMAIL - 1:
        return None
    owner = accounts.user_by_email(email_key)
    if owner is None or not owner.active or not mail_allowed(owner.email):
        return None
    return owner


def _unlock_link_send(owner: User, email_key: str, locked_at: datetime) -> None:
    token = accounts.signed_tokens("unlock").dumps([owner.id, email_key, locked_at.isoformat()])
    enqueue(
        f"user:{owner.id}:unlock:{locked_at:%Y%m%d%H%M%S%f}",
        owner.email,
        "login_unlock",
        owner.locale,
        user=owner,
        minutes=int(LOCKOUT.total_seconds() // 60),
        link=links.unlock_login(token),
    )


def login_unlock(token: str, now: datetime | None = None) -> User:
    """Lift the login lock the e-mailed link names; refuse a used, old or forged link."""
    now = now or utcnow()
    invalid = DomainError(_l("This unlock link was already used or has expired."))
    try:
        user_id, email_key, locked_at = accounts.signed_tokens("unlock").loads(
            token, max_age=int(LOCKOUT.total_seconds())
        )
    except (BadSignature, SignatureExpired, ValueError, TypeError):
        raise invalid from None
    until = locked_until(LoginAttempt.email, email_key, MAX_FAILURES_PER_EMAIL, now)
    # The lock this link was sent for: it started with the failure at ``locked_at``.
    if until is None or (until - LOCKOUT).isoformat() != locked_at:
        raise invalid
    with transaction() as session:
        user = session.get(User, user_id)
        if user is None or not user.active:
            raise invalid
        session.execute(delete(LoginAttempt).where(LoginAttempt.email == email_key))
        accounts.account_record(user, LOGIN_UNLOCKED, actor=user, at=now)
    return user
