"""Site-wide endpoints: language choice and health check."""

from urllib.parse import urlsplit

from flask import current_app, redirect, request, session, url_for
from flask_login import current_user

from foi.services.accounts import user_locale_set
from foi.services.operations import operations_ping
from foi.web.site import bp


def safe_next(target: str | None, default: str) -> str:
    """Only follow a local path, never another site (open-redirect guard)."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


LANGUAGE_COOKIE = "foi_lang"


@bp.get("/language")
def choose_language():
    """Remember an anonymous visitor's language in a cookie of its own, not in a session.

    Anonymous pages carry no session, so that proxies and browsers can cache them; the cache
    tells languages apart by this cookie (see deploy/varnish/default.vcl).
    """
    response = redirect(safe_next(request.args.get("next"), url_for("archive.home")))
    code = request.args.get("lang", "")
    if code in [c for c, _label in current_app.config["LANGUAGES"]]:
        response.set_cookie(
            LANGUAGE_COOKIE,
            code,
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )
    return response


@bp.post("/language")
def set_language():
    """Remember the chosen language in the session and, for a logged-in user, the account."""
    code = request.form.get("lang", "")
    if code in [c for c, _label in current_app.config["LANGUAGES"]]:
        session["lang"] = code
        if current_user.is_authenticated:
            user_locale_set(user=current_user, locale=code)
    return redirect(safe_next(request.form.get("next"), url_for("archive.home")))


@bp.get("/healthz")
def health():
    """Answer 200 while the database answers (liveness check)."""
    operations_ping()
    return {"status": "ok"}
