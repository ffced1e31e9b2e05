"""Passkeys: a WebAuthn credential on the person's device stands in for the code at login.

A passkey is added once the second factor (TOTP, with its recovery codes) is on, so that
losing the device never locks anyone out: the code and the recovery codes still work, and an
administrator's reset of the second factor removes the passkeys too. py_webauthn checks the
browser's answers (challenge, origin, relying party, signature, counter); the challenge of a
ceremony lives in the person's signed session cookie, between the two requests of one
ceremony, so every worker and host can finish it.

The relying party is the site's public address (``FOI_SITE_URL``): its host name is the
passkey's domain. Browsers refuse passkeys for an IP address, so a site reached by its IP
address (``make run`` at 127.0.0.1) offers none.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import delete, select
from webauthn import (
    base64url_to_bytes,
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import bytes_to_base64url, parse_authentication_credential_json
from webauthn.helpers.exceptions import InvalidAuthenticationResponse, InvalidRegistrationResponse
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from foi.extensions import db
from foi.models import LoginAttempt, Passkey, User
from foi.models.account_event import PASSKEY_ADDED, PASSKEY_REMOVED
from foi.models.base import utcnow
from foi.services import accounts, login_throttle
from foi.services.db import transaction
from foi.services.errors import DomainError, NotFound
from foi.services.second_factor import FAILURE_KEY, SecondFactorThrottled, second_factor_enabled

#: How many passkeys one account may keep (a phone, a laptop, a security key or two).
MAX_PASSKEYS = 10
SITE_NAME = "foi"


@dataclass(frozen=True)
class RelyingParty:
    """Who the passkeys belong to: the site's host name, and the origin its pages come from."""

    id: str
    origin: str

    @classmethod
    def of(cls, site_url: str) -> RelyingParty | None:
        """Return the relying party of the site at ``site_url``, or None for an IP address."""
        parts = urlsplit(site_url)
        host = parts.hostname or ""
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return cls(host, f"{parts.scheme}://{parts.netloc}") if host else None
        return None


def passkeys_of(user: User) -> list[Passkey]:
    """Return the account's passkeys, oldest first."""
    query = select(Passkey).where(Passkey.user_id == user.id).order_by(Passkey.id)
    return list(db.session.scalars(query))


def passkey_registration_start(*, user: User, rp: RelyingParty) -> tuple[str, bytes]:
    """Return the options for the browser to make a passkey (JSON), and their challenge."""
    if not second_factor_enabled(user):
        raise DomainError(_l("Turn on the second factor with an authenticator app first."))
    known = passkeys_of(user)
    if len(known) >= MAX_PASSKEYS:
        raise DomainError(
            lazy_ngettext(
                "An account keeps at most %(num)d passkey.",
                "An account keeps at most %(num)d passkeys.",
                MAX_PASSKEYS,
            )
        )
    options = generate_registration_options(
        rp_id=rp.id,
        rp_name=SITE_NAME,
        user_id=f"foi-user-{user.id}".encode(),
        user_name=user.email,
        user_display_name=user.display_name,
        exclude_credentials=[_descriptor(p) for p in known],
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    return options_to_json(options), options.challenge


def passkey_register(
    *,
    user: User,
    credential: str,
    challenge: bytes,
    label: str,
    rp: RelyingParty,
    now: datetime | None = None,
) -> Passkey:
    """Keep the passkey the browser made for ``challenge``, after checking its answer."""
    now = now or utcnow()
    if not second_factor_enabled(user):
        raise DomainError(_l("Turn on the second factor with an authenticator app first."))
    label = " ".join((label or "").split())[:100] or str(_l("Passkey"))
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp.id,
            expected_origin=rp.origin,
        )
    except (InvalidRegistrationResponse, ValueError, KeyError, TypeError) as exc:
        raise DomainError(_l("The passkey could not be added: try again.")) from exc
    credential_id = bytes_to_base64url(verified.credential_id)
    with transaction() as session:
        if session.scalar(select(Passkey.id).where(Passkey.credential_id == credential_id)):
            raise DomainError(_l("This passkey is added already."))
        passkey = Passkey(
            user_id=user.id,
            credential_id=credential_id,
            public_key=verified.credential_public_key,
            sign_count=verified.sign_count,
            label=label,
            created_at=now,
        )
        session.add(passkey)
        accounts.account_record(user, PASSKEY_ADDED, actor=user, at=now, label=label)
    return passkey


def passkey_login_start(*, user: User, rp: RelyingParty) -> tuple[str, bytes]:
    """Return the options for the browser to sign in with one of the account's passkeys."""
    known = passkeys_of(user)
    if not known:
        raise NotFound()
    options = generate_authentication_options(
        rp_id=rp.id,
        allow_credentials=[_descriptor(p) for p in known],
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    return options_to_json(options), options.challenge


def passkey_verify(
    *,
    user: User,
    credential: str,
    challenge: bytes,
    ip: str | None,
    rp: RelyingParty,
    now: datetime | None = None,
) -> Passkey:
    """Check a passkey's answer at login instead of a code; a wrong one counts as a failure.

    Refused without checking while the account's failures are over the login limits, the
    same count the codes of :func:`foi.services.second_factor.second_factor_verify` keep.
    """
    now = now or utcnow()
    key = FAILURE_KEY.format(user_id=user.id)
    ip = (ip or "")[:45]
    if until := login_throttle.lock_end(key, ip, now):
        raise SecondFactorThrottled(until, now)
    passkey = _checked(user, credential, challenge, rp)
    with transaction() as session:
        if passkey is None:
            session.add(LoginAttempt(email=key, ip=ip, at=now))
        else:
            passkey.last_used_at = now
            session.execute(delete(LoginAttempt).where(LoginAttempt.email == key))
    if passkey is None:
        raise DomainError(_l("This passkey did not open the account. Type a code instead."))
    return passkey


def _checked(user: User, credential: str, challenge: bytes, rp: RelyingParty) -> Passkey | None:
    """Return the user's passkey that signed ``challenge``, its counter moved on; else None."""
    try:
        parsed = parse_authentication_credential_json(credential)
    except (ValueError, KeyError, TypeError):  # JSONDecodeError is a ValueError
        return None
    passkey = db.session.scalar(
        select(Passkey).where(Passkey.user_id == user.id, Passkey.credential_id == parsed.id)
    )
    if passkey is None:
        return None
    try:
        verified = verify_authentication_response(
            credential=parsed,
            expected_challenge=challenge,
            expected_rp_id=rp.id,
            expected_origin=rp.origin,
            credential_public_key=passkey.public_key,
            credential_current_sign_count=passkey.sign_count,
        )
    except (InvalidAuthenticationResponse, ValueError, KeyError, TypeError):
        return None
    passkey.sign_count = verified.new_sign_count
    return passkey


def passkey_remove(*, user: User, passkey_id: int, password: str) -> None:
    """Remove one of the account's passkeys, after the password."""
    passkey = db.session.get(Passkey, passkey_id)
    if passkey is None or passkey.user_id != user.id:
        raise NotFound()
    accounts.password_check(user, password, field="password")
    with transaction() as session:
        accounts.account_record(user, PASSKEY_REMOVED, actor=user, label=passkey.label)
        session.delete(passkey)


def _descriptor(passkey: Passkey) -> PublicKeyCredentialDescriptor:
    return PublicKeyCredentialDescriptor(id=base64url_to_bytes(passkey.credential_id))
