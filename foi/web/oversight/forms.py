"""Forms of the oversight body: extend the time to decide, decide, write to the agency."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from foi.web.oversight.presenters import COMPLAINT_OUTCOME_LABELS


class ExtendForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason for the extension"),
        validators=[
            DataRequired(message=_l("Give the reason for the extension; the requester is told.")),
            Length(max=5000),
        ],
        description=_l("The law allows one extension, with written notice to the requester."),
    )


class DecideForm(FlaskForm):
    outcome = RadioField(
        _l("Decision"),
        choices=list(COMPLAINT_OUTCOME_LABELS.items()),
        validators=[DataRequired(message=_l("Choose the outcome."))],
    )
    decision = TextAreaField(
        _l("Decision and reasons"),
        validators=[
            DataRequired(message=_l("Write the decision and its reasons.")),
            Length(max=20000),
        ],
    )
    answer_by = DateField(
        _l("Answer due by (if upheld)"),
        validators=[Optional()],
        description=_l(
            "Upheld in full or in part, the request is open again. Leave empty and the agency "
            "has the law's full period from today's decision."
        ),
    )


class LetterForm(FlaskForm):
    text = TextAreaField(
        _l("Letter to the agency"),
        validators=[DataRequired(message=_l("Write the letter.")), Length(max=20000)],
        description=_l(
            "The agency's coordinators and the officer in charge are e-mailed and reply from the "
            "request's page. The requester does not see these letters."
        ),
    )
