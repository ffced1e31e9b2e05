"""Officers and coordinators: the queue, working a request, approving publication."""

from flask import Blueprint

from foi.models.user import COORDINATOR, OFFICER
from foi.web.forms import role_required

bp = Blueprint("officer", __name__, url_prefix="/officer")

#: The officer pages' guard: an officer or a coordinator of an agency.
staff_only = role_required(OFFICER, COORDINATOR)

# The views register their routes on ``bp``, so they are imported once it exists.
from foi.web.officer import actions, offline, queue, request_page  # noqa: E402,F401
