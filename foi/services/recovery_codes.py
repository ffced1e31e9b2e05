"""One-time recovery codes, the way in when the phone with the authenticator app is lost.

Ten codes of 10 letters and digits (about 50 bits), shown once as two groups of five and kept
only as argon2 hashes; each works once.
"""

import secrets
from datetime import datetime

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select, update

from foi.extensions import db
from foi.models import RecoveryCode, User
from foi.services import accounts
from foi.services.db import rows_changed

RECOVERY_CODES = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def recovery_codes_left(user: User) -> int:
    """Return how many unused recovery codes the account has."""
    return len(_unused_codes(user))


def _unused_codes(user: User) -> list[RecoveryCode]:
    return list(
        db.session.scalars(
            select(RecoveryCode)
            .where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
            .order_by(RecoveryCode.id)
        )
    )


def recovery_codes_replace(user: User, now: datetime) -> list[str]:
    """Inside the caller's transaction: make ten new codes; return them in clear, this once."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    hasher = accounts._hasher()
    codes = ["".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))]
    while len(codes) < RECOVERY_CODES:
        codes.append("".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10)))
    for code in codes:
        db.session.add(RecoveryCode(user_id=user.id, code_hash=hasher.hash(code), created_at=now))
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def recovery_codes_set(user: User, codes: list[str], now: datetime | None = None) -> None:
    """Inside the caller's transaction: give the account these recovery codes (demo data)."""
    hasher = accounts._hasher()
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    for code in codes:
        code_hash = code if code.startswith("$argon2") else hasher.hash(_normalise_recovery(code))
        db.session.add(RecoveryCode(user_id=user.id, code_hash=code_hash, created_at=now))


def _normalise_recovery(code: str) -> str:
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())


def recovery_code_accept(user: User, code: str, now: datetime) -> str | None:
    """Inside the caller's transaction: use up the code typed; "recovery", or None if wrong."""
    typed = _normalise_recovery(code)
    if len(typed) != 10:
        return None
    hasher = accounts._hasher()
    for candidate in _unused_codes(user):
        try:
            hasher.verify(candidate.code_hash, typed)
        except (VerificationError, InvalidHashError):
            continue
        used = rows_changed(
            update(RecoveryCode)
            .where(RecoveryCode.id == candidate.id, RecoveryCode.used_at.is_(None))
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        )
        return "recovery" if used == 1 else None
    return None
