"""Everyone's account page: name, language, password, e-mail address; citizens may delete it.

Also the page where an invited member of staff sets their first password.
"""

from flask import abort, current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from foi.models.user import CITIZEN
from foi.ratelimits.web import reshow, too_many
from foi.services import account_deletion, account_page, invitations, login_sessions
from foi.services.errors import DomainError
from foi.web.auth import bp
from foi.web.auth.forms import (
    DeleteAccountForm,
    EmailChangeForm,
    PasswordChangeForm,
    ProfileForm,
    ResetPasswordForm,
)
from foi.web.auth.second_factor import password_step_done
from foi.web.auth.sessions import sign_in_again
from foi.web.forms import form_status, show_error
from foi.web.presenters import device_label


def _profile_form(**kwargs) -> ProfileForm:
    form = ProfileForm(prefix="profile", **kwargs)
    form.locale.choices = list(current_app.config["LANGUAGES"])
    return form


def _render(**bound):
    """Render the account page with the forms given bound and the others fresh."""
    forms = {
        "profile_form": bound.get("profile_form")
        or _profile_form(
            formdata=None, display_name=current_user.display_name, locale=current_user.locale
        ),
        "password_form": bound.get("password_form")
        or PasswordChangeForm(prefix="password", formdata=None),
        "email_form": bound.get("email_form") or EmailChangeForm(prefix="email", formdata=None),
        "delete_form": (
            bound.get("delete_form") or DeleteAccountForm(prefix="delete", formdata=None)
        )
        if current_user.role == CITIZEN
        else None,
    }
    sessions = login_sessions.sessions_active(current_user)
    return render_template(
        "auth/account.html",
        user=current_user,
        sessions=sessions,
        device_label=device_label,
        **forms,
    ), form_status(*forms.values())


@bp.get("/account")
@login_required
def account():
    """Show the signed-in person's account: name, language, password, address."""
    return _render()


@bp.post("/account/profile")
@login_required
def account_profile():
    """Change one's name and language."""
    form = _profile_form()
    if form.validate_on_submit():
        try:
            account_page.account_profile_update(
                user=current_user, display_name=form.display_name.data, locale=form.locale.data
            )
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
    """Change one's password (the current one is asked first); remembered devices are forgotten."""
    form = PasswordChangeForm(prefix="password")
    if form.validate_on_submit():
        try:
            account_page.password_change(
                user=current_user,
                current_password=form.current_password.data,
                new_password=form.new_password.data,
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            sign_in_again(current_user._get_current_object())
            flash(_("Your new password is set. Your other devices are signed out."), "success")
            return redirect(url_for("auth.account"))
    return _render(password_form=form)


@bp.post("/account/email")
@login_required
def account_email():
    """Ask to change one's address: a link goes to the new one."""
    form = EmailChangeForm(prefix="email")
    if form.validate_on_submit():
        if refusal := too_many("email_change"):
            return reshow(refusal, form, lambda: _render(email_form=form))
        try:
            account_page.email_change_request(
                user=current_user, password=form.password.data, new_email=form.email.data
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(
                _(
                    "We sent a link to %(email)s. Your address changes when you open it.",
                    email=form.email.data.strip().lower(),
                ),
                "info",
            )
            return redirect(url_for("auth.account"))
    return _render(email_form=form)


@bp.get("/account/email/<token>")
def confirm_email_change(token: str):
    """Confirm the new address from the e-mailed link."""
    try:
        user = account_page.email_change_confirm(token)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("Your e-mail address is now %(email)s.", email=user.email), "success")
    return redirect(
        url_for("auth.account") if current_user.is_authenticated else url_for("auth.login")
    )


@bp.post("/account/delete")
@login_required
def account_delete():
    """Let a citizen delete their account (with their password)."""
    if current_user.role != CITIZEN:
        abort(404)
    form = DeleteAccountForm(prefix="delete")
    if form.validate_on_submit():
        try:
            account_deletion.account_delete(user=current_user, password=form.password.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            logout_user()
            flash(
                _("Your account is deleted. Your requests stay in the archive without your name."),
                "success",
            )
            return redirect(url_for("archive.home"))
    return _render(delete_form=form)


@bp.route("/welcome/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    """Let invited staff set their first password from the e-mailed link."""
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            user = invitations.invitation_accept(token, form.password.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            logout_user()
            flash(_("Your password is set. Welcome to foi."), "success")
            return password_step_done(user, remember=False, next_url=None)
    return render_template("auth/account_welcome.html", form=form), form_status(form)
