"""The oversight body (Ombudsman): complaints by due date, overdue requests, dossiers."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from foi.i18n import current_locale
from foi.models.base import utcnow
from foi.models.user import OMBUDSMAN
from foi.services import complaint_decisions
from foi.services import complaints as service
from foi.services.deadlines import law_pack, request_law
from foi.services.errors import DomainError
from foi.services.oversight_letters import oversight_letter_write
from foi.services.selectors import events_for, overdue_requests
from foi.web.forms import form_status, role_required, show_error
from foi.web.oversight import bp
from foi.web.oversight.forms import DecideForm, ExtendForm, LetterForm
from foi.web.oversight.presenters import complaint_view, oversight_queue, when
from foi.web.presenters import OUTCOME_LABELS, STATUS_LABELS, due_info, timeline

oversight_only = role_required(OMBUDSMAN)


@bp.get("/")
@oversight_only
def index():
    """Show one queue of undecided complaints and overdue requests, oldest first."""
    now = utcnow()
    everything = service.complaints_for_oversight(current_user)
    return render_template(
        "oversight/index.html",
        queue=oversight_queue(everything, overdue_requests(now), now),
        locale=current_locale(),
        decided=[complaint_view(c, now) for c in everything if not c.is_pending],
    )


def _render_dossier(reference: str, status: int = 200, **forms):
    req = service.request_for_oversight(current_user, reference)
    locale = current_locale()
    pack_grounds = {}
    if req.response:
        pack = law_pack(request_law(req))
        pack_grounds = {
            g.code: f"{g.article} — {g.title.get(locale) or g.title['en']}"
            for g in pack.refusal_grounds
        }
    return render_template(
        "oversight/dossier.html",
        req=req,
        locale=locale,
        due=due_info(req),
        status_label=STATUS_LABELS[req.status][0],
        outcome_labels=OUTCOME_LABELS,
        grounds=pack_grounds,
        received=when(req.received_at, req),
        due_at=when(req.due_at, req),
        complaints=[complaint_view(c) for c in req.complaints],
        # Internal notes stay with the agency: the dossier shows what the requester saw, and
        # the oversight body's letters with the agency.
        items=timeline(events_for(req, "oversight"), show_actor=True),
        letter_form=forms.get("letter") or LetterForm(prefix="letter"),
        extend_forms={
            c.id: forms.get(f"extend_{c.id}") or ExtendForm(prefix=f"extend{c.id}")
            for c in req.complaints
        },
        decide_forms={
            c.id: forms.get(f"decide_{c.id}") or DecideForm(prefix=f"decide{c.id}")
            for c in req.complaints
        },
    ), status


@bp.get("/requests/<reference>")
@oversight_only
def dossier(reference: str):
    """Show a request's dossier to the oversight body."""
    return _render_dossier(reference)


@bp.post("/complaints/<int:complaint_id>/extend")
@oversight_only
def extend(complaint_id: int):
    """Extend the time to decide a complaint, with a reason."""
    complaint = service.complaint_for_oversight(current_user, complaint_id)
    form = ExtendForm(prefix=f"extend{complaint_id}")
    if form.validate_on_submit():
        try:
            complaint_decisions.complaint_extend(
                actor=current_user, complaint=complaint, reason=form.reason.data
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(
                _(
                    "Time to decide extended to %(due)s.",
                    due=when(complaint.due_at, complaint.request),
                ),
                "success",
            )
            return redirect(url_for("oversight.dossier", reference=complaint.request.reference))
    return _render_dossier(
        complaint.request.reference, form_status(form), **{f"extend_{complaint_id}": form}
    )


@bp.post("/complaints/<int:complaint_id>/decide")
@oversight_only
def decide(complaint_id: int):
    """Decide a complaint; the requester and the agency are told."""
    complaint = service.complaint_for_oversight(current_user, complaint_id)
    form = DecideForm(prefix=f"decide{complaint_id}")
    if form.validate_on_submit():
        try:
            complaint_decisions.complaint_decide(
                actor=current_user,
                complaint=complaint,
                outcome=form.outcome.data,
                decision=form.decision.data,
                answer_by=form.answer_by.data,
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(
                _("Decision recorded; the requester and, if it was upheld, the agency are told."),
                "success",
            )
            return redirect(url_for("oversight.dossier", reference=complaint.request.reference))
    return _render_dossier(
        complaint.request.reference, form_status(form), **{f"decide_{complaint_id}": form}
    )


@bp.post("/requests/<reference>/letter")
@oversight_only
def write_to_agency(reference: str):
    """Write to the agency about a request; its staff are e-mailed and may reply."""
    req = service.request_for_oversight(current_user, reference)
    form = LetterForm(prefix="letter")
    if form.validate_on_submit():
        try:
            oversight_letter_write(actor=current_user, req=req, text=form.text.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(
                _("Letter sent to %(agency)s.", agency=req.agency.name(current_locale())), "success"
            )
            return redirect(url_for("oversight.dossier", reference=reference))
    return _render_dossier(reference, form_status(form), letter=form)
