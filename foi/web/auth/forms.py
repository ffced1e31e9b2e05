"""Forms to log in, register, reset a password and manage one's account."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    remember = BooleanField(_l("Keep me logged in on this device"))


class RegisterForm(FlaskForm):
    display_name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email()])
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(min=10)],
        description=_l("At least 10 characters."),
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
    )


class ResetRequestForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email()])


class ResetPasswordForm(FlaskForm):
    password = PasswordField(
        _l("New password"),
        validators=[DataRequired(), Length(min=10)],
        description=_l("At least 10 characters."),
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
    )


class ProfileForm(FlaskForm):
    display_name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=200)])
    locale = SelectField(
        _l("Language"), description=_l("Pages and e-mails use this language on every device.")
    )


class PasswordChangeForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    new_password = PasswordField(
        _l("New password"),
        validators=[DataRequired(), Length(min=10)],
        description=_l("At least 10 characters."),
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[
            DataRequired(),
            EqualTo("new_password", message=_l("The passwords do not match.")),
        ],
    )


class EmailChangeForm(FlaskForm):
    email = EmailField(
        _l("New e-mail address"),
        validators=[DataRequired(), Email(), Length(max=254)],
        description=_l(
            "We send a link to the new address; the change takes effect when you open it."
        ),
    )
    password = PasswordField(_l("Current password"), validators=[DataRequired()])


class DeleteAccountForm(FlaskForm):
    password = PasswordField(_l("Current password"), validators=[DataRequired()])
    understood = BooleanField(
        _l("I understand that this cannot be undone"),
        validators=[DataRequired(message=_l("Tick the box to confirm."))],
    )


class UnlockForm(FlaskForm):
    """Only the button (and its CSRF token): the e-mailed link says which lock it lifts."""
