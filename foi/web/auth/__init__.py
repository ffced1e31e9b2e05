"""Signing in, registering, password resets and the account page."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

# The views register their routes on ``bp``, so they are imported once it exists.
from foi.web.auth import (  # noqa: E402,F401
    account,
    my_data,
    passkeys,
    second_factor,
    sessions,
    views,
)
