"""The officer's forms: assign, transfer, clarify, extend, answer, publish, note."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
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

from foi.labels import CHANNEL_LABELS
from foi.models.request import OFFLINE_CHANNELS
from foi.web.forms import urgency_field
from foi.web.presenters import OUTCOME_LABELS


class AssignForm(FlaskForm):
    assignee_id = SelectField(_l("Assign to"), coerce=int, validators=[Optional()])


class NoteForm(FlaskForm):
    text = TextAreaField(
        _l("Internal note"),
        validators=[DataRequired(), Length(max=10000)],
        description=_l("Only your agency's staff see notes."),
    )


class MessageForm(FlaskForm):
    text = TextAreaField(
        _l("Message to the requester"),
        validators=[DataRequired(), Length(max=10000)],
        description=_l(
            "E-mailed to the requester (or a letter to post) and shown on their page; "
            "the clock is not affected."
        ),
    )


class OversightReplyForm(FlaskForm):
    text = TextAreaField(
        _l("Reply to the oversight body"),
        validators=[DataRequired(message=_l("Write the letter.")), Length(max=20000)],
        description=_l("The oversight body is e-mailed; the requester does not see it."),
    )


class FlagForm(FlaskForm):
    target = SelectField(_l("What should be looked at?"), coerce=int, validators=[Optional()])
    reason = SelectField(_l("Why?"), validators=[DataRequired()])
    note = TextAreaField(
        _l("Note for the administrators (optional)"),
        validators=[Optional(), Length(max=2000)],
        description=_l(
            "The site's administrators decide whether to hide it from the archive and the queue."
        ),
    )


class TransferForm(FlaskForm):
    agency_id = SelectField(_l("Transfer to"), coerce=int, validators=[DataRequired()])
    reason = TextAreaField(
        _l("Why does that agency hold the information?"),
        validators=[DataRequired(), Length(max=5000)],
        description=_l("The requester receives this explanation."),
    )


class ClarificationForm(FlaskForm):
    question = TextAreaField(
        _l("What should the requester clarify?"), validators=[DataRequired(), Length(max=5000)]
    )


class ExtendForm(FlaskForm):
    days = IntegerField(
        _l("Extend by (working days)"), validators=[DataRequired(), NumberRange(min=1, max=60)]
    )
    reason = TextAreaField(
        _l("Reason given to the requester"), validators=[DataRequired(), Length(max=5000)]
    )


class AnswerForm(FlaskForm):
    outcome = RadioField(
        _l("Outcome"), choices=list(OUTCOME_LABELS.items()), validators=[DataRequired()]
    )
    text = TextAreaField(_l("Answer"), validators=[DataRequired(), Length(max=50000)])
    grounds = SelectMultipleField(
        _l("Legal grounds for refusal"),
        validators=[Optional()],
        option_widget=CheckboxInput(),
        widget=ListWidget(prefix_label=False),
        description=_l("Required when you refuse in full or in part."),
    )
    attachments = MultipleFileField(_l("Files to release"))


class ApproveForm(FlaskForm):
    public_text = TextAreaField(
        _l("Text to publish"),
        description=_l(
            "Remove personal data before publishing: what you delete here is not published."
        ),
    )
    passages = TextAreaField(
        _l("Passages to remove"),
        description=_l(
            "Optional, one per line, copied from the text above: each is published as “[removed]”."
        ),
    )


class DeclineForm(FlaskForm):
    reason = StringField(
        _l("Why must it stay unpublished?"), validators=[DataRequired(), Length(max=1000)]
    )


class OfflineRequestForm(FlaskForm):
    """A request received by post, phone, in person, e-mail or fax, entered for its person."""

    channel = RadioField(
        _l("How was the request received?"),
        choices=[(code, CHANNEL_LABELS[code]) for code in OFFLINE_CHANNELS],
        validators=[DataRequired(message=_l("Choose how the request was received."))],
    )
    received_at = StringField(
        _l("Received on"),
        validators=[DataRequired(message=_l("Give the day and time the request was received."))],
        description=_l("The law's deadline runs from this moment, in the agency's time zone."),
        render_kw={"type": "datetime-local"},
    )
    late_reason = TextAreaField(
        _l("Why is it entered only now? (if more than a day after it was received)"),
        validators=[Optional(), Length(max=2000)],
        description=_l("Kept in the request's history."),
    )
    name = StringField(
        _l("Requester's name"),
        validators=[DataRequired(message=_l("Write the requester's name.")), Length(max=200)],
    )
    postal_address = TextAreaField(
        _l("Postal address"),
        validators=[Optional(), Length(max=500)],
        description=_l("Without an e-mail address, the answers are printed and posted here."),
    )
    email = StringField(
        _l("E-mail address (optional)"),
        validators=[Optional(), Length(max=254)],
        description=_l(
            "The receipt and answers are e-mailed here. If the person registers with this "
            "address, the request joins their account. Never published."
        ),
        render_kw={"type": "email", "autocomplete": "off"},
    )
    subject = StringField(
        _l("Subject"),
        validators=[
            DataRequired(message=_l("Say in a few words what you are asking for.")),
            Length(max=300),
        ],
    )
    body = TextAreaField(
        _l("What information is asked for?"),
        validators=[
            DataRequired(message=_l("Describe the information you are asking for.")),
            Length(max=20000),
        ],
        description=_l("The text of the letter, or what the person asked for on the phone."),
    )
    urgency = urgency_field()
    lang = SelectField(
        _l("Language of the request"),
        # Each language named in itself, marked so that screen readers pronounce it so.
        choices=[
            ("az", "Azərbaycanca", {"lang": "az"}),
            ("en", "English", {"lang": "en"}),
            ("ru", "Русский", {"lang": "ru"}),
        ],
        description=_l("Letters to the requester are written in it."),
    )
    attachments = MultipleFileField(
        _l("Scan of the letter"),
        description=_l("Needed for a letter received by post or fax. PDF or images."),
    )
    # Files already received with this form (foi.services.kept_files).
    kept_files = HiddenField()


class LetterPostedForm(FlaskForm):
    event_id = IntegerField(validators=[DataRequired()])
    posted_on = DateField(
        _l("Posted or handed over on"),
        validators=[DataRequired(message=_l("Give the day the letter was posted."))],
    )


class OfflineClarificationForm(FlaskForm):
    """What a requester without an account clarified by post, phone or in person."""

    text = TextAreaField(
        _l("The requester's clarification"),
        validators=[
            DataRequired(message=_l("Write what the requester clarified.")),
            Length(max=20000),
        ],
    )
    received_at = StringField(
        _l("Received on"),
        validators=[
            DataRequired(message=_l("Give the day and time the clarification was received."))
        ],
        description=_l("The law's clock runs again from this moment."),
        render_kw={"type": "datetime-local"},
    )


class OfflineWithdrawalForm(FlaskForm):
    """A requester without an account withdrew the request by post, phone or in person."""

    reason = TextAreaField(
        _l("How and why was it withdrawn?"),
        validators=[
            DataRequired(message=_l("Say how and why the requester withdrew the request.")),
            Length(max=2000),
        ],
        description=_l("Shown in the request's history."),
    )


class RouteForm(FlaskForm):
    department_id = SelectField(_l("Department"), coerce=int, validators=[Optional()])


class ClaimForm(FlaskForm):
    """One click: the CSRF token is all it carries."""


class ReleaseForm(FlaskForm):
    reason = TextAreaField(
        _l("Why do you release it?"),
        validators=[DataRequired(), Length(max=2000)],
        description=_l("Your colleagues see the reason in the history."),
    )


class BulkForm(FlaskForm):
    """One action on many requests of the queue; the fields of every action are shown."""

    action = SelectField(_l("Action"), validators=[DataRequired(message=_l("Choose an action."))])
    scope = RadioField(
        _l("Requests"),
        default="ticked",
        choices=[
            ("ticked", _l("The requests I ticked")),
            ("page", _l("Every request on this page")),
            ("matching", _l("All requests matching this filter")),
        ],
        validators=[DataRequired()],
    )
    assignee_id = SelectField(_l("Assign to"), coerce=int, validators=[Optional()])
    department_id = SelectField(_l("Route to"), coerce=int, validators=[Optional()])
    text = TextAreaField(
        _l("Internal note"),
        validators=[Optional(), Length(max=10000)],
        description=_l("Only your agency's staff see notes."),
    )
    days = IntegerField(
        _l("Extend by (working days)"), validators=[Optional(), NumberRange(min=1, max=60)]
    )
    extend_reply = SelectField(_l("Standard reason"), coerce=int, validators=[Optional()])
    reason = TextAreaField(
        _l("Or write the reason given to the requesters"),
        validators=[Optional(), Length(max=5000)],
        description=_l("Each request's own law decides whether it can still be extended."),
    )
    message_reply = SelectField(_l("Standard message"), coerce=int, validators=[Optional()])
    clarify_reply = SelectField(_l("Standard question"), coerce=int, validators=[Optional()])

    def check_action_fields(self) -> bool:
        """Require the fields the chosen action needs; say so by each field."""
        needs = {
            "note": [(self.text, _l("Write the note first."))],
            "extend": [(self.days, _l("Extend by at least one working day."))],
            "message": [(self.message_reply, _l("Choose a standard message."))],
            "clarify": [(self.clarify_reply, _l("Choose a standard question."))],
            "route": [(self.department_id, _l("Choose a department."))],
        }
        ok = True
        for field, message in needs.get(self.action.data, []):
            if not field.data:
                field.errors = [*field.errors, message]
                ok = False
        if self.action.data == "extend" and not (self.extend_reply.data or self.reason.data):
            self.reason.errors = [
                *self.reason.errors,
                _l("Choose a standard reason or write one: the law requires it."),
            ]
            ok = False
        return ok
