"""Officers and coordinators: the queue, working a request, approving publication."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from foi.extensions import db
from foi.i18n import current_locale
from foi.models.base import utcnow
from foi.models.user import COORDINATOR, OFFICER
from foi.services import answering, publishing, review
from foi.services.deadlines import law_pack, request_deadlines
from foi.services.errors import DomainError
from foi.services.selectors import (
    awaiting_approval,
    colleagues,
    events_for,
    officer_queue,
    queue_counts,
    request_for_staff,
)
from foi.web.citizen.views import agency_choices
from foi.web.files import send_request_file
from foi.web.forms import role_required, show_error
from foi.web.officer.forms import (
    AnswerForm,
    ApproveForm,
    AssignForm,
    ClarificationForm,
    DeclineForm,
    ExtendForm,
    NoteForm,
    TransferForm,
)
from foi.web.presenters import due_info, timeline

bp = Blueprint("officer", __name__, url_prefix="/officer")
staff_only = role_required(OFFICER, COORDINATOR)


@bp.get("/")
@staff_only
def queue():
    now = utcnow()
    args = {k: request.args.get(k, "") for k in ("status", "assignee", "urgent", "q", "due")}
    page = officer_queue(current_user, status=args["status"], assignee=args["assignee"],
                         urgent=args["urgent"] == "1", q=args["q"], due=args["due"], now=now,
                         page=request.args.get("page", 1, type=int))
    return render_template("officer/queue.html", page=page, args=args,
                           due={r.id: due_info(r, now) for r in page.items},
                           counts=queue_counts(current_user, now),
                           colleagues=colleagues(current_user))


def _forms(req, **bound):
    locale = current_locale()
    forms = {
        "assign": AssignForm(prefix="assign"), "note": NoteForm(prefix="note"),
        "transfer": TransferForm(prefix="transfer"),
        "clarify": ClarificationForm(prefix="clarify"), "extend": ExtendForm(prefix="extend"),
        "answer": AnswerForm(prefix="answer"), "approve": ApproveForm(prefix="approve"),
        "decline": DeclineForm(prefix="decline"),
    }
    forms.update(bound)
    forms["assign"].assignee_id.choices = [(0, _("Nobody"))] + [
        (u.id, u.display_name) for u in colleagues(current_user)]
    forms["transfer"].agency_id.choices = [
        (i, n) for i, n in agency_choices(locale) if i != req.agency_id]
    forms["answer"].grounds.choices = [
        (g.code, f"{g.article} — {g.title.get(locale) or g.title['en']}")
        for g in law_pack(req.agency.law_code).refusal_grounds]
    if not forms["approve"].public_text.data and req.response:
        forms["approve"].public_text.data = req.response.published_text
    return forms


def _render_detail(req, status=200, **bound):
    deadlines = request_deadlines(req) if req.is_open else None
    return render_template(
        "officer/request_detail.html", req=req, due=due_info(req), forms=_forms(req, **bound),
        explanation=deadlines.explain(current_locale()) if deadlines else None,
        items=timeline(events_for(req, "staff"), show_actor=True), **_file_states(req)), status


def _file_states(req) -> dict:
    """Say for each released file what review and redaction allow the current user to do."""
    copies = {e.data.get("copy_id"): e.data.get("doc_id") for e in req.events
              if e.kind == "file_redacted"}
    replaced = set(copies.values())
    names = {d.id: d.filename for d in req.documents}
    notes = {copy: _("redacted copy of “%(name)s”", name=names.get(original, "?"))
             for copy, original in copies.items()}
    notes.update({original: _("replaced by a redacted copy; stays private")
                  for original in replaced})
    decided = review.decided_files(req)
    may_redact = (req.status == "answered" or
                  (req.status == "published" and current_user.role == COORDINATOR))
    return {
        "held": {d.id: review.held_findings(d) for d in req.documents if d.held_reason},
        "pending": {d.id for d in req.documents if d.held_reason and not d.public
                    and d.id not in decided},
        "redactable": {d.id for d in req.documents
                       if may_redact and d.source == "response" and d.mime == "application/pdf"
                       and d.id not in decided and not d.held_reason},
        "file_notes": notes,
    }


@bp.get("/requests/<reference>")
@staff_only
def request_detail(reference: str):
    return _render_detail(request_for_staff(current_user, reference))


# Each action: the form class, the service call, and the message on success.
ACTIONS = {
    "assign": (AssignForm, lambda f: dict(assignee_id=f.assignee_id.data or None),
               answering.request_assign, _l("Assignment saved.")),
    "note": (NoteForm, lambda f: dict(text=f.text.data), answering.request_note, _l("Note added.")),
    "transfer": (TransferForm, lambda f: dict(agency_id=f.agency_id.data, reason=f.reason.data),
                 answering.request_transfer, _l("Request transferred; the requester was told.")),
    "clarify": (ClarificationForm, lambda f: dict(question=f.question.data),
                answering.request_ask_clarification,
                _l("Question sent; the clock waits for the answer.")),
    "extend": (ExtendForm, lambda f: dict(days=f.days.data, reason=f.reason.data),
               answering.request_extend, _l("Deadline extended; the requester was told.")),
    "answer": (AnswerForm, lambda f: dict(
        outcome=f.outcome.data, text=f.text.data, grounds=f.grounds.data or [],
        uploads=[(x.stream, x.filename) for x in f.attachments.data or [] if x.filename]),
        answering.request_answer, _l("Answer sent to the requester.")),
    "approve": (ApproveForm, lambda f: dict(public_text=review.public_text_without(
        f.public_text.data or "", review.parse_lines(f.passages.data))),
                publishing.response_approve, _l("Published in the archive.")),
    "decline": (DeclineForm, lambda f: dict(reason=f.reason.data),
                publishing.response_decline, _l("The answer stays unpublished.")),
}

@bp.post("/requests/<reference>/<action>")
@staff_only
def act(reference: str, action: str):
    if action not in ACTIONS:
        abort(404)
    req = request_for_staff(current_user, reference)
    form_class, arguments, service, message = ACTIONS[action]
    form = form_class(prefix=action)
    bound = _forms(req, **{action: form})  # fills choices so that validation can check them
    if form.validate_on_submit():
        try:
            service(actor=current_user, req=req, **arguments(form))
        except DomainError as exc:
            db.session.rollback()
            show_error(form, exc)
        else:
            flash(str(message), "success")
            return redirect(url_for("officer.request_detail", reference=reference))
    return _render_detail(req, 400, **{k: v for k, v in bound.items() if k == action})


@bp.get("/requests/<reference>/files/<int:doc_id>")
@staff_only
def download(reference: str, doc_id: int):
    return send_request_file(request_for_staff(current_user, reference), doc_id)


@bp.get("/approvals")
@role_required(COORDINATOR)
def approvals():
    return render_template("officer/approvals.html", requests=awaiting_approval(current_user))
