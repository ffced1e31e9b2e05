"""The requester's two clocks: how the due date was computed, and a complaint when it fails.

Registers on the citizen blueprint; the request page calls ``deadline_explanation(req)`` and
``complaint_box(req)`` from its template.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from foi.i18n import current_locale
from foi.models import InfoRequest
from foi.models.user import CITIZEN
from foi.ratelimits.web import reshow, too_many
from foi.services.complaints import ComplaintOption, complaint_lodge, complaint_option
from foi.services.deadlines import law_pack, request_deadlines, request_law
from foi.services.errors import DomainError
from foi.services.selectors import request_for_requester
from foi.web.citizen import bp
from foi.web.citizen.my_requests import render_request
from foi.web.forms import form_status, role_required, show_error
from foi.web.oversight.presenters import (
    COMPLAINT_GROUNDS,
    ComplaintView,
    complaint_view,
    oversight_name,
    when,
)


class ComplaintForm(FlaskForm):
    """The requester's complaint to the oversight body."""

    text = TextAreaField(
        _l("Your complaint"),
        validators=[DataRequired(message=_l("Say what you complain about.")), Length(max=20000)],
        description=_l(
            "Say what went wrong. The oversight body reads the request, the "
            "agency's answer and this text."
        ),
    )


@dataclass
class ComplaintBox:
    """What the request page shows about complaints."""

    option: ComplaintOption
    form: ComplaintForm
    body: str
    article: str
    ground: str
    window_until: str
    complaints: list[ComplaintView] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        """Whether the request page shows the complaint box."""
        return bool(self.complaints) or self.option.ground is not None


def deadline_explanation(req: InfoRequest) -> str | None:
    """Return how the agency's due date was computed, in the reader's language."""
    if not req.is_open:
        return None
    return request_deadlines(req).explain(current_locale())


def complaint_box(req: InfoRequest, form: ComplaintForm | None = None) -> ComplaintBox:
    """Say whether, to whom and until when the requester can complain, and how it went."""
    option = complaint_option(req)
    pack = law_pack(request_law(req))
    return ComplaintBox(
        option=option,
        form=form or ComplaintForm(),
        body=oversight_name(req),
        article=pack.oversight.article,
        ground=str(COMPLAINT_GROUNDS.get(option.ground or "", "")),
        window_until=when(option.window.due_at, req) if option.window else "",
        complaints=[complaint_view(c) for c in req.complaints],
    )


@bp.context_processor
def request_clocks() -> dict:
    """Let the requester's pages explain the due date and offer a complaint."""
    return {"deadline_explanation": deadline_explanation, "complaint_box": complaint_box}


@bp.post("/my/requests/<reference>/complain")
@role_required(CITIZEN)
def complain(reference: str):
    """Lodge a complaint about a request with the oversight body."""
    req = request_for_requester(current_user, reference)
    form = ComplaintForm()
    if form.validate_on_submit():
        if refusal := too_many("complaint"):
            return reshow(refusal, form, lambda: render_request(req, complaint_form=form))
        try:
            complaint_lodge(requester=current_user, req=req, text=form.text.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Your complaint was sent to %(body)s.", body=oversight_name(req)), "success")
            return redirect(
                url_for("citizen.request_detail", reference=reference, _anchor="complaint")
            )
    return render_request(req, form_status(form), complaint_form=form)
