"""The second factor of an account: its TOTP key, recovery codes, remembered devices, passkeys."""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow


class SecondFactor(db.Model):
    """An account's TOTP key (RFC 6238); in use once ``confirmed_at`` is set.

    A row without ``confirmed_at`` is a set-up in progress: the key shown as a QR code, kept
    until a code made from it is typed back. ``last_step`` is the newest 30-second step a code
    was accepted for, so that a code seen over someone's shoulder cannot be used again.
    """

    __tablename__ = "second_factor"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), unique=True)
    secret: Mapped[str] = mapped_column(String(64))  # base32, as authenticator apps take it
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_step: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RecoveryCode(db.Model):
    """One of the ten codes that stand in for the phone once; only its argon2 hash is kept."""

    __tablename__ = "recovery_code"
    __table_args__ = (Index("ix_recovery_code_user", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    code_hash: Mapped[str] = mapped_column(String(200))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TrustedDevice(db.Model):
    """A browser that need not ask for a code until ``expires_at``: the SHA-256 of its token.

    The browser holds the token in a signed cookie; deleting the row (second factor reset,
    password changed, "forget my devices") makes the cookie worthless at once.
    """

    __tablename__ = "trusted_device"
    __table_args__ = (Index("ix_trusted_device_user", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(200), default="")  # the browser, as it says
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Passkey(db.Model):
    """A passkey (WebAuthn credential) that stands in for the code at login.

    Only its public key is kept; the private key never leaves the person's device.
    ``sign_count`` is the authenticator's counter: a login whose counter does not move on
    (where the device keeps one) comes from a cloned key and is refused.
    """

    __tablename__ = "passkey"
    __table_args__ = (Index("ix_passkey_user", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    credential_id: Mapped[str] = mapped_column(String(1400), unique=True)  # base64url
    public_key: Mapped[bytes] = mapped_column(LargeBinary)  # COSE, as the device gave it
    sign_count: Mapped[int] = mapped_column(BigInteger, default=0)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
