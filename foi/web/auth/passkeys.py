"""Passkeys on the account's second-factor page, and at login instead of typing a code.

Each ceremony takes two requests: the browser asks for options (a challenge, kept in the
signed session until the second request), then sends what the device answered. Both are
JSON, sent by foi/static/js/passkeys.js with the page's CSRF token; an error is a JSON
problem (RFC 9457) whose ``detail`` the page shows in the reader's language.
"""

import json

from flask import abort, flash, jsonify, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from foi.api.problems import problem
from foi.ratelimits.web import too_many
from foi.services import passkeys
from foi.services.errors import DomainError, NotFound
from foi.web.auth import bp
from foi.web.auth.second_factor import (
    PasswordConfirmForm,
    _render,
    complete_login,
    pending_login,
    relying_party,
)
from foi.web.forms import form_status, show_error

REGISTERING, SIGNING_IN = "passkey_registration", "passkey_login"


def _options(json_text: str, challenge: bytes, key: str):
    """Keep the ceremony's challenge in the session; answer py_webauthn's options JSON."""
    session[key] = challenge.hex()
    response = jsonify({})
    response.set_data(json_text)  # py_webauthn's own standard encoding (base64url bytes)
    response.headers["Cache-Control"] = "no-store"
    return response


def _challenge(key: str) -> bytes | None:
    """Take the ceremony's challenge out of the session: each one serves one answer."""
    value = session.pop(key, None)
    try:
        return bytes.fromhex(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _credential() -> str | None:
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("credential"), dict):
        return None
    return json.dumps(body["credential"])


@bp.post("/account/passkeys/options")
@login_required
def passkey_options():
    """Start adding a passkey: the options for ``navigator.credentials.create``."""
    rp = relying_party()
    if rp is None:
        return problem(404)
    try:
        options, challenge = passkeys.passkey_registration_start(user=current_user, rp=rp)
    except DomainError as exc:
        return problem(422, exc.message)
    return _options(options, challenge, REGISTERING)


@bp.post("/account/passkeys")
@login_required
def passkey_add():
    """Keep the passkey the device made; the page then shows it in the list."""
    rp, challenge, credential = relying_party(), _challenge(REGISTERING), _credential()
    if rp is None:
        return problem(404)
    if challenge is None or credential is None:
        return problem(422, _("The passkey could not be added: try again."))
    label = (request.get_json(silent=True) or {}).get("label")
    try:
        passkeys.passkey_register(
            user=current_user,
            credential=credential,
            challenge=challenge,
            label=label if isinstance(label, str) else "",
            rp=rp,
        )
    except DomainError as exc:
        return problem(422, exc.message)
    flash(_("The passkey is added: you can sign in with it instead of a code."), "success")
    return jsonify(redirect=url_for("auth.second_factor"))


@bp.post("/account/passkeys/<int:passkey_id>/remove")
@login_required
def passkey_remove(passkey_id: int):
    """Remove one passkey, after the password."""
    form = PasswordConfirmForm(prefix="remove")
    if form.validate_on_submit():
        try:
            passkeys.passkey_remove(
                user=current_user, passkey_id=passkey_id, password=form.password.data
            )
        except NotFound:
            abort(404)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("The passkey is removed."), "success")
            return redirect(url_for("auth.second_factor"))
    return _render(form_status(form), remove_form=form, remove_id=passkey_id)


@bp.post("/login/second-factor/passkey/options")
def passkey_login_options():
    """Start signing in with a passkey after the password: the options for ``get``."""
    pending, rp = pending_login(), relying_party()
    if pending is None or rp is None:
        return problem(404)
    try:
        options, challenge = passkeys.passkey_login_start(user=pending[0], rp=rp)
    except NotFound:
        return problem(404)
    return _options(options, challenge, SIGNING_IN)


@bp.post("/login/second-factor/passkey")
def passkey_login():
    """Sign in with the passkey's answer instead of a code."""
    pending, rp = pending_login(), relying_party()
    if pending is None or rp is None:
        return problem(404)
    user, state = pending
    challenge, credential = _challenge(SIGNING_IN), _credential()
    # Passkeys count with passwords and codes against the login limit of the client's address.
    if refusal := too_many("login"):
        response = problem(429, _("Too many tries. Wait a while, then try again."))
        response.headers["Retry-After"] = str(refusal.retry_after)
        return response
    if challenge is None or credential is None:
        return problem(422, _("This passkey did not open the account. Type a code instead."))
    try:
        passkeys.passkey_verify(
            user=user, credential=credential, challenge=challenge, ip=request.remote_addr, rp=rp
        )
    except DomainError as exc:
        return problem(422, exc.message)
    remember = bool((request.get_json(silent=True) or {}).get("remember_device"))
    return complete_login(user, state, remember, lambda url: jsonify(redirect=url))
