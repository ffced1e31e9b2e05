"""Forms of held files' review, redaction and the answer's passages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional


class ReleaseForm(FlaskForm):
    checked = BooleanField(
        _l("I opened the file, checked what it hides, and it may be published as it is")
    )


class KeepPrivateForm(FlaskForm):
    reason = StringField(
        _l("Why must it stay private?"), validators=[DataRequired(), Length(max=1000)]
    )


class RedactForm(FlaskForm):
    terms = TextAreaField(
        _l("Words to black out"),
        validators=[Optional(), Length(max=20000)],
        description=_l(
            "One per line: names, numbers, addresses. Every occurrence on every "
            "page is removed, whatever its case."
        ),
    )
    areas = TextAreaField(
        _l("Areas to black out"),
        validators=[Optional(), Length(max=20000)],
        description=_l(
            "For text that is only a picture (a scan, a signature): one area per "
            "line as “page: left, top, right, bottom” in points from the top-left "
            "corner (72 points = 1 inch), e.g. “1: 72, 100, 300, 130”."
        ),
    )


class PassagesForm(FlaskForm):
    passages = TextAreaField(
        _l("Passages to remove from the published text"),
        validators=[DataRequired(), Length(max=20000)],
        description=_l(
            "One per line, copied from the answer. The requester keeps the full "
            "answer; the archive shows “[removed]” instead."
        ),
    )


class CountryReportForm(FlaskForm):
    """Ask the task queue for the country's annual report of one year, in one language."""

    year = SelectField(_l("Year"), coerce=int, validators=[DataRequired()])
    lang = SelectField(
        _l("Language"),
        choices=[("az", "Azərbaycanca"), ("en", "English"), ("ru", "Русский")],
        validators=[DataRequired()],
    )
