"""A job of the task queue, seen by the person who asked: its progress, then its file."""

from flask import Blueprint

bp = Blueprint("jobs", __name__, url_prefix="/jobs")

# The views register their routes on ``bp``, so they are imported once it exists.
from foi.web.jobs import views  # noqa: E402,F401
