"""Administrators: the agency directory and the mail outbox."""
import io

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from foi.extensions import db
from foi.i18n import current_locale, sort_key
from foi.models import Agency, InfoRequest, OutboxMessage, User
from foi.models.user import ADMIN
from foi.services.agencies import FIELDS, agency_import_csv, agency_save
from foi.services.errors import DomainError
from foi.web.admin.forms import AgencyForm, ImportForm
from foi.web.forms import role_required, show_error

bp = Blueprint("admin", __name__, url_prefix="/admin")
admin_only = role_required(ADMIN)


@bp.get("/")
@admin_only
def index():
    def count(model):
        return db.session.scalar(select(func.count()).select_from(model))
    mail = dict(db.session.execute(select(OutboxMessage.status, func.count())
                                   .group_by(OutboxMessage.status)).all())
    return render_template("admin/index.html", agencies=count(Agency), users=count(User),
                           requests=count(InfoRequest), mail=mail)


@bp.get("/agencies")
@admin_only
def agencies():
    locale = current_locale()
    rows = db.session.scalars(select(Agency)).all()
    return render_template("admin/agencies.html", locale=locale, import_form=ImportForm(),
                           agencies=sorted(rows, key=lambda a: sort_key(a.name(locale), locale)))


@bp.route("/agencies/new", methods=["GET", "POST"], defaults={"agency_id": None})
@bp.route("/agencies/<int:agency_id>", methods=["GET", "POST"])
@admin_only
def agency_edit(agency_id: int | None):
    agency = db.session.get(Agency, agency_id) if agency_id else None
    if agency_id and agency is None:
        abort(404)
    form = AgencyForm(obj=agency)
    if form.validate_on_submit():
        try:
            saved = agency_save(actor=current_user, agency_id=agency_id,
                                **{name: getattr(form, name).data for name in FIELDS})
        except DomainError as exc:
            db.session.rollback()
            show_error(form, exc)
        else:
            flash(_("Agency “%(name)s” saved.", name=saved.name(current_locale())), "success")
            return redirect(url_for("admin.agencies"))
    return render_template("admin/agency_edit.html", form=form, agency=agency)


@bp.post("/agencies/import")
@admin_only
def agency_import():
    form = ImportForm()
    if form.validate_on_submit():
        try:
            created, updated = agency_import_csv(
                actor=current_user,
                stream=io.TextIOWrapper(form.file.data.stream, encoding="utf-8-sig"))
        except (DomainError, UnicodeDecodeError) as exc:
            message = exc.message if isinstance(exc, DomainError) else _(
                "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
            flash(str(message), "error")
        else:
            flash(_("Imported: %(created)d new, %(updated)d updated.", created=created,
                    updated=updated), "success")
    else:
        flash(_("Choose a CSV file to import."), "error")
    return redirect(url_for("admin.agencies"))



# Pages kept in their own modules register on the same blueprint.
from foi.web.admin import calendar, outbox, users  # noqa: E402,F401
