"""The public JSON API (read-only): published requests only."""

from flask import Blueprint

bp = Blueprint("api", __name__)

# The views register their routes on ``bp``, so they are imported once it exists.
from foi.api import views  # noqa: E402,F401
