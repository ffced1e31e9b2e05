"""Administrators manage accounts: list and search them, invite staff, edit, deactivate."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select

from foi.extensions import db
from foi.i18n import current_locale, sort_key
from foi.models import Agency, User
from foi.models.user import ROLES
from foi.services import staff
from foi.services.errors import DomainError
from foi.web.admin.forms import StaffForm, StaffInviteForm
from foi.web.admin.views import admin_only, bp
from foi.web.forms import show_error

PER_PAGE = 50

ROLE_LABELS = {
    "citizen": _l("Citizen"), "officer": _l("Information officer"),
    "coordinator": _l("Coordinator"), "ombudsman": _l("Oversight body"),
    "admin": _l("Administrator"),
}
EVENT_LABELS = {
    "invited": _l("Invitation sent"), "updated": _l("Account changed"),
    "deactivated": _l("Deactivated"), "reactivated": _l("Reactivated"),
    "password_set": _l("First password set"), "password_changed": _l("Password changed"),
    "email_changed": _l("E-mail address changed"),
    "profile_changed": _l("Name or language changed"), "deleted": _l("Deleted by its owner"),
    "created": _l("Created from the command line"),
}


def _agencies() -> list[Agency]:
    locale = current_locale()
    return sorted(db.session.scalars(select(Agency)),
                  key=lambda a: sort_key(a.name(locale), locale))


def _with_agencies(form: StaffForm) -> StaffForm:
    locale = current_locale()
    form.agency_id.choices = [(0, _("— none —"))] + [(a.id, a.name(locale))
                                                      for a in _agencies()]
    return form


@bp.get("/users")
@admin_only
def users():
    args = {k: request.args.get(k, "").strip()[:200] for k in ("q", "role", "agency", "active")}
    args["role"] = args["role"] if args["role"] in ROLES else ""
    args["active"] = args["active"] if args["active"] in ("yes", "no") else ""
    result = staff.users_page(actor=current_user, query=args["q"], role=args["role"],
                              agency_id=int(args["agency"]) if args["agency"].isdigit() else None,
                              active=args["active"], page=request.args.get("page", 1, type=int),
                              per_page=PER_PAGE)
    return render_template("admin/users.html", result=result, args=args, roles=ROLES,
                           role_labels=ROLE_LABELS, agencies=_agencies(),
                           locale=current_locale(), has_password=staff.has_password)


@bp.route("/users/new", methods=["GET", "POST"])
@admin_only
def user_invite():
    form = _with_agencies(StaffInviteForm())
    form.locale.choices = list(current_app.config["LANGUAGES"])
    if request.method == "GET":
        form.locale.data = current_locale()
    if form.validate_on_submit():
        try:
            user = staff.staff_invite(actor=current_user, email=form.email.data,
                                      display_name=form.display_name.data, role=form.role.data,
                                      agency_id=form.agency_id.data or None,
                                      locale=form.locale.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Account created. We e-mailed %(email)s a link to set a password.",
                    email=user.email), "success")
            return redirect(url_for("admin.user_edit", user_id=user.id))
    return render_template("admin/users_new.html", form=form)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@admin_only
def user_edit(user_id: int):
    user = staff.account_get(actor=current_user, user_id=user_id)
    form = _with_agencies(StaffForm(obj=user if request.method == "GET" else None))
    if user.role == "citizen":  # citizens keep their role; only the name can be corrected
        del form.role
        del form.agency_id
    elif request.method == "GET":
        form.agency_id.data = user.agency_id or 0
    if form.validate_on_submit():
        try:
            staff.staff_update(actor=current_user, user_id=user.id,
                               display_name=form.display_name.data,
                               role=form.role.data if "role" in form else None,
                               agency_id=form.agency_id.data if "agency_id" in form else None)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Account of %(name)s saved.", name=user.display_name), "success")
            return redirect(url_for("admin.user_edit", user_id=user.id))
    return render_template("admin/users_edit.html", form=form, user=user,
                           role_labels=ROLE_LABELS, event_labels=EVENT_LABELS,
                           history=staff.account_history(actor=current_user, user_id=user.id),
                           has_password=staff.has_password(user),
                           deleted=staff.is_deleted(user))


@bp.post("/users/<int:user_id>/deactivate")
@admin_only
def user_deactivate(user_id: int):
    try:
        released = staff.staff_deactivate(actor=current_user, user_id=user_id)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("The account is deactivated: it can no longer log in."), "success")
        if released:
            flash(ngettext(
                "%(num)d open request is now unassigned: the agency's coordinators see it in "
                "their daily digest and in their queue under the assignee “Nobody”.",
                "%(num)d open requests are now unassigned: the agency's coordinators see them "
                "in their daily digest and in their queue under the assignee “Nobody”.",
                released), "info")
    return redirect(url_for("admin.user_edit", user_id=user_id))


@bp.post("/users/<int:user_id>/reactivate")
@admin_only
def user_reactivate(user_id: int):
    try:
        staff.staff_reactivate(actor=current_user, user_id=user_id)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("The account is active again."), "success")
    return redirect(url_for("admin.user_edit", user_id=user_id))


@bp.post("/users/<int:user_id>/invite")
@admin_only
def user_invite_again(user_id: int):
    try:
        user: User = staff.staff_invitation_resend(actor=current_user, user_id=user_id)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("We e-mailed %(email)s a new link to set a password.", email=user.email),
              "success")
    return redirect(url_for("admin.user_edit", user_id=user_id))
