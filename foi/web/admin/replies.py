"""Administrators keep each agency's standard replies, which officers start their letters from."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from foi.i18n import current_locale
from foi.law import available_packs
from foi.law.citations import cite
from foi.models.reply import ANSWER, CLARIFY, EXTEND, MESSAGE, REFUSAL, TRANSFER
from foi.services.errors import DomainError
from foi.services.replies import (
    FIELDS,
    PLACEHOLDERS,
    reply_template,
    reply_template_delete,
    reply_template_save,
    reply_templates,
)
from foi.web.admin import bp
from foi.web.admin.views import admin_only
from foi.web.citizen.views import agency_choices
from foi.web.forms import show_error

KIND_LABELS = {
    CLARIFY: _l("Ask for clarification"),
    MESSAGE: _l("Message to the requester"),
    EXTEND: _l("Extend the deadline"),
    TRANSFER: _l("Transfer to another agency"),
    REFUSAL: _l("Refusal on a ground"),
    ANSWER: _l("Answer"),
}
_PLACES = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
_TEXT_HELP = _l("Placeholders filled from the request, in its language: %(names)s.", names=_PLACES)


class ReplyForm(FlaskForm):
    """One agency's standard reply, in the three languages."""

    agency_id = SelectField(_l("Agency"), coerce=int, validators=[DataRequired()])
    kind = SelectField(_l("For"), choices=list(KIND_LABELS.items()), validators=[DataRequired()])
    ground = SelectField(
        _l("Refusal ground"), description=_l("Only for a refusal."), validate_choice=False
    )
    name = StringField(_l("Name shown to officers"), validators=[DataRequired(), Length(max=200)])
    text_az = TextAreaField(
        _l("Text in Azerbaijani"),
        validators=[DataRequired(), Length(max=20000)],
        description=_TEXT_HELP,
    )
    text_en = TextAreaField(
        _l("Text in English"),
        validators=[DataRequired(), Length(max=20000)],
        description=_TEXT_HELP,
    )
    text_ru = TextAreaField(
        _l("Text in Russian"),
        validators=[DataRequired(), Length(max=20000)],
        description=_TEXT_HELP,
    )


def _form(obj=None) -> ReplyForm:
    locale = current_locale()
    form = ReplyForm(obj=obj)
    form.agency_id.choices = agency_choices(locale)
    grounds = {}
    for pack in available_packs():
        for g in pack.refusal_grounds:
            title = g.title.get(locale) or g.title["en"]
            grounds.setdefault(g.code, f"{cite(g.article, locale)} — {title}")
    form.ground.choices = [("", _("None"))] + list(grounds.items())
    return form


@bp.get("/replies")
@admin_only
def replies():
    """List the agencies' standard replies, with a link to add one."""
    return render_template(
        "admin/replies.html",
        templates=reply_templates(current_user),
        kinds=KIND_LABELS,
        locale=current_locale(),
    )


@bp.route("/replies/new", methods=["GET", "POST"], defaults={"template_id": None})
@bp.route("/replies/<int:template_id>", methods=["GET", "POST"])
@admin_only
def reply_edit(template_id: int | None):
    """Add a standard reply, or change one; a wrong placeholder is shown next to its text."""
    template = reply_template(current_user, template_id) if template_id else None
    form = _form(template)
    status = 200
    if form.is_submitted():
        status = 422
    if form.validate_on_submit():
        try:
            saved = reply_template_save(
                actor=current_user,
                template_id=template_id,
                **{name: getattr(form, name).data for name in FIELDS},
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Standard reply “%(name)s” saved.", name=saved.name), "success")
            return redirect(url_for("admin.replies"))
    return render_template(
        "admin/reply_edit.html", form=form, template=template, placeholders=_PLACES
    ), status


@bp.post("/replies/<int:template_id>/delete")
@admin_only
def reply_delete(template_id: int):
    """Delete a standard reply."""
    form = FlaskForm()
    if form.validate_on_submit():
        template = reply_template(current_user, template_id)
        name = template.name
        reply_template_delete(actor=current_user, template_id=template_id)
        flash(_("Standard reply “%(name)s” deleted.", name=name), "success")
    return redirect(url_for("admin.replies"))
