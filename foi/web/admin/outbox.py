"""Administrators see pending, failed and sent e-mail, and send failed mail again."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from foi.mail.delivery import (
    STATUSES,
    outbox_counts,
    outbox_page,
    outbox_retry,
    outbox_retry_failed,
)
from foi.models.base import utcnow
from foi.services.errors import DomainError
from foi.web.admin import bp
from foi.web.admin.views import admin_only
from foi.web.numbers import MAX_PAGE, query_int

PER_PAGE = 50


@bp.get("/outbox")
@admin_only
def outbox():
    """List the mail outbox, filtered by status or address, newest first."""
    status = request.args.get("status", "")
    status = status if status in STATUSES else ""
    query = request.args.get("q", "").strip()[:200]
    page = query_int("page", 1, low=1, high=MAX_PAGE)
    messages, total = outbox_page(status=status or None, query=query, page=page, per_page=PER_PAGE)
    return render_template(
        "admin/outbox.html",
        messages=messages,
        total=total,
        page=page,
        pages=(total + PER_PAGE - 1) // PER_PAGE,
        status=status,
        q=query,
        counts=outbox_counts(),
        statuses=STATUSES,
    )


@bp.post("/outbox/<int:message_id>/retry")
@admin_only
def outbox_retry_one(message_id: int):
    """Send one failed or waiting message again."""
    try:
        msg = outbox_retry(actor=current_user, message_id=message_id, now=utcnow())
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(
            _("The message to %(to)s will be sent again within a minute.", to=msg.to_addr),
            "success",
        )
    return redirect(url_for("admin.outbox", **_filters()))


@bp.post("/outbox/retry-failed")
@admin_only
def outbox_retry_all():
    """Send every failed message again."""
    count = outbox_retry_failed(actor=current_user, now=utcnow())
    flash(
        ngettext(
            "%(num)d failed message will be sent again.",
            "%(num)d failed messages will be sent again.",
            count,
        ),
        "success",
    )
    return redirect(url_for("admin.outbox", **_filters()))


def _filters() -> dict:
    """Keep the list's filters across a retry."""
    return {k: v for k in ("status", "q", "page") if (v := request.form.get(k))}
