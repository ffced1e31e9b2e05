"""Administrators decide what staff flagged: hide it, show it again, or dismiss the flag."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from foi.labels import MODERATION_REASONS
from foi.services import moderation
from foi.services.errors import DomainError
from foi.web.admin import bp
from foi.web.admin.views import admin_only

DECISIONS = {
    "hide": (moderation.moderation_hide, _l("Hidden from the archive and the agency's queue.")),
    "restore": (moderation.moderation_restore, _l("Shown again.")),
    "dismiss": (moderation.moderation_dismiss, _l("Flag dismissed; nothing was hidden.")),
}


@bp.get("/moderation")
@admin_only
def moderation_queue():
    """List the flags waiting for a decision, oldest first, and what is hidden now."""
    return render_template(
        "admin/moderation.html",
        flags=moderation.moderation_queue(),
        hidden=moderation.moderation_hidden(),
        reasons=MODERATION_REASONS,
    )


@bp.post("/moderation/<int:flag_id>/<decision>")
@admin_only
def moderation_decide(flag_id: int, decision: str):
    """Apply one decision to one flag; the request's history records it."""
    if decision not in DECISIONS:
        abort(404)
    service, message = DECISIONS[decision]
    try:
        service(actor=current_user, flag_id=flag_id)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(str(message), "success")
    return redirect(url_for("admin.moderation_queue"))
