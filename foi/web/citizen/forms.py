"""The citizen's forms: a new request, a clarification, a withdrawal."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    MultipleFileField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from foi.web.forms import urgency_field


class RequestForm(FlaskForm):
    subject = StringField(
        _l("Subject"),
        validators=[DataRequired(), Length(max=300)],
        description=_l("A few words, e.g. “School repair budget of Sumqayıt 2025”."),
    )
    body = TextAreaField(
        _l("What information do you ask for?"),
        validators=[DataRequired(), Length(max=20000)],
        description=_l(
            "Describe the documents or facts you want. You do not have to say why you want them."
        ),
    )
    agency_id = SelectField(
        _l("Agency"),
        coerce=int,
        validators=[Optional()],
        description=_l(
            "Not sure? Leave “Suggest an agency for me” and we will propose one from your text."
        ),
    )
    # More agencies to send the same text to, each its own request (MAX_AGENCIES_PER_REQUEST).
    also_agency_ids = SelectMultipleField(
        _l("Send it to other agencies too"),
        coerce=int,
        validators=[Optional()],
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    urgency = urgency_field()
    publish_name = BooleanField(
        _l("Show my name next to the request in the public archive"),
        description=_l("Your e-mail and address are never shown."),
    )
    attachments = MultipleFileField(
        _l("Attachments (optional)"),
        description=_l("PDF, images, office documents, CSV or text; up to 25 MB each."),
    )
    suggested = HiddenField()
    # Files already received with this form (foi.services.kept_files): a browser cannot
    # re-fill a file input when the form is shown again.
    kept_files = HiddenField()
    # The draft this form continues (foi.services.drafts); sending it deletes the draft.
    draft_id = HiddenField()


class ClarifyForm(FlaskForm):
    text = TextAreaField(
        _l("Your answer to the agency"), validators=[DataRequired(), Length(max=20000)]
    )


class WithdrawForm(FlaskForm):
    reason = StringField(_l("Reason (optional)"), validators=[Optional(), Length(max=500)])
