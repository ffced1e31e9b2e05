"""Log in, register, confirm e-mail, reset a password."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from foi.extensions import db, login_manager
from foi.i18n import current_locale
from foi.models import User
from foi.models.user import ADMIN, CITIZEN, OMBUDSMAN
from foi.services import accounts
from foi.services.errors import DomainError
from foi.web.auth.forms import LoginForm, RegisterForm, ResetPasswordForm, ResetRequestForm
from foi.web.forms import show_error
from foi.web.site.views import safe_next

bp = Blueprint("auth", __name__)
login_manager.login_view = "auth.login"


@login_manager.user_loader
def load_user(user_id: str):
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def home_for(user: User) -> str:
    if user.role == CITIZEN:
        return url_for("citizen.my_requests")
    if user.role == ADMIN:
        return url_for("admin.index")
    if user.role == OMBUDSMAN:
        return url_for("oversight.index")
    return url_for("officer.queue")


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            # A proxy in front must set remote_addr to the client's address (ProxyFix).
            user = accounts.login_attempt(email=form.email.data, password=form.password.data,
                                          ip=request.remote_addr)
        except accounts.LoginThrottled as exc:
            form.password.errors = [str(exc.message)]
        else:
            if user is None:
                form.password.errors = [_("The e-mail or password is not right.")]
            else:
                login_user(user, remember=form.remember.data)
                return redirect(safe_next(request.args.get("next"), home_for(user)))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout():
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("archive.home"))


@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = accounts.user_register(email=form.email.data, password=form.password.data,
                                          display_name=form.display_name.data,
                                          locale=current_locale())
        except DomainError as exc:
            show_error(form, exc)
        else:
            login_user(user)
            flash(_("Welcome! We sent you an e-mail to confirm your address."), "success")
            return redirect(safe_next(request.args.get("next"), url_for("citizen.new_request")))
    return render_template("auth/register.html", form=form)


@bp.get("/confirm/<token>")
def confirm(token: str):
    try:
        accounts.user_confirm(token)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("Your e-mail address is confirmed."), "success")
    return redirect(url_for("citizen.my_requests") if current_user.is_authenticated
                    else url_for("auth.login"))


@bp.route("/reset", methods=["GET", "POST"])
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        accounts.password_reset_request(form.email.data)
        flash(_("If an account uses this address, we sent it a link to set a new password."),
              "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_request.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            user = accounts.password_reset(token, form.password.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            login_user(user)
            flash(_("Your new password is set."), "success")
            return redirect(home_for(user))
    return render_template("auth/reset_password.html", form=form)


# Pages kept in their own modules register on the same blueprint.
from foi.web.auth import account  # noqa: E402,F401
