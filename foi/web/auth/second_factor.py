"""The second factor in the browser: the code step of login, set-up, recovery codes, devices.

After a right password, an account with a second factor is not signed in yet: the session only
remembers, for ten minutes, who gave the password; the code page then signs them in. A member
of staff whose role requires a second factor and who has none is signed in but sent to the
set-up page, and nothing else opens until it is done.
"""

import hashlib
import time

from flask import (
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from foi.models import User
from foi.ratelimits.web import reshow, too_many
from foi.services import passkeys, recovery_codes, remembered_devices
from foi.services import second_factor as sf
from foi.services.errors import DomainError
from foi.services.selectors import user_by_id
from foi.web.auth import bp
from foi.web.auth.sessions import sign_in, sign_in_again
from foi.web.forms import form_status, show_error
from foi.web.site.views import safe_next

PENDING = "second_factor_pending"
PENDING_SECONDS = 600
# Pages a member of staff without a second factor may still open: setting it up, leaving.
_OPEN_ENDPOINTS = frozenset(
    {
        "static",
        "auth.second_factor",
        "auth.second_factor_setup",
        "auth.logout",
        "site.set_language",
    }
)


class CodeForm(FlaskForm):
    """Ask for the authenticator's code, or a recovery code, at login."""

    code = StringField(
        _l("Code"),
        validators=[DataRequired(), Length(max=40)],
        description=_l(
            "The 6 digits your authenticator app shows now, or one of your recovery codes."
        ),
    )
    remember_device = BooleanField(_l("Do not ask for a code on this device for 30 days"))


class SetUpForm(FlaskForm):
    """Ask for a code from the new key, to show the app works."""

    code = StringField(
        _l("Code from the app"),
        validators=[DataRequired(), Length(max=40)],
        description=_l("Type the 6 digits the app shows for foi, to show it works."),
    )


class PasswordConfirmForm(FlaskForm):
    """Ask for the password again before a change to the second factor."""

    password = PasswordField(_l("Your password"), validators=[DataRequired()])


# --- After the password ---------------------------------------------------------------------


def password_step_done(user: User, *, remember: bool, next_url: str | None):
    """Sign ``user`` in after a right password, or first ask for their second factor.

    A browser remembered for this account skips the code. Return the redirect to send.
    """
    # foi.web.auth.views imports this module (password_step_done): a cycle at the top.
    from foi.web.auth.views import home_for

    target = safe_next(next_url, "")
    if sf.second_factor_enabled(user) and not remembered_devices.device_recognised(
        user=user, cookie=request.cookies.get(remembered_devices.device_cookie_name(user))
    ):
        session[PENDING] = {
            "user": user.id,
            "stamp": _password_stamp(user),
            "remember": bool(remember),
            "next": target,
            "at": int(time.time()),
        }
        return redirect(url_for("auth.second_factor_login"))
    session.pop(PENDING, None)
    sign_in(user, remember=remember)
    if sf.second_factor_required(user) and not sf.second_factor_enabled(user):
        return redirect(url_for("auth.second_factor"))
    return redirect(target or home_for(user))


def _password_stamp(user: User) -> str:
    """Name the password in use without putting any of its hash in the (readable) session."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def pending_login() -> tuple[User, dict] | None:
    """Return who gave the right password in this browser a moment ago, if anyone."""
    state = session.get(PENDING)
    if not isinstance(state, dict):
        return None
    user = user_by_id(state.get("user") or 0)
    fresh = time.time() - state.get("at", 0) < PENDING_SECONDS
    # A password changed since (a reset, say) makes the half-done login worthless.
    if user is None or not user.active or not fresh or _password_stamp(user) != state["stamp"]:
        session.pop(PENDING, None)
        return None
    return user, state


@bp.route("/login/second-factor", methods=["GET", "POST"])
def second_factor_login():
    """Ask for the code (or the passkey) after the password; sign in when it is right."""
    pending = pending_login()
    if pending is None:
        flash(_("Log in with your e-mail and password first."), "info")
        return redirect(url_for("auth.login"))
    user, state = pending
    form = CodeForm()
    if form.validate_on_submit():
        # Codes typed count with passwords against the login limit of the client's address.
        if refusal := too_many("login"):
            return reshow(refusal, form, "auth/second_factor_login.html", **_passkey_offer(user))
        try:
            # A proxy in front must set remote_addr to the client's address (ProxyFix).
            method = sf.second_factor_verify(user=user, code=form.code.data, ip=request.remote_addr)
        except DomainError as exc:
            show_error(form, exc)
        else:
            response = complete_login(user, state, form.remember_device.data, redirect)
            if method == "recovery":
                flash(
                    _(
                        "You used a recovery code: %(num)d left. Make new ones on your account "
                        "page if you are running out.",
                        num=recovery_codes.recovery_codes_left(user),
                    ),
                    "warning",
                )
            return response
    page = render_template("auth/second_factor_login.html", form=form, **_passkey_offer(user))
    return page, form_status(form)


def _passkey_offer(user: User) -> dict:
    """Say whether the login page offers the account's passkeys (the site must have a name)."""
    return {"passkeys": bool(relying_party() and passkeys.passkeys_of(user))}


def relying_party() -> passkeys.RelyingParty | None:
    """Return the site's relying party for passkeys, or None when it is reached by IP address."""
    return passkeys.RelyingParty.of(current_app.config["SITE_URL"])


def complete_login(user: User, state: dict, remember_device: bool, respond):
    """Sign ``user`` in after the second step; ``respond`` makes the answer from the next URL."""
    # foi.web.auth.views imports this module (password_step_done): a cycle at the top.
    from foi.web.auth.views import home_for

    session.pop(PENDING, None)
    sign_in(user, remember=state["remember"])
    response = respond(state["next"] or home_for(user))
    if remember_device:
        _remember_device(response, user)
    return response


def _remember_device(response, user: User) -> None:
    value = remembered_devices.device_remember(user=user, label=request.user_agent.string)
    response.set_cookie(
        remembered_devices.device_cookie_name(user),
        value,
        max_age=remembered_devices.REMEMBER_DAYS * 86400,
        path=url_for("auth.login"),  # sent only to the login pages, which read it
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
        httponly=True,
        samesite="Lax",
    )


# --- Staff without a second factor: the set-up page and nothing else ------------------------


@bp.before_app_request
def second_factor_gate():
    """Send a member of staff without the second factor their role requires to set it up."""
    if request.endpoint is None or request.endpoint in _OPEN_ENDPOINTS:
        return None
    if not current_user.is_authenticated or not sf.second_factor_required(current_user):
        return None
    if sf.second_factor_enabled(current_user):
        return None
    if request.blueprint == "api":
        abort(403)
    flash(_("Your role signs in with a second factor: set it up to continue."), "info")
    return redirect(url_for("auth.second_factor"), code=303)


# --- The account's page: set up, recovery codes, devices, turn off -------------------------


def _render(status=200, **forms):
    user = current_user
    enabled = sf.second_factor_enabled(user)
    context = {
        "enabled": enabled,
        "required": sf.second_factor_required(user),
        "setup": None if enabled else sf.second_factor_setup_start(user=user),
        "codes_left": recovery_codes.recovery_codes_left(user) if enabled else 0,
        "devices": remembered_devices.devices_count(user) if enabled else 0,
        "setup_form": forms.get("setup_form") or SetUpForm(prefix="setup", formdata=None),
        "renew_form": forms.get("renew_form") or PasswordConfirmForm(prefix="renew", formdata=None),
        "disable_form": forms.get("disable_form")
        or PasswordConfirmForm(prefix="disable", formdata=None),
        "passkeys_on": relying_party() is not None,
        "passkeys": passkeys.passkeys_of(user) if enabled else [],
        "remove_form": forms.get("remove_form")
        or PasswordConfirmForm(prefix="remove", formdata=None),
        "remove_id": forms.get("remove_id"),
    }
    return render_template("auth/second_factor.html", **context), status


def _codes_page(codes: list[str]):
    response = make_response(render_template("auth/recovery_codes.html", codes=codes))
    response.headers["Cache-Control"] = "no-store"  # shown once: never kept by a cache
    return response


@bp.get("/account/second-factor")
@login_required
def second_factor():
    """Show the QR code to set up the second factor, or what can be done with it."""
    return _render()


@bp.post("/account/second-factor/setup")
@login_required
def second_factor_setup():
    """Turn the second factor on with a code from the new key; show the recovery codes once."""
    form = SetUpForm(prefix="setup")
    if form.validate_on_submit():
        try:
            codes = sf.second_factor_setup_confirm(user=current_user, code=form.code.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            sign_in_again(current_user._get_current_object())
            flash(_("The second factor is on. Other devices were signed out."), "success")
            return _codes_page(codes)
    return _render(form_status(form), setup_form=form)


@bp.post("/account/second-factor/recovery-codes")
@login_required
def second_factor_recovery_codes():
    """Replace the recovery codes with ten new ones, after the password."""
    form = PasswordConfirmForm(prefix="renew")
    if form.validate_on_submit():
        try:
            codes = sf.recovery_codes_renew(user=current_user, password=form.password.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("New recovery codes are made; the old ones no longer work."), "success")
            return _codes_page(codes)
    return _render(form_status(form), renew_form=form)


@bp.post("/account/second-factor/devices/forget")
@login_required
def second_factor_devices_forget():
    """Make every remembered browser of the account ask for a code again."""
    remembered_devices.devices_forget(user=current_user)
    flash(_("Every device asks for a code again at the next login."), "success")
    return redirect(url_for("auth.second_factor"))


@bp.post("/account/second-factor/disable")
@login_required
def second_factor_disable():
    """Turn off a citizen's second factor, after the password."""
    form = PasswordConfirmForm(prefix="disable")
    if form.validate_on_submit():
        try:
            sf.second_factor_disable(user=current_user, password=form.password.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("The second factor is off: you log in with your password alone."), "info")
            return redirect(url_for("auth.account"))
    return _render(form_status(form), disable_form=form)
