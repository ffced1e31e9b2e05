"""Administrators: the agency directory, the law calendar, accounts, the mail outbox, the jobs."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

# The views register their routes on ``bp``, so they are imported once it exists.
from foi.web.admin import (  # noqa: E402,F401
    audit,
    calendar,
    departments,
    jobs,
    moderation,
    outbox,
    personal_data,
    replies,
    users,
    views,
)
