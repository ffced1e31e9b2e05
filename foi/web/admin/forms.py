"""The administrator's forms: agencies, their CSV import, staff accounts."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional

from foi.labels import MODERATION_REASONS
from foi.models.moderation import FLAG_REASONS


class AgencyForm(FlaskForm):
    slug = StringField(
        _l("Short name (in the address)"), validators=[DataRequired(), Length(max=80)]
    )
    name_az = StringField(_l("Name in Azerbaijani"), validators=[DataRequired(), Length(max=300)])
    name_en = StringField(_l("Name in English"), validators=[DataRequired(), Length(max=300)])
    name_ru = StringField(_l("Name in Russian"), validators=[Optional(), Length(max=300)])
    kind = SelectField(
        _l("Kind"),
        choices=[
            ("ministry", _l("Ministry")),
            ("committee", _l("State committee")),
            ("service", _l("State service")),
            ("agency", _l("Agency")),
        ],
    )
    description_az = TextAreaField(_l("Description in Azerbaijani"), validators=[Optional()])
    description_en = TextAreaField(_l("Description in English"), validators=[Optional()])
    description_ru = TextAreaField(_l("Description in Russian"), validators=[Optional()])
    topics = StringField(
        _l("Topics"), validators=[Optional()], description=_l("Topic codes separated by “;”.")
    )
    keywords = TextAreaField(
        _l("Routing keywords"),
        validators=[Optional()],
        description=_l("Words separated by “;” that point requests here."),
    )
    website = StringField(_l("Website"), validators=[Optional(), Length(max=300)])
    email = StringField(_l("Public e-mail"), validators=[Optional(), Length(max=254)])
    publish_mode = SelectField(
        _l("Publication"),
        choices=[
            ("approval", _l("A coordinator approves each answer")),
            ("on_answer", _l("Publish as soon as answered")),
        ],
    )
    active = BooleanField(_l("Active (receives requests)"), default=True)


class ImportForm(FlaskForm):
    file = FileField(
        _l("CSV file"),
        validators=[FileRequired()],
        description=_l("UTF-8, with the columns of the agency directory."),
    )


class StaffForm(FlaskForm):
    """An administrator's form for a staff account; agency choices are set by the view."""

    display_name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    role = SelectField(
        _l("Role"),
        choices=[
            ("officer", _l("Information officer")),
            ("coordinator", _l("Coordinator")),
            ("ombudsman", _l("Oversight body")),
            ("admin", _l("Administrator")),
        ],
    )
    agency_id = SelectField(
        _l("Agency"),
        coerce=int,
        validators=[Optional()],
        description=_l("Required for officers and coordinators."),
    )


class StaffEditForm(StaffForm):
    """An existing staff account's form: its department too, once the agency has some."""

    department_id = SelectField(
        _l("Department"),
        coerce=int,
        validators=[Optional()],
        description=_l("Officers see the requests routed to their department as unclaimed."),
    )


class StaffInviteForm(StaffForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    locale = SelectField(_l("Language of the invitation"))


class DepartmentForm(FlaskForm):
    name_az = StringField(_l("Name in Azerbaijani"), validators=[DataRequired(), Length(max=200)])
    name_en = StringField(_l("Name in English"), validators=[Optional(), Length(max=200)])
    name_ru = StringField(_l("Name in Russian"), validators=[Optional(), Length(max=200)])


class FlagRequestForm(FlaskForm):
    """An administrator's own flag: a request (or one of its public files) by its reference."""

    reference = StringField(
        _l("Reference of the request"), validators=[DataRequired(), Length(max=40)]
    )
    target = SelectField(_l("What should be looked at?"), coerce=int, validators=[Optional()])
    reason = SelectField(_l("Why?"), validators=[DataRequired()])
    note = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=2000)])


def flag_request_form(req) -> FlagRequestForm:
    """Return the flag form, its targets ``req`` itself and its public files (none: no request)."""
    form = FlagRequestForm(prefix="flag")
    form.reason.choices = [(code, MODERATION_REASONS[code]) for code in FLAG_REASONS]
    files = [d for d in req.documents if d.public] if req is not None else []
    form.target.choices = [(0, _("The request itself"))] + [
        (d.id, _("File: %(name)s", name=d.filename)) for d in files
    ]
    if req is not None and not form.reference.data:
        form.reference.data = req.reference
    return form
