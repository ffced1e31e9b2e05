"""Citizens: file a request, follow it, clarify, withdraw."""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from foi.extensions import db
from foi.i18n import current_locale, sort_key
from foi.models import Agency
from foi.models.user import CITIZEN
from foi.services import filing
from foi.services.answering import request_clarify
from foi.services.errors import DomainError
from foi.services.selectors import events_for, request_for_requester, requests_of
from foi.web.citizen.forms import ClarifyForm, RequestForm, WithdrawForm
from foi.web.files import send_request_file
from foi.web.forms import role_required, show_error
from foi.web.presenters import due_info, timeline

bp = Blueprint("citizen", __name__)


def agency_choices(locale: str) -> list[tuple[int, str]]:
    agencies = db.session.scalars(select(Agency).where(Agency.active.is_(True))).all()
    return [(a.id, a.name(locale))
            for a in sorted(agencies, key=lambda a: sort_key(a.name(locale), locale))]


@bp.route("/requests/new", methods=["GET", "POST"])
@role_required(CITIZEN)
def new_request():
    locale = current_locale()
    form = RequestForm()
    form.agency_id.choices = [(0, _("Suggest an agency for me"))] + agency_choices(locale)
    suggestions = []
    if form.validate_on_submit():
        text = f"{form.subject.data}\n{form.body.data}"
        if not form.agency_id.data:
            suggestions = filing.agencies_suggest(text)
            if suggestions:
                form.agency_id.data = suggestions[0][0].id
                form.suggested.data = "1"
                flash(_("We suggest the agency below. Check it, change it if needed, and send "
                        "the request."), "info")
            else:
                form.agency_id.errors = [_("We could not tell which agency holds this. "
                                           "Please choose one.")]
        else:
            uploads = [(f.stream, f.filename) for f in form.attachments.data or [] if f.filename]
            try:
                req = filing.request_file(
                    requester=current_user, agency_id=form.agency_id.data,
                    subject=form.subject.data, body=form.body.data,
                    urgency=form.urgency.data or None, publish_name=form.publish_name.data,
                    uploads=uploads, lang=locale, suggested=form.suggested.data == "1")
            except DomainError as exc:
                show_error(form, exc)
            else:
                flash(_("Your request %(ref)s was sent. We e-mailed you an acknowledgement.",
                        ref=req.reference), "success")
                return redirect(url_for("citizen.request_detail", reference=req.reference))
    return render_template("citizen/new_request.html", form=form, suggestions=suggestions)


@bp.get("/my/requests")
@role_required(CITIZEN)
def my_requests():
    requests_ = requests_of(current_user)
    return render_template("citizen/my_requests.html", requests=requests_,
                           due={r.id: due_info(r) for r in requests_})


@bp.get("/my/requests/<reference>")
@role_required(CITIZEN)
def request_detail(reference: str):
    return render_request(request_for_requester(current_user, reference))


def render_request(req, status: int = 200, **forms):
    """Render the requester's page of ``req``; ``forms`` replaces blank forms with bound ones."""
    forms = {"clarify_form": ClarifyForm(), "withdraw_form": WithdrawForm(), **forms}
    return render_template("citizen/request_detail.html", req=req, due=due_info(req),
                           items=timeline(events_for(req, "requester")), **forms), status


@bp.post("/my/requests/<reference>/clarify")
@role_required(CITIZEN)
def clarify(reference: str):
    req = request_for_requester(current_user, reference)
    form = ClarifyForm()
    if form.validate_on_submit():
        try:
            request_clarify(requester=current_user, req=req, text=form.text.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Thank you. The agency has your answer and the clock runs again."),
                  "success")
            return redirect(url_for("citizen.request_detail", reference=reference))
    return render_request(req, 400, clarify_form=form)


@bp.post("/my/requests/<reference>/withdraw")
@role_required(CITIZEN)
def withdraw(reference: str):
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
    return send_request_file(request_for_requester(current_user, reference), doc_id)


# The complaint route and the page's clock helpers register themselves on ``bp``.
from foi.web.citizen import complaints  # noqa: E402,F401
