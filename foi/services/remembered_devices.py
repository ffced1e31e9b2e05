"""Browsers remembered for the second factor: 30 days without a code on one device.

The browser keeps a signed cookie holding a random token, and the database keeps only the
token's SHA-256, so deleting the rows forgets the devices at once. They are forgotten when the
second factor is reset or turned off and when the password changes.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import delete, select

from foi.extensions import db
from foi.models import TrustedDevice, User
from foi.models.base import utcnow
from foi.services.db import transaction

REMEMBER_DAYS = 30


def device_cookie_name(user: User) -> str:
    """Name the cookie of one account, so several people can share a browser."""
    return f"foi_device_{user.id}"


def device_remember(*, user: User, label: str = "", now: datetime | None = None) -> str:
    """Remember this browser for 30 days; return the signed value of its cookie."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    with transaction() as session:
        session.add(
            TrustedDevice(
                user_id=user.id,
                token_hash=_sha256(token),
                label=(label or "")[:200],
                created_at=now,
                expires_at=now + timedelta(days=REMEMBER_DAYS),
            )
        )
    return _device_serializer().dumps([user.id, token])


def device_recognised(*, user: User, cookie: str | None, now: datetime | None = None) -> bool:
    """Tell whether ``cookie`` is a remembered device of ``user`` that was not forgotten."""
    if not cookie:
        return False
    try:
        user_id, token = _device_serializer().loads(cookie, max_age=REMEMBER_DAYS * 86400)
    except (BadSignature, SignatureExpired, ValueError, TypeError):
        return False
    if user_id != user.id or not isinstance(token, str):
        return False
    now = now or utcnow()
    device = db.session.scalar(
        select(TrustedDevice).where(TrustedDevice.token_hash == _sha256(token))
    )
    return device is not None and device.user_id == user.id and device.expires_at > now


def devices_count(user: User, now: datetime | None = None) -> int:
    """Return how many browsers are remembered for the account."""
    now = now or utcnow()
    return len(
        db.session.scalars(
            select(TrustedDevice.id).where(
                TrustedDevice.user_id == user.id, TrustedDevice.expires_at > now
            )
        ).all()
    )


def devices_forget(*, user: User) -> None:
    """Forget every remembered browser of the account: each asks for a code again."""
    with transaction():
        devices_delete(user)


def devices_delete(user: User) -> None:
    """Inside the caller's transaction: forget the account's devices (password, second factor)."""
    db.session.execute(delete(TrustedDevice).where(TrustedDevice.user_id == user.id))


def _sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _device_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="foi-trusted-device")
