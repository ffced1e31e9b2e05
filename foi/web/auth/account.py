"""Everyone's account page: name, language, password, e-mail address; citizens may delete it.

Also the page where an invited member of staff sets their first password.
"""
from flask import abort, current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from foi.models.user import CITIZEN
from foi.services import accounts
from foi.services.errors import DomainError
from foi.web.auth.forms import (
    DeleteAccountForm,
    EmailChangeForm,
    PasswordChangeForm,
    ProfileForm,
    ResetPasswordForm,
)
from foi.web.auth.views import bp, home_for
from foi.web.forms import show_error


def _profile_form(**kwargs) -> ProfileForm:
    form = ProfileForm(prefix="profile", **kwargs)
    form.locale.choices = list(current_app.config["LANGUAGES"])
    return form


def _render(**bound):
    """Render the account page with the forms given bound and the others fresh."""
    forms = {
        "profile_form": bound.get("profile_form") or _profile_form(
            formdata=None, display_name=current_user.display_name, locale=current_user.locale),
        "password_form": bound.get("password_form") or PasswordChangeForm(
            prefix="password", formdata=None),
        "email_form": bound.get("email_form") or EmailChangeForm(prefix="email", formdata=None),
        "delete_form": (bound.get("delete_form") or DeleteAccountForm(prefix="delete",
                                                                      formdata=None))
        if current_user.role == CITIZEN else None,
    }
    return render_template("auth/account.html", user=current_user, **forms)


@bp.get("/account")
@login_required
def account():
    return _render()


@bp.post("/account/profile")
@login_required
def account_profile():
    form = _profile_form()
    if form.validate_on_submit():
        try:
            accounts.account_profile_update(user=current_user, display_name=form.display_name.data,
                                            locale=form.locale.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            session["lang"] = form.locale.data  # the header switch's choice follows the account
            flash(_("Your name and language are saved."), "success")
            return redirect(url_for("auth.account"))
    return _render(profile_form=form)


@bp.post("/account/password")
@login_required
def account_password():
    form = PasswordChangeForm(prefix="password")
    if form.validate_on_submit():
        try:
            accounts.password_change(user=current_user,
                                     current_password=form.current_password.data,
                                     new_password=form.new_password.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Your new password is set."), "success")
            return redirect(url_for("auth.account"))
    return _render(password_form=form)


@bp.post("/account/email")
@login_required
def account_email():
    form = EmailChangeForm(prefix="email")
    if form.validate_on_submit():
        try:
            accounts.email_change_request(user=current_user, password=form.password.data,
                                          new_email=form.email.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("We sent a link to %(email)s. Your address changes when you open it.",
                    email=form.email.data.strip().lower()), "info")
            return redirect(url_for("auth.account"))
    return _render(email_form=form)


@bp.get("/account/email/<token>")
def confirm_email_change(token: str):
    try:
        user = accounts.email_change_confirm(token)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("Your e-mail address is now %(email)s.", email=user.email), "success")
    return redirect(url_for("auth.account") if current_user.is_authenticated
                    else url_for("auth.login"))


@bp.post("/account/delete")
@login_required
def account_delete():
    if current_user.role != CITIZEN:
        abort(404)
    form = DeleteAccountForm(prefix="delete")
    if form.validate_on_submit():
        try:
            accounts.account_delete(user=current_user, password=form.password.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            logout_user()
            flash(_("Your account is deleted. Your requests stay in the archive without your "
                    "name."), "success")
            return redirect(url_for("archive.home"))
    return _render(delete_form=form)


@bp.route("/welcome/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            user = accounts.invitation_accept(token, form.password.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            logout_user()
            login_user(user)
            flash(_("Your password is set. Welcome to foi."), "success")
            return redirect(home_for(user))
    return render_template("auth/account_welcome.html", form=form)
