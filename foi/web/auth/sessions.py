"""Logins in the browser: signing in starts a server-side login; cookies are checked against it.

Flask-Login keeps the login's token (``User.get_id``) in the session cookie and, with "keep me
logged in", in the remember cookie; :func:`load_user` serves both and refuses a token whose
login ended, so a copied cookie dies with the login on every worker and host. The account page
lists the living logins and ends the others.
"""

from flask import current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user

from foi.extensions import login_manager
from foi.models import User
from foi.services import login_sessions
from foi.web.auth import bp


@login_manager.user_loader
def load_user(token: str) -> User | None:
    """Return the account whose living login the cookie's token names (Flask-Login's loader)."""
    return login_sessions.session_user(token)


def sign_in(user: User, *, remember: bool = False) -> None:
    """Start a login of ``user`` in this browser (the password and any code were right)."""
    # Behind a proxy remote_addr is the client's address (ProxyFix, FOI_PROXY_HOPS).
    login_sessions.session_start(
        user=user, remember=remember, user_agent=request.user_agent.string, ip=request.remote_addr
    )
    login_user(user, remember=remember, duration=current_app.config["REMEMBER_COOKIE_DURATION"])


def sign_in_again(user: User) -> None:
    """Give this browser a new login after a use case ended every login of the account.

    Copies of the old cookies stay dead; the person who changed their password (or turned on
    the second factor) carries on, kept logged in if they were.
    """
    sign_in(user, remember=login_sessions.session_remembered(user))


@bp.post("/account/sessions/others/end")
@login_required
def sessions_others_end():
    """Sign out of all other devices: every login of the account but this one ends."""
    ended = login_sessions.other_sessions_end(user=current_user)
    if ended:
        flash(_("You are signed out on every other device."), "success")
    else:
        flash(_("You were not signed in on any other device."), "info")
    return redirect(url_for("auth.account", _anchor="sessions"))


@bp.post("/account/sessions/<int:session_id>/end")
@login_required
def session_end(session_id: int):
    """Sign one other device out."""
    if login_sessions.session_end(user=current_user, session_id=session_id):
        flash(_("That device is signed out."), "success")
    return redirect(url_for("auth.account", _anchor="sessions"))
