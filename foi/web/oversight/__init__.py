"""The oversight body (Ombudsman): complaints by due date, overdue requests, dossiers."""

from flask import Blueprint

bp = Blueprint("oversight", __name__, url_prefix="/oversight")

# The views register their routes on ``bp``, so they are imported once it exists.
from foi.web.oversight import views  # noqa: E402,F401
