"""The second factor of an account: TOTP codes, one-time recovery codes, remembered devices.

Officers, coordinators, administrators and the oversight body must use one
(``TWO_FACTOR_REQUIRED_ROLES``); citizens may. After the password, a person with a second
factor types a code from their authenticator app (RFC 6238, 30-second steps, one step of clock
drift either way) or one of ten recovery codes. Wrong codes are throttled like wrong passwords,
in the same database table, so every worker counts them together; a code is accepted once (the
step it belongs to is stored), and two workers given the same code at the same moment cannot
both accept it (the step is moved forward with a compare-and-set).

A browser can be remembered for 30 days (``remembered_devices``); the recovery codes are kept
in ``recovery_codes``. Passkeys, the other way to pass this step, are ``passkeys``.
"""

import hmac
import io
import math
import re
from dataclasses import dataclass
from datetime import datetime

import pyotp
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import delete, select, update

from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import LoginAttempt, Passkey, RecoveryCode, SecondFactor, User
from foi.models.account_event import (
    RECOVERY_CODE_USED,
    RECOVERY_CODES_RENEWED,
    SECOND_FACTOR_DISABLED,
    SECOND_FACTOR_ENABLED,
    SECOND_FACTOR_RESET,
)
from foi.models.base import utcnow
from foi.models.user import ADMIN
from foi.services import (
    accounts,
    login_sessions,
    login_throttle,
    recovery_codes,
    remembered_devices,
)
from foi.services.db import rows_changed, transaction
from foi.services.errors import DomainError, NotAllowed, NotFound

STEP_SECONDS = 30
_CODE = re.compile(r"^\d{6}$")
FAILURE_KEY = "2fa:{user_id}"  # in login_attempt.email: never an address (no "@")


class SecondFactorThrottled(DomainError):
    """Too many wrong codes: refused until ``until`` without checking the code."""

    def __init__(self, until: datetime, now: datetime):
        minutes = max(1, math.ceil((until - now).total_seconds() / 60))
        super().__init__(
            lazy_ngettext(
                "Too many wrong codes. Wait %(num)d minute and try again.",
                "Too many wrong codes. Wait %(num)d minutes and try again.",
                minutes,
            ),
            field="code",
        )
        self.until = until


@dataclass(frozen=True)
class SetUp:
    """What the set-up page shows: the key, as a QR code and as text to type."""

    secret: str
    uri: str
    qr_svg: str

    @property
    def secret_grouped(self) -> str:
        """Return the key in groups of four, easier to type into an app by hand."""
        return " ".join(self.secret[i : i + 4] for i in range(0, len(self.secret), 4))


# --- Who must use one, who has one -----------------------------------------------------------


def second_factor_required(user: User) -> bool:
    """Tell whether ``user``'s role must sign in with a second factor."""
    return user.role in current_app.config.get("TWO_FACTOR_REQUIRED_ROLES", ())


def second_factor_of(user: User) -> SecondFactor | None:
    """Return the account's second factor in use (confirmed), or None."""
    row = _row(user)
    return row if row is not None and row.confirmed_at is not None else None


def second_factor_enabled(user: User) -> bool:
    """Tell whether ``user`` signs in with a second factor."""
    return second_factor_of(user) is not None


# --- Setting it up ---------------------------------------------------------------------------


def second_factor_setup_start(*, user: User) -> SetUp:
    """Return the key to add to an authenticator app, made once and kept until confirmed.

    Reloading the page shows the same key, since the person may have scanned it already.
    """
    row = _row(user)
    if row is not None and row.confirmed_at is not None:
        raise NotAllowed(_l("The second factor is already turned on."))
    if row is None:
        with transaction() as session:
            row = SecondFactor(user_id=user.id, secret=pyotp.random_base32(32))
            session.add(row)
    uri = pyotp.TOTP(row.secret, interval=STEP_SECONDS).provisioning_uri(
        name=user.email, issuer_name=current_app.config.get("SITE_NAME", "foi")
    )
    return SetUp(secret=row.secret, uri=uri, qr_svg=_qr_svg(uri))


def second_factor_setup_confirm(*, user: User, code: str, now: datetime | None = None) -> list[str]:
    """Turn the second factor on once a code from the new key is typed; return recovery codes.

    The codes are returned in clear this once and stored only as argon2 hashes. Every other
    session of the account ends: whoever was signed in with the password alone is signed out.
    """
    now = now or utcnow()
    row = _row(user)
    if row is None or row.confirmed_at is not None:
        raise NotAllowed(_l("Start the set-up again: open the page with the QR code."))
    step = _matching_step(row.secret, code, now)
    if step is None:
        raise DomainError(
            _l("This code is not right. Check the time on your phone and type the newest code."),
            field="code",
        )
    with transaction():
        row.confirmed_at = now
        row.last_step = step
        codes = recovery_codes.recovery_codes_replace(user, now)
        remembered_devices.devices_delete(user)
        accounts.account_record(user, SECOND_FACTOR_ENABLED, actor=user, at=now)
        other_sessions_end(user, now=now)
    return codes


def recovery_codes_renew(*, user: User, password: str, now: datetime | None = None) -> list[str]:
    """Replace the account's recovery codes with ten new ones (the old ones stop working)."""
    if not second_factor_enabled(user):
        raise NotAllowed(_l("Turn on the second factor first."))
    accounts.password_check(user, password, field="password")
    now = now or utcnow()
    with transaction():
        codes = recovery_codes.recovery_codes_replace(user, now)
        accounts.account_record(user, RECOVERY_CODES_RENEWED, actor=user, at=now)
    return codes


def second_factor_disable(*, user: User, password: str, now: datetime | None = None) -> None:
    """Turn off a citizen's second factor at their wish (staff must keep theirs)."""
    now = now or utcnow()
    if second_factor_required(user):
        raise NotAllowed(_l("Your role must sign in with a second factor."))
    if not second_factor_enabled(user):
        raise NotAllowed(_l("The second factor is not turned on."))
    accounts.password_check(user, password, field="password")
    with transaction():
        second_factor_forget(user)
        accounts.account_record(user, SECOND_FACTOR_DISABLED, actor=user, at=now)


def second_factor_reset(*, actor: User, user_id: int, now: datetime | None = None) -> User:
    """Let an administrator remove someone's second factor (a lost phone); tell the owner.

    The owner sets up a new one at their next login (if their role must have one); their
    remembered devices and sessions end. The change is in the account's history.
    """
    if not (getattr(actor, "is_authenticated", False) and actor.role == ADMIN):
        raise NotFound()
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound()
    if user.id == actor.id:
        raise NotAllowed(_l("You cannot reset your own second factor. Ask another administrator."))
    if _row(user) is None:
        raise NotAllowed(_l("This account has no second factor to reset."))
    now = now or utcnow()
    with transaction() as session:
        second_factor_forget(user)
        event = accounts.account_record(user, SECOND_FACTOR_RESET, actor=actor, at=now)
        session.flush()  # the event's id names this reset in the message's key
        enqueue(
            f"user:{user.id}:second-factor-reset:{event.id}",
            user.email,
            "second_factor_reset",
            user.locale,
            user=user,
            reset_at=now,
            required=second_factor_required(user),
        )
        all_sessions_end(user, now=now)
    return user


# --- Signing in ------------------------------------------------------------------------------


def second_factor_verify(
    *, user: User, code: str, ip: str | None, now: datetime | None = None
) -> str:
    """Check a code typed at login; return "totp" or "recovery", or raise a DomainError.

    Refused without checking while the account's wrong codes (or the address's failures) are
    over the login limits; a wrong code counts as a failed login.
    """
    now = now or utcnow()
    row = second_factor_of(user)
    if row is None:
        raise NotAllowed(_l("This account has no second factor."))
    key = FAILURE_KEY.format(user_id=user.id)
    ip = (ip or "")[:45]
    if until := login_throttle.lock_end(key, ip, now):
        raise SecondFactorThrottled(until, now)
    with transaction() as session:
        method = _accept_totp(row, code, now) or recovery_codes.recovery_code_accept(
            user, code, now
        )
        if method is None:
            session.add(LoginAttempt(email=key, ip=ip, at=now))
        else:
            session.execute(delete(LoginAttempt).where(LoginAttempt.email == key))
            if method == "recovery":
                accounts.account_record(
                    user,
                    RECOVERY_CODE_USED,
                    actor=user,
                    at=now,
                    left=recovery_codes.recovery_codes_left(user),
                )
    if method is None:
        raise DomainError(
            _l("This code is not right, or it was used already. Type the newest code."),
            field="code",
        )
    return method


def _accept_totp(row: SecondFactor, code: str, now: datetime) -> str | None:
    step = _matching_step(row.secret, code, now)
    if step is None or (row.last_step is not None and step <= row.last_step):
        return None
    # Compare-and-set: of two workers given the same code at once, only one moves the step on
    # (PostgreSQL re-checks the condition once the first one's row lock is released).
    moved = rows_changed(
        update(SecondFactor)
        .where(
            SecondFactor.id == row.id,
            SecondFactor.last_step.is_(None) | (SecondFactor.last_step < step),
        )
        .values(last_step=step)
        .execution_options(synchronize_session=False)
    )
    return "totp" if moved == 1 else None


def _matching_step(secret: str, code: str, now: datetime) -> int | None:
    """Return the time step within one step of ``now`` whose code is ``code``, or None."""
    code = "".join((code or "").split())
    if not _CODE.match(code):
        return None
    totp = pyotp.TOTP(secret, interval=STEP_SECONDS)
    current = int(now.timestamp()) // STEP_SECONDS
    for step in (current, current - 1, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


# --- Ending sessions -------------------------------------------------------------------------


def other_sessions_end(user: User, *, now: datetime | None = None) -> None:
    """Inside the caller's transaction: end every login of ``user``, this one's too.

    Whoever was signed in with the password alone is out, a copy of this browser's cookies
    included; the page gives this browser a new login at once.
    """
    now = now or utcnow()
    accounts.sessions_end(user, reason=login_sessions.SECOND_FACTOR_ON, now=now)


def all_sessions_end(user: User, *, now: datetime | None = None) -> None:
    """Inside the caller's transaction: end every login of ``user`` (their factor was reset)."""
    now = now or utcnow()
    accounts.sessions_end(user, reason=login_sessions.SECOND_FACTOR_RESET, now=now)


# --- Helpers ---------------------------------------------------------------------------------


def _row(user: User) -> SecondFactor | None:
    return db.session.scalar(select(SecondFactor).where(SecondFactor.user_id == user.id))


def second_factor_forget(user: User) -> None:
    """Delete the account's key, recovery codes, passkeys and remembered browsers."""
    db.session.execute(delete(SecondFactor).where(SecondFactor.user_id == user.id))
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.execute(delete(Passkey).where(Passkey.user_id == user.id))  # foi.services.passkeys
    remembered_devices.devices_delete(user)


def _qr_svg(uri: str) -> str:
    """Return the QR code of ``uri`` as an inline SVG element (no script, allowed by the CSP)."""
    # Only the set-up page draws a QR code: qrcode is loaded then.
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buf = io.BytesIO()
    image.save(buf)
    svg = buf.getvalue().decode()
    return svg[svg.index("<svg") :]
