"""Administrators see pending and failed e-mail."""
from flask import render_template
from sqlalchemy import select

from foi.extensions import db
from foi.models import OutboxMessage
from foi.web.admin.views import admin_only, bp


@bp.get("/outbox")
@admin_only
def outbox():
    messages = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc())
                                  .limit(200)).all()
    return render_template("admin/outbox.html", messages=messages)
