"""Site-wide endpoints: language choice and health check."""
from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, request, session, url_for
from flask_login import current_user
from sqlalchemy import text

from foi.extensions import db
from foi.services.accounts import user_locale_set

bp = Blueprint("site", __name__)


def safe_next(target: str | None, default: str) -> str:
    """Only follow a local path, never another site (open-redirect guard)."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


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
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}
