"""Administrators decide what staff flagged: hide it, show it again, or dismiss the flag.

They can also flag a request themselves (a complaint that reached them by mail or phone, or
something they saw in the archive): from the moderation page by its reference, or from the
request's public page.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from foi.labels import MODERATION_REASONS
from foi.services import moderation
from foi.services.errors import DomainError
from foi.services.selectors import request_by_reference
from foi.web.admin import bp
from foi.web.admin.forms import FlagRequestForm, flag_request_form
from foi.web.admin.views import admin_only
from foi.web.forms import form_status, show_error

DECISIONS = {
    "hide": (moderation.moderation_hide, _l("Hidden from the archive and the agency's queue.")),
    "restore": (moderation.moderation_restore, _l("Shown again.")),
    "dismiss": (moderation.moderation_dismiss, _l("Flag dismissed; nothing was hidden.")),
}


@bp.get("/moderation")
@admin_only
def moderation_queue():
    """List the flags waiting for a decision, oldest first, and what is hidden now."""
    return _queue_page(flag_request_form(None))


def _queue_page(form: FlagRequestForm):
    page = render_template(
        "admin/moderation.html",
        flags=moderation.moderation_queue(),
        hidden=moderation.moderation_hidden(),
        reasons=MODERATION_REASONS,
        flag_form=form,
    )
    return page, form_status(form)


@bp.post("/moderation/flag")
@admin_only
def moderation_flag():
    """Flag a request (or one of its public files) by its reference, for a decision here."""
    form = FlagRequestForm(prefix="flag")
    req = request_by_reference((form.reference.data or "").strip().upper())
    form = flag_request_form(req)
    if not form.validate_on_submit():
        return _queue_page(form)
    if req is None:
        form.reference.errors = [_("No request has this reference.")]
        return _queue_page(form)
    try:
        moderation.moderation_flag(
            actor=current_user,
            req=req,
            reason=form.reason.data,
            note=form.note.data or "",
            document_id=form.target.data or None,
        )
    except DomainError as exc:
        show_error(form, exc)
        return _queue_page(form)
    flash(
        _("Flagged: %(reference)s waits for a decision below.", reference=req.reference), "success"
    )
    return redirect(url_for("admin.moderation_queue"))


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
