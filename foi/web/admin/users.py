"""Administrators manage accounts: list and search them, invite staff, edit, deactivate."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from foi.i18n import current_locale
from foi.models import Agency, User
from foi.models.user import ROLES
from foi.services import second_factor, staff, staff_changes
from foi.services.departments import departments_by_agency
from foi.services.errors import DomainError
from foi.services.selectors import agencies_by_name
from foi.web.admin import bp
from foi.web.admin.forms import StaffEditForm, StaffForm, StaffInviteForm
from foi.web.admin.views import admin_only
from foi.web.forms import form_status, show_error
from foi.web.numbers import MAX_PAGE, query_int

PER_PAGE = 50

ROLE_LABELS = {
    "citizen": _l("Citizen"),
    "officer": _l("Information officer"),
    "coordinator": _l("Coordinator"),
    "ombudsman": _l("Oversight body"),
    "admin": _l("Administrator"),
}
EVENT_LABELS = {
    "invited": _l("Invitation sent"),
    "updated": _l("Account changed"),
    "deactivated": _l("Deactivated"),
    "reactivated": _l("Reactivated"),
    "password_set": _l("First password set"),
    "password_changed": _l("Password changed"),
    "email_changed": _l("E-mail address changed"),
    "profile_changed": _l("Name or language changed"),
    "deleted": _l("Deleted by its owner"),
    "created": _l("Created from the command line"),
    "second_factor_enabled": _l("Second factor turned on"),
    "second_factor_disabled": _l("Second factor turned off"),
    "second_factor_reset": _l("Second factor reset by an administrator"),
    "recovery_codes_renewed": _l("New recovery codes made"),
    "recovery_code_used": _l("Logged in with a recovery code"),
    "passkey_added": _l("Passkey added"),
    "passkey_removed": _l("Passkey removed"),
    "login_unlocked": _l("Login unlocked by its owner from the e-mailed link"),
}


def _agencies() -> list[Agency]:
    return agencies_by_name(current_locale())


def _with_agencies(form: StaffForm) -> StaffForm:
    locale = current_locale()
    agencies = _agencies()
    form.agency_id.choices = [(0, _("— none —"))] + [(a.id, a.name(locale)) for a in agencies]
    if "department_id" not in form:
        return form
    departments = departments_by_agency()
    form.department_id.choices = [(0, _("— none —"))] + [
        (d.id, f"{a.name(locale)}: {d.name(locale)}")
        for a in agencies
        for d in departments.get(a.id, [])
    ]
    return form


@bp.get("/users")
@admin_only
def users():
    """List and search the accounts, by role, agency and state."""
    args = {k: request.args.get(k, "").strip()[:200] for k in ("q", "role", "agency", "active")}
    args["role"] = args["role"] if args["role"] in ROLES else ""
    args["active"] = args["active"] if args["active"] in ("yes", "no") else ""
    result = staff.users_page(
        actor=current_user,
        query=args["q"],
        role=args["role"],
        agency_id=query_int("agency"),
        active=args["active"],
        page=query_int("page", 1, low=1, high=MAX_PAGE),
        per_page=PER_PAGE,
    )
    return render_template(
        "admin/users.html",
        result=result,
        args=args,
        roles=ROLES,
        role_labels=ROLE_LABELS,
        agencies=_agencies(),
        locale=current_locale(),
        has_password=staff.has_password,
    )


@bp.route("/users/new", methods=["GET", "POST"])
@admin_only
def user_invite():
    """Invite a member of staff: the account and an e-mail to set a password."""
    form = _with_agencies(StaffInviteForm())
    form.locale.choices = list(current_app.config["LANGUAGES"])
    if request.method == "GET":
        form.locale.data = current_locale()
    if form.validate_on_submit():
        try:
            user = staff.staff_invite(
                actor=current_user,
                email=form.email.data,
                display_name=form.display_name.data,
                role=form.role.data,
                agency_id=form.agency_id.data or None,
                locale=form.locale.data,
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(
                _(
                    "Account created. We e-mailed %(email)s a link to set a password.",
                    email=user.email,
                ),
                "success",
            )
            return redirect(url_for("admin.user_edit", user_id=user.id))
    return render_template("admin/users_new.html", form=form), form_status(form)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@admin_only
def user_edit(user_id: int):
    """Show an account and its history; correct its name, role or agency."""
    user = staff.account_get(actor=current_user, user_id=user_id)
    form = _with_agencies(StaffEditForm(obj=user if request.method == "GET" else None))
    if user.role == "citizen":  # citizens keep their role; only the name can be corrected
        del form.role
        del form.agency_id
        del form.department_id
    elif request.method == "GET":
        form.agency_id.data = user.agency_id or 0
        form.department_id.data = user.department_id or 0
    if form.validate_on_submit():
        try:
            staff_changes.staff_update(
                actor=current_user,
                user_id=user.id,
                display_name=form.display_name.data,
                role=form.role.data if "role" in form else None,
                agency_id=form.agency_id.data if "agency_id" in form else None,
                department_id=form.department_id.data or None if "department_id" in form else None,
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Account of %(name)s saved.", name=user.display_name), "success")
            return redirect(url_for("admin.user_edit", user_id=user.id))
    return render_template(
        "admin/users_edit.html",
        form=form,
        user=user,
        role_labels=ROLE_LABELS,
        event_labels=EVENT_LABELS,
        history=staff.account_history(actor=current_user, user_id=user.id),
        has_password=staff.has_password(user),
        deleted=staff.is_deleted(user),
        second_factor_on=second_factor.second_factor_enabled(user),
    ), form_status(form)


@bp.post("/users/<int:user_id>/deactivate")
@admin_only
def user_deactivate(user_id: int):
    """Stop an account from logging in; its open requests become unassigned."""
    try:
        released = staff_changes.staff_deactivate(actor=current_user, user_id=user_id)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("The account is deactivated: it can no longer log in."), "success")
        if released:
            flash(
                ngettext(
                    "%(num)d open request is now unassigned: the agency's coordinators see it in "
                    "their daily digest and in their queue under the assignee “Nobody”.",
                    "%(num)d open requests are now unassigned: the agency's coordinators see them "
                    "in their daily digest and in their queue under the assignee “Nobody”.",
                    released,
                ),
                "info",
            )
    return redirect(url_for("admin.user_edit", user_id=user_id))


@bp.post("/users/<int:user_id>/reactivate")
@admin_only
def user_reactivate(user_id: int):
    """Let a deactivated account log in again."""
    try:
        staff_changes.staff_reactivate(actor=current_user, user_id=user_id)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("The account is active again."), "success")
    return redirect(url_for("admin.user_edit", user_id=user_id))


@bp.post("/users/<int:user_id>/invite")
@admin_only
def user_invite_again(user_id: int):
    """E-mail an invited person a new link to set their password."""
    try:
        user: User = staff.staff_invitation_resend(actor=current_user, user_id=user_id)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("We e-mailed %(email)s a new link to set a password.", email=user.email), "success")
    return redirect(url_for("admin.user_edit", user_id=user_id))


@bp.post("/users/<int:user_id>/second-factor/reset")
@admin_only
def user_second_factor_reset(user_id: int):
    """Remove someone's second factor (a lost phone); the owner is told by e-mail."""
    try:
        user = second_factor.second_factor_reset(actor=current_user, user_id=user_id)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(
            _(
                "The second factor of %(name)s is reset; we e-mailed them. They set up a new one "
                "at their next login.",
                name=user.display_name,
            ),
            "success",
        )
    return redirect(url_for("admin.user_edit", user_id=user_id))
