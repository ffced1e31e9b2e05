"""Administrators name an agency's departments, rename them and remove the unused ones."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from foi.i18n import current_locale
from foi.services.departments import (
    department_delete,
    department_of_agency,
    department_save,
    departments_of,
)
from foi.services.errors import DomainError, NotFound
from foi.services.selectors import agency_by_id
from foi.web.admin import bp
from foi.web.admin.forms import DepartmentForm
from foi.web.admin.views import admin_only
from foi.web.forms import form_status, show_error


def _agency(agency_id: int):
    agency = agency_by_id(agency_id)
    if agency is None:
        abort(404)
    return agency


def _save(form: DepartmentForm, agency, department_id: int | None):
    """Save the form's names; return the page to go to, or None to show the form again."""
    try:
        saved = department_save(
            actor=current_user,
            agency_id=agency.id,
            department_id=department_id,
            name_az=form.name_az.data,
            name_en=form.name_en.data or "",
            name_ru=form.name_ru.data or "",
        )
    except DomainError as exc:
        show_error(form, exc)
        return None
    flash(_("Department “%(name)s” saved.", name=saved.name(current_locale())), "success")
    return redirect(url_for("admin.departments", agency_id=agency.id))


@bp.route("/agencies/<int:agency_id>/departments", methods=["GET", "POST"])
@admin_only
def departments(agency_id: int):
    """List an agency's departments, with the form that adds one."""
    agency = _agency(agency_id)
    form = DepartmentForm(prefix="new")
    if form.validate_on_submit() and (done := _save(form, agency, None)):
        return done
    return render_template(
        "admin/departments.html",
        agency=agency,
        departments=departments_of(agency.id),
        form=form,
    ), form_status(form)


@bp.route("/agencies/<int:agency_id>/departments/<int:department_id>", methods=["GET", "POST"])
@admin_only
def department_edit(agency_id: int, department_id: int):
    """Rename a department."""
    agency = _agency(agency_id)
    try:
        department = department_of_agency(agency.id, department_id)
    except NotFound:
        abort(404)
    form = DepartmentForm(obj=department)
    if form.validate_on_submit() and (done := _save(form, agency, department.id)):
        return done
    return render_template(
        "admin/department_edit.html", agency=agency, department=department, form=form
    ), form_status(form)


@bp.post("/agencies/<int:agency_id>/departments/<int:department_id>/delete")
@admin_only
def department_remove(agency_id: int, department_id: int):
    """Remove a department no open request is routed to."""
    agency = _agency(agency_id)
    try:
        department_delete(actor=current_user, agency_id=agency.id, department_id=department_id)
    except NotFound:
        abort(404)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("Department removed."), "success")
    return redirect(url_for("admin.departments", agency_id=agency.id))
