"""Officers and coordinators: the queue, working a request, approving publication."""

from flask import Blueprint

bp = Blueprint("officer", __name__, url_prefix="/officer")

# The views register their routes on ``bp``, so they are imported once it exists.
from foi.web.officer import views  # noqa: E402,F401
