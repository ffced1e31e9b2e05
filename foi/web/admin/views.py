"""Administrators: the agency directory and the mail outbox."""

import io

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from foi.i18n import current_locale
from foi.models.user import ADMIN
from foi.services.agencies import FIELDS, agency_import_csv, agency_save
from foi.services.errors import DomainError
from foi.services.jobs import jobs_waiting_count
from foi.services.selectors import admin_overview, agencies_by_name, agency_by_id
from foi.web.admin import bp
from foi.web.admin.forms import AgencyForm, ImportForm
from foi.web.forms import form_status, role_required, show_error

admin_only = role_required(ADMIN)


@bp.get("/")
@admin_only
def index():
    """Show the administrator's figures: agencies, accounts, requests, mail, jobs waiting."""
    return render_template(
        "admin/index.html", **admin_overview(), jobs_waiting=jobs_waiting_count()
    )


@bp.get("/agencies")
@admin_only
def agencies():
    """List the agencies in alphabetical order, with the CSV import form."""
    locale = current_locale()
    return render_template(
        "admin/agencies.html",
        locale=locale,
        import_form=ImportForm(),
        agencies=agencies_by_name(locale),
    )


@bp.route("/agencies/new", methods=["GET", "POST"], defaults={"agency_id": None})
@bp.route("/agencies/<int:agency_id>", methods=["GET", "POST"])
@admin_only
def agency_edit(agency_id: int | None):
    """Create an agency, or edit one."""
    agency = agency_by_id(agency_id) if agency_id else None
    if agency_id and agency is None:
        abort(404)
    form = AgencyForm(obj=agency)
    if form.validate_on_submit():
        try:
            saved = agency_save(
                actor=current_user,
                agency_id=agency_id,
                **{name: getattr(form, name).data for name in FIELDS},
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Agency “%(name)s” saved.", name=saved.name(current_locale())), "success")
            return redirect(url_for("admin.agencies"))
    return render_template("admin/agency_edit.html", form=form, agency=agency), form_status(form)


@bp.post("/agencies/import")
@admin_only
def agency_import():
    """Add and update agencies from a CSV file, all or nothing."""
    form = ImportForm()
    if form.validate_on_submit():
        try:
            created, updated = agency_import_csv(
                actor=current_user,
                stream=io.TextIOWrapper(form.file.data.stream, encoding="utf-8-sig"),
            )
        except (DomainError, UnicodeDecodeError) as exc:
            message = (
                exc.message
                if isinstance(exc, DomainError)
                else _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
            )
            flash(str(message), "error")
        else:
            flash(
                _(
                    "Imported: %(created)d new, %(updated)d updated.",
                    created=created,
                    updated=updated,
                ),
                "success",
            )
    else:
        flash(_("Choose a CSV file to import."), "error")
    return redirect(url_for("admin.agencies"))
