"""The public archive: published requests, agencies, the deadline calculator and data reuse."""

from flask import Blueprint

bp = Blueprint("archive", __name__)

# The views register their routes on ``bp``, so they are imported once it exists.
from foi.web.archive import follows, reuse, similar, statistics, views  # noqa: E402,F401
