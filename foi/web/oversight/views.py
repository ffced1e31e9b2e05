"""The oversight body (Ombudsman): overdue requests across all agencies."""
from flask import Blueprint, render_template
from sqlalchemy import select

from foi.extensions import db
from foi.i18n import current_locale
from foi.models import InfoRequest
from foi.models.base import utcnow
from foi.models.request import OPEN_STATUSES
from foi.models.user import OMBUDSMAN
from foi.web.forms import role_required
from foi.web.presenters import due_info

bp = Blueprint("oversight", __name__, url_prefix="/oversight")


@bp.get("/")
@role_required(OMBUDSMAN)
def index():
    now = utcnow()
    overdue = db.session.scalars(
        select(InfoRequest).where(InfoRequest.status.in_(OPEN_STATUSES),
                                  InfoRequest.due_at < now)
        .order_by(InfoRequest.due_at).limit(200)).all()
    return render_template("oversight/index.html", requests=overdue, locale=current_locale(),
                           due={r.id: due_info(r, now) for r in overdue})
