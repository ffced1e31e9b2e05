"""Site-wide endpoints: language choice and health check."""

from flask import Blueprint

bp = Blueprint("site", __name__)

# The views register their routes on ``bp``, so they are imported once it exists.
from foi.web.site import views  # noqa: E402,F401
