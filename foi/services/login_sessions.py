"""Logins kept on the server: start one, find whom a cookie's token names, end them.

The browser's session cookie and its "keep me logged in" cookie both hold a random token (the
value Flask-Login stores as the user's id); only its SHA-256 is kept, in ``user_session``. A
cookie opens the account while the row lives: not ended, not idle too long (unless remembered),
not older than the remember cookie's lifetime, and the account active. The state is in the
database, so every worker and host sees a login end at the same moment.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, select, update

from foi.extensions import db
from foi.models import User, UserSession
from foi.models.base import utcnow
from foi.services.db import rows_changed, transaction

# last_seen_at is written at most this often: a page view is not a database write.
TOUCH_EVERY = timedelta(minutes=5)
# Ended and expired rows are kept this long for the account page, then pruned.
KEEP_ENDED = timedelta(days=30)

# Why a login ended (stored; the account page does not show ended logins).
LOGGED_OUT, PASSWORD_CHANGED, PASSWORD_RESET, DEACTIVATED, DELETED = (
    "logged_out",
    "password_changed",
    "password_reset",
    "deactivated",
    "deleted",
)
SECOND_FACTOR_ON, SECOND_FACTOR_RESET, SIGNED_OUT_ELSEWHERE = (
    "second_factor_on",
    "second_factor_reset",
    "signed_out_elsewhere",
)


@dataclass(frozen=True)
class Lifetimes:
    """How long logins last, from the configuration."""

    remember: timedelta  # the longest any login lasts (the remember cookie's lifetime)
    idle: timedelta  # a login without "keep me logged in" ends after this long unused

    @classmethod
    def from_config(cls) -> "Lifetimes":
        """Read REMEMBER_COOKIE_DURATION and SESSION_IDLE_HOURS."""
        config = current_app.config
        return cls(
            remember=config["REMEMBER_COOKIE_DURATION"],
            idle=timedelta(hours=config["SESSION_IDLE_HOURS"]),
        )


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def current_token(user: User) -> str | None:
    """Return the token of the login ``user`` made this request with (set by the loader)."""
    return getattr(user, "login_token", None)


def session_start(
    *,
    user: User,
    remember: bool,
    user_agent: str = "",
    ip: str | None = None,
    now: datetime | None = None,
) -> str:
    """Record a new login of ``user``; return the token its cookies will carry."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    with transaction() as session:
        session.execute(
            delete(UserSession).where(
                UserSession.user_id == user.id, UserSession.last_seen_at < now - KEEP_ENDED
            )
        )
        session.add(
            UserSession(
                user_id=user.id,
                token_hash=_hash(token),
                remember=remember,
                created_at=now,
                last_seen_at=now,
                user_agent=(user_agent or "")[:200],
                ip=(ip or "")[:45],
            )
        )
    user.login_token = token
    return token


def _alive(row: UserSession, lifetimes: Lifetimes, now: datetime) -> bool:
    if row.ended_at is not None or now - row.created_at > lifetimes.remember:
        return False
    return row.remember or now - row.last_seen_at <= lifetimes.idle


def session_remembered(user: User) -> bool:
    """Tell whether the login ``user`` made this request with was "keep me logged in"."""
    token = current_token(user)
    if not token:
        return False
    row = db.session.scalar(select(UserSession).where(UserSession.token_hash == _hash(token)))
    return bool(row and row.remember)


def session_user(token: str | None, now: datetime | None = None) -> User | None:
    """Return the active account whose living login ``token`` names, or None.

    Seen again after a while, the login's ``last_seen_at`` moves (in its own small commit, at
    the start of the request, before any use case has written anything).
    """
    if not token or len(token) > 100:
        return None
    now = now or utcnow()
    row = db.session.scalar(select(UserSession).where(UserSession.token_hash == _hash(token)))
    if row is None or not _alive(row, Lifetimes.from_config(), now):
        return None
    user = db.session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    if now - row.last_seen_at > TOUCH_EVERY and not (
        db.session.new or db.session.dirty or db.session.deleted
    ):
        with transaction() as session:
            session.execute(
                update(UserSession).where(UserSession.id == row.id).values(last_seen_at=now)
            )
    user.login_token = token
    return user


def sessions_end(
    user: User, *, keep: str | None = None, reason: str = LOGGED_OUT, now: datetime | None = None
) -> int:
    """Inside the caller's transaction: end every login of ``user`` but ``keep``'s token.

    Their session and remember cookies stop opening the account on every host at once.
    Return how many logins ended.
    """
    now = now or utcnow()
    query = update(UserSession).where(
        UserSession.user_id == user.id, UserSession.ended_at.is_(None)
    )
    if keep:
        query = query.where(UserSession.token_hash != _hash(keep))
    return rows_changed(query.values(ended_at=now, end_reason=reason))


def session_end(*, user: User, session_id: int, now: datetime | None = None) -> bool:
    """End one login of ``user`` (from the account page's list); False if it is not theirs."""
    with transaction():
        ended = rows_changed(
            update(UserSession)
            .where(
                UserSession.id == session_id,
                UserSession.user_id == user.id,
                UserSession.ended_at.is_(None),
            )
            .values(ended_at=now or utcnow(), end_reason=SIGNED_OUT_ELSEWHERE)
        )
    return bool(ended)


def other_sessions_end(*, user: User, now: datetime | None = None) -> int:
    """Sign out of all other devices: end every login of ``user`` but this one."""
    with transaction():
        return sessions_end(user, keep=current_token(user), reason=SIGNED_OUT_ELSEWHERE, now=now)


@dataclass(frozen=True)
class ActiveSession:
    """A living login as the account page lists it."""

    id: int
    created_at: datetime
    last_seen_at: datetime
    user_agent: str
    ip: str
    remember: bool
    current: bool


def sessions_active(user: User, now: datetime | None = None) -> list[ActiveSession]:
    """Return the account's living logins, newest use first, this one marked."""
    now = now or utcnow()
    lifetimes = Lifetimes.from_config()
    mine = current_token(user)
    mine_hash = _hash(mine) if mine else None
    rows = db.session.scalars(
        select(UserSession)
        .where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    )
    return [
        ActiveSession(
            id=row.id,
            created_at=row.created_at,
            last_seen_at=row.last_seen_at,
            user_agent=row.user_agent,
            ip=row.ip,
            remember=row.remember,
            current=row.token_hash == mine_hash,
        )
        for row in rows
        if _alive(row, lifetimes, now)
    ]
