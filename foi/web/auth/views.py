"""Log in, register, confirm e-mail, reset a password."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from foi.extensions import login_manager
from foi.i18n import current_locale
from foi.models import User
from foi.models.user import ADMIN, CITIZEN, OMBUDSMAN
from foi.ratelimits import mail_allowed
from foi.ratelimits.web import reshow, too_many
from foi.services import accounts, forgotten_password, login_throttle, registration
from foi.services.errors import DomainError
from foi.web.auth import bp
from foi.web.auth.forms import (
    LoginForm,
    RegisterForm,
    ResetPasswordForm,
    ResetRequestForm,
    UnlockForm,
)
from foi.web.auth.second_factor import password_step_done
from foi.web.auth.sessions import sign_in
from foi.web.forms import form_status, show_error
from foi.web.site.views import safe_next

login_manager.login_view = "auth.login"


def home_for(user: User) -> str:
    """Return the page a person lands on after logging in, by role."""
    if user.role == CITIZEN:
        return url_for("citizen.my_requests")
    if user.role == ADMIN:
        return url_for("admin.index")
    if user.role == OMBUDSMAN:
        return url_for("oversight.index")
    return url_for("officer.queue")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in with e-mail and password (then the second factor, if any)."""
    form = LoginForm()
    if form.validate_on_submit():
        if refusal := too_many("login"):
            return reshow(refusal, form, "auth/login.html")
        try:
            # Behind a proxy, FOI_PROXY_HOPS makes remote_addr the client's (ProxyFix).
            user = login_throttle.login_attempt(
                email=form.email.data, password=form.password.data, ip=request.remote_addr
            )
        except login_throttle.LoginThrottled as exc:
            form.password.errors = [str(exc.message)]
        else:
            if user is None:
                form.password.errors = [_("The e-mail or password is not right.")]
            else:
                return password_step_done(
                    user, remember=form.remember.data, next_url=request.args.get("next")
                )
    return render_template("auth/login.html", form=form), form_status(form)


@bp.post("/logout")
def logout():
    """Log out: every login of the account ends."""
    if current_user.is_authenticated:
        # Every login of the account ends, here and on other devices, copied cookies included.
        accounts.logout(user=current_user)
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("archive.home"))


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Create a citizen account; a link to confirm the address is e-mailed."""
    form = RegisterForm()
    if form.validate_on_submit():
        if refusal := too_many("register"):
            return reshow(refusal, form, "auth/register.html")
        try:
            user = registration.user_register(
                email=form.email.data,
                password=form.password.data,
                display_name=form.display_name.data,
                locale=current_locale(),
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            # A taken address (None) answers exactly as a new one: its owner got an e-mail.
            if user is not None:
                sign_in(user)
            flash(_("Welcome! We sent you an e-mail to confirm your address."), "success")
            return redirect(safe_next(request.args.get("next"), url_for("citizen.new_request")))
    return render_template("auth/register.html", form=form), form_status(form)


@bp.get("/confirm/<token>")
def confirm(token: str):
    """Confirm one's address from the e-mailed link (and file held requests)."""
    try:
        registration.user_confirm(token)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("Your e-mail address is confirmed."), "success")
    return redirect(
        url_for("citizen.my_requests") if current_user.is_authenticated else url_for("auth.login")
    )


@bp.route("/reset", methods=["GET", "POST"])
def reset_request():
    """Ask for a password-reset link; the page never says whether the address exists."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        if refusal := too_many("reset"):
            return reshow(refusal, form, "auth/reset_request.html")
        # Past the address's few e-mails an hour the page answers the same, and sends nothing.
        # Counted before the service's transaction: on SQLite a counter written inside it would
        # wait for the lock that transaction holds.
        if mail_allowed(form.email.data):
            forgotten_password.password_reset_request(form.email.data, locale=current_locale())
        flash(
            _("If an account uses this address, we sent it a link to set a new password."), "info"
        )
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_request.html", form=form), form_status(form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    """Set a new password from the e-mailed reset link."""
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            user = forgotten_password.password_reset(token, form.password.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Your new password is set."), "success")
            # The second factor is still asked for: a reset link proves the mailbox only.
            return password_step_done(user, remember=False, next_url=None)
    return render_template("auth/reset_password.html", form=form), form_status(form)


@bp.route("/login/unlock/<token>", methods=["GET", "POST"])
def login_unlock(token: str):
    """Unlock a login locked by wrong passwords, from the e-mailed link.

    The page shows a button, so that a mail scanner that opens links does not use it up.
    """
    form = UnlockForm()
    if form.validate_on_submit():
        try:
            login_throttle.login_unlock(token)
        except DomainError as exc:
            flash(str(exc.message), "error")
        else:
            flash(_("Your login is unlocked. You can log in now."), "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/login_unlock.html", form=form)
