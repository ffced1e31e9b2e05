"""Helpers shared by the blueprints' forms and views."""
from functools import wraps

from flask import abort, flash
from flask_login import current_user

from foi.services.errors import DomainError, NotFound


def show_error(form, exc: DomainError) -> None:
    """Put a service's error next to its field, or at the top of the page."""
    field = getattr(form, exc.field, None) if exc.field else None
    if field is not None:
        field.errors = list(field.errors) + [str(exc.message)]
    else:
        form.form_errors.append(str(exc.message))
        flash(str(exc.message), "error")


def role_required(*roles):
    """Let in only logged-in users with one of ``roles``; anyone else gets 404."""
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                from flask import current_app
                return current_app.login_manager.unauthorized()
            if current_user.role not in roles:
                abort(404)
            try:
                return view(*args, **kwargs)
            except NotFound:
                abort(404)
        return wrapped
    return decorator
