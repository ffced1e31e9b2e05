from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    IntegerField,
    MultipleFileField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from foi.web.presenters import OUTCOME_LABELS


class AssignForm(FlaskForm):
    assignee_id = SelectField(_l("Assign to"), coerce=int, validators=[Optional()])


class NoteForm(FlaskForm):
    text = TextAreaField(_l("Internal note"), validators=[DataRequired(), Length(max=10000)],
                         description=_l("Only your agency's staff see notes."))


class TransferForm(FlaskForm):
    agency_id = SelectField(_l("Transfer to"), coerce=int, validators=[DataRequired()])
    reason = TextAreaField(_l("Why does that agency hold the information?"),
                           validators=[DataRequired(), Length(max=5000)],
                           description=_l("The requester receives this explanation."))


class ClarificationForm(FlaskForm):
    question = TextAreaField(_l("What should the requester clarify?"),
                             validators=[DataRequired(), Length(max=5000)])


class ExtendForm(FlaskForm):
    days = IntegerField(_l("Extend by (working days)"),
                        validators=[DataRequired(), NumberRange(min=1, max=60)])
    reason = TextAreaField(_l("Reason given to the requester"),
                           validators=[DataRequired(), Length(max=5000)])


class AnswerForm(FlaskForm):
    outcome = RadioField(_l("Outcome"), choices=list(OUTCOME_LABELS.items()),
                         validators=[DataRequired()])
    text = TextAreaField(_l("Answer"), validators=[DataRequired(), Length(max=50000)])
    grounds = SelectMultipleField(_l("Legal grounds for refusal"), validators=[Optional()],
                                  option_widget=CheckboxInput(),
                                  widget=ListWidget(prefix_label=False),
                                  description=_l("Required when you refuse in full or in part."))
    attachments = MultipleFileField(_l("Files to release"))


class ApproveForm(FlaskForm):
    public_text = TextAreaField(_l("Text to publish"),
                                description=_l("Remove personal data before publishing: what "
                                               "you delete here is not published."))
    passages = TextAreaField(_l("Passages to remove"),
                             description=_l("Optional, one per line, copied from the text above: "
                                            "each is published as “[removed]”."))


class DeclineForm(FlaskForm):
    reason = StringField(_l("Why must it stay unpublished?"),
                         validators=[DataRequired(), Length(max=1000)])
