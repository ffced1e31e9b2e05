"""Citizens' own requests: the list, a request's page, clarifying, withdrawing, its files."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from foi.labels import MODERATION_REASONS
from foi.models.user import CITIZEN
from foi.ratelimits.web import reshow, too_many
from foi.requests.states import RequestStatus
from foi.services import drafts, filing
from foi.services.answering import request_clarify
from foi.services.deadlines import law_pack
from foi.services.errors import DomainError
from foi.services.permissions import allowed_actions
from foi.services.selectors import (
    agencies_by_id,
    events_for,
    group_others,
    request_for_requester,
    requests_grouped,
    requests_of,
)
from foi.web.citizen import bp
from foi.web.citizen.forms import ClarifyForm, WithdrawForm
from foi.web.files import send_request_file
from foi.web.forms import form_status, role_required, show_error
from foi.web.presenters import due_info, timeline


@bp.get("/my/requests")
@role_required(CITIZEN)
def my_requests():
    """List one's requests with their status and due date, newest first."""
    requests_ = requests_of(current_user)
    return render_template(
        "citizen/my_requests.html",
        requests=requests_,
        groups=requests_grouped(requests_),
        drafts=drafts.drafts_of(current_user),
        agencies=agencies_by_id(),
        due={r.id: due_info(r) for r in requests_},
    )


@bp.get("/my/requests/<reference>")
@role_required(CITIZEN)
def request_detail(reference: str):
    """Show one's request: timeline, answer, files and what one may do."""
    return render_request(request_for_requester(current_user, reference))


def render_request(req, status: int = 200, **forms):
    """Render the requester's page of ``req``; ``forms`` replaces blank forms with bound ones."""
    forms = {"clarify_form": ClarifyForm(), "withdraw_form": WithdrawForm(), **forms}
    held = req.status == RequestStatus.HELD
    return render_template(
        "citizen/request_detail.html",
        req=req,
        # The article by which the agency's time runs from receipt, cited on a held request.
        held_article=law_pack(req.agency.law_code).response.article if held else None,
        due=due_info(req),
        items=timeline(events_for(req, "requester")),
        actions=allowed_actions(current_user, req),
        moderation_reasons=MODERATION_REASONS,
        also_sent=group_others(req),
        **forms,
    ), status


@bp.post("/my/requests/<reference>/clarify")
@role_required(CITIZEN)
def clarify(reference: str):
    """Answer the agency's question about one's request; the clock runs again."""
    req = request_for_requester(current_user, reference)
    form = ClarifyForm()
    if form.validate_on_submit():
        if refusal := too_many("clarify"):
            return reshow(refusal, form, lambda: render_request(req, clarify_form=form))
        try:
            request_clarify(requester=current_user, req=req, text=form.text.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Thank you. The agency has your answer and the clock runs again."), "success")
            return redirect(url_for("citizen.request_detail", reference=reference))
    return render_request(req, form_status(form), clarify_form=form)


@bp.post("/my/requests/<reference>/withdraw")
@role_required(CITIZEN)
def withdraw(reference: str):
    """Withdraw one's request."""
    req = request_for_requester(current_user, reference)
    form = WithdrawForm()
    try:
        filing.request_withdraw(requester=current_user, req=req, reason=form.reason.data or "")
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("Your request is withdrawn."), "info")
    return redirect(url_for("citizen.request_detail", reference=reference))


@bp.get("/my/requests/<reference>/files/<int:doc_id>")
@role_required(CITIZEN)
def download(reference: str, doc_id: int):
    """Download a file of one's request."""
    return send_request_file(request_for_requester(current_user, reference), doc_id)
