"""Signing in, registering, password resets and the account page."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

# The views register their routes on ``bp``, so they are imported once it exists.
from foi.web.auth import account, my_data, second_factor, sessions, views  # noqa: E402,F401
