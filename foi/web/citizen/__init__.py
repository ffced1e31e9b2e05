"""Citizens: filing, following and complaining about their requests."""

from flask import Blueprint

bp = Blueprint("citizen", __name__)

# The views register their routes on ``bp``, so they are imported once it exists.
from foi.web.citizen import complaints, my_requests, views  # noqa: E402,F401
