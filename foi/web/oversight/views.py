"""The oversight body (Ombudsman): complaints by due date, overdue requests, dossiers."""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from foi.extensions import db
from foi.i18n import current_locale
from foi.models import InfoRequest
from foi.models.base import utcnow
from foi.models.request import OPEN_STATUSES
from foi.models.user import OMBUDSMAN
from foi.services import complaints as service
from foi.services.deadlines import law_pack, request_law
from foi.services.errors import DomainError
from foi.services.selectors import events_for
from foi.web.forms import role_required, show_error
from foi.web.oversight.forms import DecideForm, ExtendForm
from foi.web.oversight.presenters import complaint_view, when
from foi.web.presenters import OUTCOME_LABELS, STATUS_LABELS, due_info, timeline

bp = Blueprint("oversight", __name__, url_prefix="/oversight")
oversight_only = role_required(OMBUDSMAN)


@bp.get("/")
@oversight_only
def index():
    now = utcnow()
    overdue = db.session.scalars(
        select(InfoRequest).where(InfoRequest.status.in_(OPEN_STATUSES),
                                  InfoRequest.due_at < now)
        .order_by(InfoRequest.due_at).limit(200)).all()
    complaints = [complaint_view(c, now)
                  for c in service.complaints_for_oversight(current_user)]
    return render_template("oversight/index.html", requests=overdue, locale=current_locale(),
                           complaints=complaints,
                           due={r.id: due_info(r, now) for r in overdue})


def _render_dossier(reference: str, status: int = 200, **forms):
    req = service.request_for_oversight(current_user, reference)
    locale = current_locale()
    pack_grounds = {}
    if req.response:
        pack = law_pack(request_law(req))
        pack_grounds = {g.code: f"{g.article} — {g.title.get(locale) or g.title['en']}"
                        for g in pack.refusal_grounds}
    return render_template(
        "oversight/dossier.html", req=req, locale=locale, due=due_info(req),
        status_label=STATUS_LABELS[req.status][0], outcome_labels=OUTCOME_LABELS,
        grounds=pack_grounds, received=when(req.received_at, req), due_at=when(req.due_at, req),
        complaints=[complaint_view(c) for c in req.complaints],
        # Internal notes stay with the agency: the dossier shows what the requester saw.
        items=timeline(events_for(req, "requester"), show_actor=True),
        extend_forms={c.id: forms.get(f"extend_{c.id}") or ExtendForm(prefix=f"extend{c.id}")
                      for c in req.complaints},
        decide_forms={c.id: forms.get(f"decide_{c.id}") or DecideForm(prefix=f"decide{c.id}")
                      for c in req.complaints}), status


@bp.get("/requests/<reference>")
@oversight_only
def dossier(reference: str):
    return _render_dossier(reference)


@bp.post("/complaints/<int:complaint_id>/extend")
@oversight_only
def extend(complaint_id: int):
    complaint = service.complaint_for_oversight(current_user, complaint_id)
    form = ExtendForm(prefix=f"extend{complaint_id}")
    if form.validate_on_submit():
        try:
            service.complaint_extend(actor=current_user, complaint=complaint,
                                     reason=form.reason.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Time to decide extended to %(due)s.",
                    due=when(complaint.due_at, complaint.request)), "success")
            return redirect(url_for("oversight.dossier", reference=complaint.request.reference))
    return _render_dossier(complaint.request.reference, 400, **{f"extend_{complaint_id}": form})


@bp.post("/complaints/<int:complaint_id>/decide")
@oversight_only
def decide(complaint_id: int):
    complaint = service.complaint_for_oversight(current_user, complaint_id)
    form = DecideForm(prefix=f"decide{complaint_id}")
    if form.validate_on_submit():
        try:
            service.complaint_decide(actor=current_user, complaint=complaint,
                                     outcome=form.outcome.data, decision=form.decision.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Decision recorded; the requester can read it on their request page."),
                  "success")
            return redirect(url_for("oversight.dossier", reference=complaint.request.reference))
    return _render_dossier(complaint.request.reference, 400, **{f"decide_{complaint_id}": form})
