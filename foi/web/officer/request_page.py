"""A request's page for its agency's staff: its forms, its files' states, its downloads."""

from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from foi.i18n import current_locale
from foi.labels import CHANNEL_LABELS, MODERATION_REASONS, POST_LETTER_LABELS
from foi.law.citations import cite
from foi.requests.states import EventKind, Outcome
from foi.services import post_letters, publishing, review
from foi.services.deadlines import law_pack, request_deadlines
from foi.services.departments import departments_of
from foi.services.oversight_letters import oversight_letters
from foi.services.permissions import Action, allowed_actions
from foi.services.replies import (
    FORM_OF_KIND,
    REFUSAL,
    replies_for_request,
    reply_for_request,
    reply_text,
)
from foi.services.selectors import colleagues, events_for, request_for_staff
from foi.web.citizen.views import agency_choices
from foi.web.files import send_request_file
from foi.web.officer import bp, staff_only
from foi.web.officer.forms import (
    AnswerForm,
    ApproveForm,
    AssignForm,
    ClaimForm,
    ClarificationForm,
    DeclineForm,
    ExtendForm,
    FlagForm,
    LetterPostedForm,
    MessageForm,
    NoteForm,
    OfflineClarificationForm,
    OfflineWithdrawalForm,
    OversightReplyForm,
    ReleaseForm,
    RouteForm,
    TransferForm,
)
from foi.web.presenters import due_info, timeline

#: The action forms on the page, by the action (and the prefix) each posts.
FORMS = {
    "assign": AssignForm,
    "note": NoteForm,
    "message": MessageForm,
    "transfer": TransferForm,
    "clarify": ClarificationForm,
    "extend": ExtendForm,
    "answer": AnswerForm,
    "approve": ApproveForm,
    "decline": DeclineForm,
    "flag": FlagForm,
    "oversight_reply": OversightReplyForm,
    "route": RouteForm,
    "claim": ClaimForm,
    "release": ReleaseForm,
}


def page_forms(req, **bound):
    """Return the page's forms with their choices filled in; ``bound`` are the ones posted."""
    # The off-line forms are shown in the off-line section (officer/_offline.html), not here.
    bound.pop("posted", None)
    bound.pop("clarified", None)
    bound.pop("withdrawn", None)
    locale = current_locale()
    forms = {name: form_class(prefix=name) for name, form_class in FORMS.items()}
    forms.update(bound)
    forms["route"].department_id.choices = [(0, _("No department"))] + [
        (d.id, d.name(locale)) for d in departments_of(req.agency_id)
    ]
    if not forms["route"].is_submitted():
        forms["route"].department_id.data = req.department_id or 0
    forms["flag"].target.choices = [(0, _("The request itself"))] + [
        (d.id, _("File: %(name)s", name=d.filename)) for d in req.documents if d.hidden_at is None
    ]
    forms["flag"].reason.choices = [
        (code, label) for code, label in MODERATION_REASONS.items() if code != "rate_limit"
    ]
    forms["assign"].assignee_id.choices = [(0, _("Nobody"))] + [
        (u.id, u.display_name) for u in colleagues(current_user)
    ]
    forms["transfer"].agency_id.choices = [
        (i, n) for i, n in agency_choices(locale) if i != req.agency_id
    ]
    forms["answer"].grounds.choices = [
        (g.code, f"{cite(g.article, locale)} — {g.title.get(locale) or g.title['en']}")
        for g in law_pack(req.agency.law_code).refusal_grounds
    ]
    if not forms["approve"].public_text.data and req.response:
        forms["approve"].public_text.data = req.response.published_text
    return forms


def render_detail(req, status=200, reply_id=None, **bound):
    """Render the request's page, with the posted forms in ``bound`` shown as they came."""
    deadlines = request_deadlines(req) if req.is_open else None
    actions = allowed_actions(current_user, req)
    holds = publishing.files_to_hold(req) if Action.PUBLISH in actions else []
    return render_template(
        "officer/request_detail.html",
        req=req,
        due=due_info(req),
        forms=page_forms(req, **bound),
        explanation=deadlines.explain(current_locale()) if deadlines else None,
        items=timeline(events_for(req, "staff"), show_actor=True),
        actions=actions,
        moderation_reasons=MODERATION_REASONS,
        replies=replies_for_request(req),
        reply_id=reply_id,
        oversight_letters=oversight_letters(req),
        holds=holds,
        has_departments=bool(departments_of(req.agency_id)),
        department_name=req.department.name(current_locale()) if req.department else None,
        file_choices=file_decisions(),
        post_letters=post_letters.letters_to_post(req),
        CHANNEL_LABELS=CHANNEL_LABELS,
        POST_LETTER_LABELS=POST_LETTER_LABELS,
        posted_form=bound.get("posted") or LetterPostedForm(prefix="posted"),
        clarified_form=bound.get("clarified") or OfflineClarificationForm(prefix="clarified"),
        withdrawn_form=bound.get("withdrawn") or OfflineWithdrawalForm(prefix="withdrawn"),
        **_file_states(req, actions),
    ), status


def _file_states(req, actions) -> dict:
    """Say for each released file what review and redaction allow the current user to do."""
    copies = {
        e.data.get("copy_id"): e.data.get("doc_id")
        for e in req.events
        if e.kind == EventKind.FILE_REDACTED
    }
    replaced = set(copies.values())
    names = {d.id: d.filename for d in req.documents}
    notes = {
        copy: _("redacted copy of “%(name)s”", name=names.get(original, "?"))
        for copy, original in copies.items()
    }
    notes.update(
        {original: _("replaced by a redacted copy; stays private") for original in replaced}
    )
    decided = review.decided_files(req)
    may_redact = Action.REDACT_FILES in actions
    return {
        "held": {d.id: review.held_findings(d) for d in req.documents if d.held_reason},
        "pending": {
            d.id for d in req.documents if d.held_reason and not d.public and d.id not in decided
        },
        "redactable": {
            d.id
            for d in req.documents
            if may_redact
            and d.source == "response"
            and d.mime == "application/pdf"
            and d.id not in decided
            and not d.held_reason
        },
        "file_notes": notes,
    }


@bp.get("/requests/<reference>")
@staff_only
def request_detail(reference: str):
    """Show a request to its agency's staff, with the actions they may take."""
    req = request_for_staff(current_user, reference)
    reply_id = request.args.get("reply", type=int)
    return render_detail(req, reply_id=reply_id, **_reply_filled(req, reply_id))


# The text area each officer's form takes a standard reply into.
REPLY_FIELDS = {
    "clarify": "question",
    "extend": "reason",
    "transfer": "reason",
    "answer": "text",
    "message": "text",
}


def _reply_filled(req, reply_id: int | None) -> dict:
    """Return the form the chosen standard reply fills, in the request's language (or none)."""
    if reply_id is None:
        return {}
    template = reply_for_request(req, reply_id)  # another agency's: NotFound, a 404
    name = FORM_OF_KIND[template.kind]
    form = FORMS[name](prefix=name, formdata=None)
    getattr(form, REPLY_FIELDS[name]).data = reply_text(template, req)
    if template.kind == REFUSAL:
        form.outcome.data, form.grounds.data = Outcome.REFUSED.value, [template.ground]
    return {name: form}


def file_decisions() -> dict[int, str]:
    """Return what the coordinator chose on the approval form for each file it would hold."""
    prefix = "approve-file-"
    return {
        int(key.removeprefix(prefix)): value
        for key, value in request.form.items()
        if key.startswith(prefix) and key.removeprefix(prefix).isdigit()
    }


@bp.get("/requests/<reference>/files/<int:doc_id>")
@staff_only
def download(reference: str, doc_id: int):
    """Download a file of a request of one's agency."""
    return send_request_file(request_for_staff(current_user, reference), doc_id)
