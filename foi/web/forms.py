"""Helpers shared by the blueprints' forms and views."""

from functools import wraps

from flask import abort, current_app, flash, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import RadioField
from wtforms.validators import Optional

from foi.services.errors import DomainError, NotFound


def show_error(form, exc: DomainError) -> None:
    """Put a service's error next to its field, or at the top of the page."""
    field = getattr(form, exc.field, None) if exc.field else None
    if field is not None:
        field.errors = list(field.errors) + [str(exc.message)]
    else:
        form.form_errors.append(str(exc.message))
        flash(str(exc.message), "error")


def form_status(*forms) -> int:
    """Return the status of a page that shows ``forms``: 422 when a submitted one has errors.

    Every POST handler that shows its form again passes its render through this, so a form
    sent back with errors (the person's text kept, the error next to its field) is never a 200
    that a script or an assistive tool would take for success.
    """
    submitted = request.method == "POST"
    return 422 if submitted and any(form is not None and form.errors for form in forms) else 200


def role_required(*roles):
    """Let in only logged-in users with one of ``roles``; anyone else gets 404."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if current_user.role not in roles:
                abort(404)
            try:
                return view(*args, **kwargs)
            except NotFound:
                abort(404)

        return wrapped

    return decorator


def urgency_field() -> RadioField:
    """Return the "Is it urgent?" choice of a new request (the law's shorter periods).

    A new field each call: a form's fields are shown in the order they were made.
    """
    return RadioField(
        _l("Is it urgent?"),
        default="",
        choices=[
            ("", _l("No, the usual period applies")),
            ("life", _l("Yes: it concerns a person's life, health or liberty (48 hours)")),
            ("timeliness", _l("Yes: the information would lose its value if late (24 hours)")),
        ],
        validators=[Optional()],
    )
