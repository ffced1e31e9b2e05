"""The actions on a request's page (assign, answer, transfer, publish...), one route for all."""

from types import FunctionType

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from foi.i18n import current_locale
from foi.ratelimits.web import reshow, too_many
from foi.services import answering, claims, moderation, publishing, redaction
from foi.services.errors import DomainError, NotFound
from foi.services.oversight_letters import oversight_letter_reply
from foi.services.selectors import request_for_staff
from foi.web.forms import form_status, show_error
from foi.web.officer import bp, staff_only
from foi.web.officer.request_page import FORMS, file_decisions, page_forms, render_detail


def _published_message(done: publishing.Publication) -> str:
    """Say what publishing did, the files held for review included."""
    if not done.held:
        return _("Published in the archive.")
    return ngettext(
        "Published in the archive. %(num)d file is held for review and is not public yet: "
        "%(names)s.",
        "Published in the archive. %(num)d files are held for review and are not public "
        "yet: %(names)s.",
        len(done.held),
        names=", ".join(done.held),
    )


# Each action (its form is request_page.FORMS's): the service call's arguments from the form,
# the service, and the message on success (a text, or a function of what the service returned).
ACTIONS = {
    "assign": (
        lambda f: dict(assignee_id=f.assignee_id.data or None),
        answering.request_assign,
        _l("Assignment saved."),
    ),
    "note": (lambda f: dict(text=f.text.data), answering.request_note, _l("Note added.")),
    "message": (
        lambda f: dict(text=f.text.data),
        answering.request_message,
        _l("Message sent to the requester."),
    ),
    "route": (
        lambda f: dict(department_id=f.department_id.data or None),
        claims.request_route,
        _l("Routed; the department's officers see it under “Unclaimed”."),
    ),
    "claim": (
        lambda f: {},
        claims.request_claim,
        _l("You claimed this request: it is yours to work on."),
    ),
    "release": (
        lambda f: dict(reason=f.reason.data),
        claims.request_release_claim,
        _l("Claim released: the request is unclaimed again."),
    ),
    "transfer": (
        lambda f: dict(agency_id=f.agency_id.data, reason=f.reason.data),
        answering.request_transfer,
        _l("Request transferred; the requester was told."),
    ),
    "clarify": (
        lambda f: dict(question=f.question.data),
        answering.request_ask_clarification,
        _l("Question sent; the clock waits for the answer."),
    ),
    "extend": (
        lambda f: dict(days=f.days.data, reason=f.reason.data),
        answering.request_extend,
        _l("Deadline extended; the requester was told."),
    ),
    "answer": (
        lambda f: dict(
            outcome=f.outcome.data,
            text=f.text.data,
            grounds=f.grounds.data or [],
            uploads=[(x.stream, x.filename) for x in f.attachments.data or [] if x.filename],
        ),
        answering.request_answer,
        _l("Answer sent to the requester."),
    ),
    "approve": (
        lambda f: dict(
            public_text=f.public_text.data or "",
            passages=redaction.parse_lines(f.passages.data),
            file_decisions=file_decisions(),
        ),
        publishing.response_approve,
        _published_message,
    ),
    "decline": (
        lambda f: dict(reason=f.reason.data),
        publishing.response_decline,
        _l("The answer stays unpublished."),
    ),
    "oversight_reply": (
        lambda f: dict(text=f.text.data),
        oversight_letter_reply,
        _l("Reply sent to the oversight body."),
    ),
    "flag": (
        lambda f: dict(reason=f.reason.data, note=f.note.data, document_id=f.target.data or None),
        moderation.moderation_flag,
        _l("Sent to the site's administrators; they decide whether to hide it."),
    ),
}


@bp.post("/requests/<reference>/<action>")
@staff_only
def act(reference: str, action: str):
    """Take one action on a request (assign, answer, publish...) from its form."""
    if action not in ACTIONS:
        abort(404)
    req = request_for_staff(current_user, reference)
    arguments, service, message = ACTIONS[action]
    form = FORMS[action](prefix=action)
    bound = page_forms(req, **{action: form})  # fills choices so that validation can check them
    if form.validate_on_submit():
        files = getattr(form, "attachments", None)
        if files is not None and any(f.filename for f in files.data or []):
            if refusal := too_many("upload"):
                return reshow(refusal, form, lambda: render_detail(req, 429, **{action: form}))
        try:
            result = service(actor=current_user, req=req, **arguments(form))
        except NotFound:  # the person's role does not give the action: they learn nothing
            abort(404)
        except claims.AlreadyClaimed as exc:
            show_error(form, exc)
            return render_detail(req, 409)
        except DomainError as exc:
            show_error(form, exc)
        else:
            text = message(result) if isinstance(message, FunctionType) else str(message)
            if action == "transfer" and req.answers_by_post:
                # Nobody was e-mailed: the letter waits on the page of the agency holding it now.
                text = _(
                    "Request transferred. The requester has no e-mail address: the transfer "
                    "letter waits on the request's page at %(agency)s, whose staff print and "
                    "post it.",
                    agency=req.agency.name(current_locale()),
                )
            flash(text, "success")
            if action == "transfer":  # the request is another agency's now: a 404 to us
                return redirect(url_for("officer.queue"))
            return redirect(url_for("officer.request_detail", reference=reference))
    return render_detail(req, form_status(form), **{k: v for k, v in bound.items() if k == action})
