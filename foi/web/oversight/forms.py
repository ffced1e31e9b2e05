"""Forms of the oversight body: extend the time to decide, decide a complaint."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import DataRequired, Length

from foi.web.oversight.presenters import COMPLAINT_OUTCOME_LABELS


class ExtendForm(FlaskForm):
    reason = TextAreaField(_l("Reason for the extension"), validators=[
        DataRequired(message=_l("Give the reason for the extension; the requester is told.")),
        Length(max=5000)],
        description=_l("The law allows one extension, with written notice to the requester."))


class DecideForm(FlaskForm):
    outcome = RadioField(_l("Decision"), choices=list(COMPLAINT_OUTCOME_LABELS.items()),
                         validators=[DataRequired(message=_l("Choose the outcome."))])
    decision = TextAreaField(_l("Decision and reasons"), validators=[
        DataRequired(message=_l("Write the decision and its reasons.")), Length(max=20000)])
