"""Officers and coordinators: the queue, working a request, approving publication."""

from datetime import UTC, datetime
from types import FunctionType
from zoneinfo import ZoneInfo

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from foi.i18n import current_locale
from foi.labels import CHANNEL_LABELS, MODERATION_REASONS, POST_LETTER_LABELS
from foi.law.citations import cite
from foi.models.base import utcnow
from foi.models.reply import CLARIFY, EXTEND, MESSAGE
from foi.models.user import COORDINATOR, OFFICER
from foi.ratelimits.web import reshow, too_many
from foi.requests.states import EventKind, Outcome
from foi.services import answering, claims, moderation, offline, publishing, review
from foi.services.bulk import (
    BULK_ACTIONS,
    bulk_actions_for,
    bulk_selection,
    requests_bulk_act,
)
from foi.services.deadlines import law_pack, request_deadlines
from foi.services.departments import departments_of
from foi.services.errors import DomainError, NotFound
from foi.services.kept_files import kept_add, kept_files, kept_token
from foi.services.oversight_letters import oversight_letter_reply, oversight_letters
from foi.services.permissions import Action, allowed_actions
from foi.services.replies import (
    FORM_OF_KIND,
    REFUSAL,
    replies_for_request,
    replies_of_kind,
    reply_for_request,
    reply_text,
)
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
from foi.web.forms import form_status, role_required, show_error
from foi.web.numbers import MAX_PAGE, query_int
from foi.web.officer import bp
from foi.web.officer.forms import (
    AnswerForm,
    ApproveForm,
    AssignForm,
    BulkForm,
    ClaimForm,
    ClarificationForm,
    DeclineForm,
    ExtendForm,
    FlagForm,
    LetterPostedForm,
    MessageForm,
    NoteForm,
    OfflineClarificationForm,
    OfflineRequestForm,
    OfflineWithdrawalForm,
    OversightReplyForm,
    ReleaseForm,
    RouteForm,
    TransferForm,
)
from foi.web.presenters import due_info, timeline

staff_only = role_required(OFFICER, COORDINATOR)


#: The queue's filters, as the page's query string and the bulk form's hidden fields name them.
QUEUE_FILTERS = ("status", "assignee", "urgent", "q", "due", "department")


def _queue_filters(values) -> dict:
    """Return the queue's filters from a query string or a form, as the selector takes them."""
    args = {k: (values.get(k) or "")[:200] for k in QUEUE_FILTERS}
    return {**args, "urgent": args["urgent"] == "1"}


@bp.get("/")
@staff_only
def queue():
    """Show the agency's queue, most urgent deadline first, with its filters."""
    return _render_queue(request.args, query_int("page", 1, low=1, high=MAX_PAGE))


def _bulk_form(form: BulkForm | None = None) -> BulkForm:
    """Return the bulk form with the choices of the user's agency filled in."""
    form = form or BulkForm(prefix="bulk")
    locale = current_locale()
    # No action is chosen for the officer: a forgotten choice must not claim twenty requests.
    form.action.choices = [("", _("Choose an action"))] + [
        (name, str(BULK_ACTIONS[name].label)) for name in bulk_actions_for(current_user)
    ]
    form.assignee_id.choices = [(0, _("Nobody"))] + [
        (u.id, u.display_name) for u in colleagues(current_user)
    ]
    form.department_id.choices = [(0, _("Choose a department"))] + [
        (d.id, d.name(locale)) for d in departments_of(current_user.agency_id)
    ]
    form.extend_reply.choices = [(0, _("None: I write the reason below"))] + [
        (t.id, t.name) for t in replies_of_kind(current_user.agency_id, EXTEND)
    ]
    form.message_reply.choices = [(0, _("Choose a standard message"))] + [
        (t.id, t.name) for t in replies_of_kind(current_user.agency_id, MESSAGE)
    ]
    form.clarify_reply.choices = [(0, _("Choose a standard question"))] + [
        (t.id, t.name) for t in replies_of_kind(current_user.agency_id, CLARIFY)
    ]
    return form


def _render_queue(values, page_no: int, bulk: BulkForm | None = None, status: int = 200):
    """Render the queue page for the filters in ``values`` (the query string or the form)."""
    now = utcnow()
    filters = _queue_filters(values)
    page = officer_queue(current_user, now=now, page=page_no, **filters)
    form = _bulk_form(bulk)
    form.scope.choices = [
        ("ticked", _("The requests I ticked")),
        ("page", _("Every request on this page")),
        (
            "matching",
            ngettext(
                "The %(num)d request matching this filter",
                "All %(num)d requests matching this filter",
                page.total or 0,
            ),
        ),
    ]
    return render_template(
        "officer/queue.html",
        page=page,
        args={k: (values.get(k) or "")[:200] for k in QUEUE_FILTERS},
        due={r.id: due_info(r, now) for r in page.items},
        counts=queue_counts(current_user, now),
        colleagues=colleagues(current_user),
        departments=departments_of(current_user.agency_id),
        claimable={r.id for r in page.items if Action.CLAIM in allowed_actions(current_user, r)},
        claim_form=ClaimForm(prefix="claim"),
        bulk=form,
        ticked=set(request.form.getlist("ref")) if request.method == "POST" else set(),
    ), status


@bp.get("/bulk")
@staff_only
def bulk_page():
    """Send a reload of a bulk result (say, in another language) back to the queue."""
    return redirect(url_for("officer.queue"))


@bp.post("/bulk")
@staff_only
def bulk():
    """Take one action on the ticked requests, this page's, or all the filter matches."""
    form = _bulk_form(BulkForm(prefix="bulk"))
    page_no = request.form.get("page", 1, type=int) or 1
    page_no = min(max(page_no, 1), MAX_PAGE)
    valid = form.validate_on_submit()
    valid = form.check_action_fields() and valid
    scope = form.scope.data
    references = request.form.getlist("ref")
    if scope == "page":
        references = request.form.getlist("on_page")
    if valid and scope != "matching" and not references:
        form.scope.errors = [_("Tick at least one request, or choose every request on this page.")]
        valid = False
    if not valid:
        return _render_queue(request.form, page_no, form, 422)
    limit = current_app.config["BULK_MAX"]
    now = utcnow()
    selection = bulk_selection(
        current_user,
        references=references[: limit + 1],
        filters=_queue_filters(request.form) if scope == "matching" else None,
        now=now,
        limit=limit,
    )
    params = {
        "assignee_id": form.assignee_id.data,
        "department_id": form.department_id.data,
        "text": form.text.data,
        "days": form.days.data,
        "reason": form.reason.data,
        "reply_id": {
            "message": form.message_reply.data,
            "clarify": form.clarify_reply.data,
        }.get(form.action.data, form.extend_reply.data),
    }
    try:
        result = requests_bulk_act(
            actor=current_user, action=form.action.data, selection=selection, params=params
        )
    except DomainError as exc:
        show_error(form, exc)
        return _render_queue(request.form, page_no, form, 422)
    return render_template(
        "officer/bulk_result.html",
        result=result,
        label=BULK_ACTIONS[result.action].label,
        limit=limit,
        args={k: (request.form.get(k) or "")[:200] for k in QUEUE_FILTERS},
    )


def _forms(req, **bound):
    # The off-line forms are shown in the off-line section (officer/_offline.html), not here.
    bound.pop("posted", None)
    bound.pop("clarified", None)
    bound.pop("withdrawn", None)
    locale = current_locale()
    forms = {
        "assign": AssignForm(prefix="assign"),
        "note": NoteForm(prefix="note"),
        "message": MessageForm(prefix="message"),
        "transfer": TransferForm(prefix="transfer"),
        "clarify": ClarificationForm(prefix="clarify"),
        "extend": ExtendForm(prefix="extend"),
        "answer": AnswerForm(prefix="answer"),
        "approve": ApproveForm(prefix="approve"),
        "decline": DeclineForm(prefix="decline"),
        "flag": FlagForm(prefix="flag"),
        "oversight_reply": OversightReplyForm(prefix="oversight_reply"),
        "route": RouteForm(prefix="route"),
        "claim": ClaimForm(prefix="claim"),
        "release": ReleaseForm(prefix="release"),
    }
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


def _render_detail(req, status=200, reply_id=None, **bound):
    deadlines = request_deadlines(req) if req.is_open else None
    actions = allowed_actions(current_user, req)
    holds = publishing.files_to_hold(req) if Action.PUBLISH in actions else []
    return render_template(
        "officer/request_detail.html",
        req=req,
        due=due_info(req),
        forms=_forms(req, **bound),
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
        file_choices=_file_decisions(),
        post_letters=offline.letters_to_post(req),
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


@bp.route("/requests/new", methods=["GET", "POST"])
@staff_only
def new_offline_request():
    """Enter a request received off-line (post, phone, in person, e-mail, fax) for its person."""
    form = OfflineRequestForm()
    if request.method == "GET":
        # Most requests are entered as they arrive: now, in the agency's time, to be corrected.
        zone = ZoneInfo(law_pack(current_user.agency.law_code).timezone)
        form.received_at.data = utcnow().astimezone(zone).strftime("%Y-%m-%dT%H:%M")
        if current_locale() in ("az", "en", "ru"):
            form.lang.data = current_locale()
    kept, bad_file, refusal = _scan_kept(form)
    if refusal:
        return reshow(refusal, form, "officer/new_request.html", kept=kept)
    if form.validate_on_submit() and bad_file is None:
        try:
            req = offline.offline_request_record(
                actor=current_user,
                channel=form.channel.data,
                received_at=_local_moment(form.received_at.data),
                late_reason=form.late_reason.data or "",
                name=form.name.data,
                postal_address=form.postal_address.data or "",
                email=form.email.data or "",
                subject=form.subject.data,
                body=form.body.data,
                urgency=form.urgency.data or None,
                lang=form.lang.data,
                kept=kept,
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            if req.answers_by_post:
                message = _(
                    "Request %(ref)s entered. Print the receipt below and post it or hand it over.",
                    ref=req.reference,
                )
            else:
                message = _("Request %(ref)s entered; the receipt was e-mailed.", ref=req.reference)
            flash(message, "success")
            return redirect(url_for("officer.request_detail", reference=req.reference))
    if bad_file is not None:
        show_error(form, bad_file)
    form.kept_files.data = kept_token(current_user, kept)
    return render_template("officer/new_request.html", form=form, kept=kept), form_status(form)


def _local_moment(text: str | None) -> datetime | None:
    """Read a moment typed in the agency's time zone (2026-12-03T14:30); None if unreadable."""
    try:
        moment = datetime.strptime((text or "").strip().replace(" ", "T"), "%Y-%m-%dT%H:%M")
    except ValueError:
        return None
    zone = ZoneInfo(law_pack(current_user.agency.law_code).timezone)
    return moment.replace(tzinfo=zone).astimezone(UTC)


def _scan_kept(form: OfflineRequestForm):
    """Return the scans this submission carries, a bad file's refusal, a rate limit's refusal.

    New files are stored at once, so that a form shown again keeps them
    (foi.services.kept_files); a browser cannot re-fill a file input.
    """
    if request.method != "POST":
        return [], None, None
    ticked = set(request.form.getlist("keep"))
    kept = [f for f in kept_files(current_user, form.kept_files.data) if f.sha256 in ticked]
    uploads = [(f.stream, f.filename) for f in form.attachments.data or [] if f.filename]
    if uploads and (refusal := too_many("upload")):
        return kept, None, refusal
    kept, bad_file = kept_add(kept, uploads)
    return kept, bad_file, None


@bp.post("/requests/<reference>/clarification-received")
@staff_only
def offline_clarification(reference: str):
    """Record a clarification a requester without an account sent by post, phone or in person."""
    req = request_for_staff(current_user, reference)
    form = OfflineClarificationForm(prefix="clarified")
    if form.validate_on_submit():
        try:
            offline.offline_clarification_record(
                actor=current_user,
                req=req,
                text=form.text.data,
                received_at=_local_moment(form.received_at.data),
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("Clarification recorded; the clock runs again."), "success")
            return redirect(url_for("officer.request_detail", reference=reference))
    return _render_detail(req, form_status(form), clarified=form)


@bp.post("/requests/<reference>/withdrawn")
@staff_only
def offline_withdrawal(reference: str):
    """Record that a requester without an account withdrew the request off-line."""
    req = request_for_staff(current_user, reference)
    form = OfflineWithdrawalForm(prefix="withdrawn")
    if form.validate_on_submit():
        try:
            offline.offline_withdrawal_record(actor=current_user, req=req, reason=form.reason.data)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("The request is withdrawn."), "success")
            return redirect(url_for("officer.request_detail", reference=reference))
    return _render_detail(req, form_status(form), withdrawn=form)


@bp.post("/requests/<reference>/letters/posted")
@staff_only
def letter_posted(reference: str):
    """Record the day a letter to a requester without e-mail was posted."""
    req = request_for_staff(current_user, reference)
    form = LetterPostedForm(prefix="posted")
    if form.validate_on_submit():
        try:
            offline.letter_posted_record(
                actor=current_user,
                req=req,
                event_id=form.event_id.data,
                posted_on=form.posted_on.data,
                today=utcnow().astimezone(ZoneInfo(law_pack(req.agency.law_code).timezone)).date(),
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("The day of posting is recorded."), "success")
            return redirect(url_for("officer.request_detail", reference=reference))
    return _render_detail(req, form_status(form), posted=form)


@bp.get("/requests/<reference>")
@staff_only
def request_detail(reference: str):
    """Show a request to its agency's staff, with the actions they may take."""
    req = request_for_staff(current_user, reference)
    reply_id = request.args.get("reply", type=int)
    return _render_detail(req, reply_id=reply_id, **_reply_filled(req, reply_id))


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
    form = ACTIONS[name][0](prefix=name, formdata=None)
    getattr(form, REPLY_FIELDS[name]).data = reply_text(template, req)
    if template.kind == REFUSAL:
        form.outcome.data, form.grounds.data = Outcome.REFUSED.value, [template.ground]
    return {name: form}


def _file_decisions() -> dict[int, str]:
    """Return what the coordinator chose on the approval form for each file it would hold."""
    prefix = "approve-file-"
    return {
        int(key.removeprefix(prefix)): value
        for key, value in request.form.items()
        if key.startswith(prefix) and key.removeprefix(prefix).isdigit()
    }


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


# Each action: the form class, the service call, and the message on success (a text, or a
# function of what the service returned).
ACTIONS = {
    "assign": (
        AssignForm,
        lambda f: dict(assignee_id=f.assignee_id.data or None),
        answering.request_assign,
        _l("Assignment saved."),
    ),
    "note": (NoteForm, lambda f: dict(text=f.text.data), answering.request_note, _l("Note added.")),
    "message": (
        MessageForm,
        lambda f: dict(text=f.text.data),
        answering.request_message,
        _l("Message sent to the requester."),
    ),
    "route": (
        RouteForm,
        lambda f: dict(department_id=f.department_id.data or None),
        claims.request_route,
        _l("Routed; the department's officers see it under “Unclaimed”."),
    ),
    "claim": (
        ClaimForm,
        lambda f: {},
        claims.request_claim,
        _l("You claimed this request: it is yours to work on."),
    ),
    "release": (
        ReleaseForm,
        lambda f: dict(reason=f.reason.data),
        claims.request_release_claim,
        _l("Claim released: the request is unclaimed again."),
    ),
    "transfer": (
        TransferForm,
        lambda f: dict(agency_id=f.agency_id.data, reason=f.reason.data),
        answering.request_transfer,
        _l("Request transferred; the requester was told."),
    ),
    "clarify": (
        ClarificationForm,
        lambda f: dict(question=f.question.data),
        answering.request_ask_clarification,
        _l("Question sent; the clock waits for the answer."),
    ),
    "extend": (
        ExtendForm,
        lambda f: dict(days=f.days.data, reason=f.reason.data),
        answering.request_extend,
        _l("Deadline extended; the requester was told."),
    ),
    "answer": (
        AnswerForm,
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
        ApproveForm,
        lambda f: dict(
            public_text=f.public_text.data or "",
            passages=review.parse_lines(f.passages.data),
            file_decisions=_file_decisions(),
        ),
        publishing.response_approve,
        _published_message,
    ),
    "decline": (
        DeclineForm,
        lambda f: dict(reason=f.reason.data),
        publishing.response_decline,
        _l("The answer stays unpublished."),
    ),
    "oversight_reply": (
        OversightReplyForm,
        lambda f: dict(text=f.text.data),
        oversight_letter_reply,
        _l("Reply sent to the oversight body."),
    ),
    "flag": (
        FlagForm,
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
    form_class, arguments, service, message = ACTIONS[action]
    form = form_class(prefix=action)
    bound = _forms(req, **{action: form})  # fills choices so that validation can check them
    if form.validate_on_submit():
        files = getattr(form, "attachments", None)
        if files is not None and any(f.filename for f in files.data or []):
            if refusal := too_many("upload"):
                return reshow(refusal, form, lambda: _render_detail(req, 429, **{action: form}))
        try:
            result = service(actor=current_user, req=req, **arguments(form))
        except NotFound:  # the person's role does not give the action: they learn nothing
            abort(404)
        except claims.AlreadyClaimed as exc:
            show_error(form, exc)
            return _render_detail(req, 409)
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
    return _render_detail(req, form_status(form), **{k: v for k, v in bound.items() if k == action})


@bp.get("/requests/<reference>/files/<int:doc_id>")
@staff_only
def download(reference: str, doc_id: int):
    """Download a file of a request of one's agency."""
    return send_request_file(request_for_staff(current_user, reference), doc_id)


@bp.get("/approvals")
@role_required(COORDINATOR)
def approvals():
    """List the answers waiting for the coordinator's approval."""
    return render_template("officer/approvals.html", requests=awaiting_approval(current_user))
