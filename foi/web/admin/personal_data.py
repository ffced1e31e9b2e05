"""Administrators answer a request for one's data that came by post: they prepare the ZIP."""

from flask import abort
from flask_login import current_user

from foi.services.errors import NotFound
from foi.services.staff import account_get
from foi.web.admin import bp
from foi.web.admin.views import admin_only
from foi.web.auth.my_data import prepare_personal_data


@bp.post("/users/<int:user_id>/personal-data")
@admin_only
def user_personal_data(user_id: int):
    """Prepare the ZIP of an account; the administrator downloads it from the job and posts it."""
    try:
        user = account_get(actor=current_user, user_id=user_id)
    except NotFound:
        abort(404)
    return prepare_personal_data(user.id)
