"""Citizens file a request: the form, its drafts saved as they type, the attachments kept.

Their requests once filed are ``my_requests``.
"""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import format_time
from flask_babel import gettext as _
from flask_login import current_user

from foi.i18n import current_locale
from foi.models.user import CITIZEN, COORDINATOR, OFFICER
from foi.ratelimits.web import refusal_message, reshow, too_many
from foi.requests.states import RequestStatus
from foi.services import drafts, filing
from foi.services.errors import DomainError, NotFound
from foi.services.kept_files import kept_add, kept_files, kept_token
from foi.services.selectors import (
    agencies_by_name,
    group_others,
)
from foi.web.citizen import bp
from foi.web.citizen.forms import RequestForm
from foi.web.forms import form_status, role_required, show_error


def agency_choices(locale: str) -> list[tuple[int, str]]:
    """Return the active agencies as choices, in the alphabetical order of ``locale``."""
    return [(a.id, a.name(locale)) for a in agencies_by_name(locale, active_only=True)]


@bp.route("/requests/new", methods=["GET", "POST"])
@role_required(CITIZEN, OFFICER, COORDINATOR)
def new_request():
    """File a request (to one agency or several); without an agency, suggest agencies first.

    ``?draft=<id>`` continues one's draft; the "Save as draft" button keeps the form as a
    draft instead of sending it. Staff do not ask their own agency through the site: they
    enter the requests it received off-line, for the people who sent them.
    """
    if current_user.is_staff:
        return redirect(url_for("officer.new_offline_request"))
    locale = current_locale()
    form = _request_form(locale)
    suggestions = []
    draft = _draft_posted(form)
    if request.method == "GET" and request.args.get("draft"):
        draft = drafts.draft_of(current_user, request.args.get("draft", type=int))
        _fill_from_draft(form, draft)
        kept, bad_file, too_many_uploads = drafts.draft_files(draft), None, None
    else:
        kept, bad_file, too_many_uploads = _attachments_kept(form, draft)
    if too_many_uploads:
        return reshow(too_many_uploads, form, "citizen/new_request.html", suggestions=[], kept=kept)
    if request.method == "POST" and request.form.get("save_draft") and bad_file is None:
        return _save_draft_page(form, draft, kept)
    if form.validate_on_submit() and bad_file is None:
        text = f"{form.subject.data}\n{form.body.data}"
        also = list(form.also_agency_ids.data or [])
        if not form.agency_id.data:
            suggestions = filing.agencies_suggest(text)
            if suggestions:
                form.agency_id.data = suggestions[0][0].id
                form.suggested.data = "1"
                if form.agency_id.data in also:  # left out of the list below from now on
                    show_error(form, DomainError(filing.MAIN_AGENCY_TICKED_TOO, "also_agency_ids"))
                flash(
                    _(
                        "We suggest the agency below. Check it, change it if needed, and send "
                        "the request."
                    ),
                    "info",
                )
            else:
                form.agency_id.errors = [
                    _("We could not tell which agency holds this. Please choose one.")
                ]
        # Past the filing limits the request waits for the administrators' check instead of
        # being lost; past the (larger) limit of such requests too, the form is refused. Each
        # agency written to counts as one request filed.
        elif (refusal := _filing_refusal(1 + len(set(also) - {form.agency_id.data}))) and (
            too_many("filing_review")
        ):
            return reshow(
                refusal, form, "citizen/new_request.html", suggestions=suggestions, kept=kept
            )
        else:
            try:
                req = filing.request_file(
                    requester=current_user,
                    agency_id=form.agency_id.data,
                    also_agency_ids=also,
                    subject=form.subject.data,
                    body=form.body.data,
                    urgency=form.urgency.data or None,
                    publish_name=form.publish_name.data,
                    kept=kept,
                    lang=locale,
                    suggested=form.suggested.data == "1",
                    for_review=refusal is not None,
                    draft=draft,
                )
            except DomainError as exc:
                show_error(form, exc)
            else:
                _flash_filed(req)
                return redirect(url_for("citizen.request_detail", reference=req.reference))
    if bad_file is not None:
        show_error(form, bad_file)
    form.kept_files.data = kept_token(current_user, kept)
    return render_template(
        "citizen/new_request.html", form=form, suggestions=suggestions, kept=kept
    ), form_status(form)


def _save_draft_page(form: RequestForm, draft, kept):
    """Save the form as a draft and come back to it; or show it again with the reason not."""
    try:
        draft = _draft_save(form, draft, kept)
    except DomainError as exc:
        show_error(form, exc)
    else:
        if draft is not None:
            flash(_("Your draft is saved. You find it under “My requests”."), "success")
            return redirect(url_for("citizen.new_request", draft=draft.id))
        form.form_errors.append(_("There is nothing to save yet: write something first."))
    form.kept_files.data = kept_token(current_user, kept)
    return render_template("citizen/new_request.html", form=form, suggestions=[], kept=kept), 422


@bp.post("/requests/draft")
@role_required(CITIZEN)
def autosave_draft():
    """Save the filing form as a draft for the page's script; answer JSON (CSRF-checked).

    The form works without it: the "Save as draft" button does the same with a full page.
    """
    form = _request_form(current_locale())
    draft = _draft_posted(form)
    kept, bad_file, too_many_uploads = _attachments_kept(form, draft)
    if too_many_uploads:
        return {"error": refusal_message(too_many_uploads)}, 429
    try:
        draft = _draft_save(form, draft, kept)
    except DomainError as exc:
        return {"error": str(exc.message)}, 422
    return {
        "draft_id": draft.id if draft else None,
        "saved": _("Draft saved at %(time)s.", time=format_time(draft.updated_at, "short"))
        if draft
        else "",
        "kept_files": kept_token(current_user, kept),
        "files_html": render_template("citizen/_kept_files.html", kept=kept),
        "error": str(bad_file.message) if bad_file else None,
    }


@bp.post("/my/drafts/<int:draft_id>/delete")
@role_required(CITIZEN)
def delete_draft(draft_id: int):
    """Delete one's draft."""
    drafts.draft_delete(owner=current_user, draft=drafts.draft_of(current_user, draft_id))
    flash(_("The draft is deleted."), "info")
    return redirect(url_for("citizen.my_requests"))


def _request_form(locale: str) -> RequestForm:
    form = RequestForm()
    choices = agency_choices(locale)
    form.agency_id.choices = [(0, _("Suggest an agency for me"))] + choices
    form.also_agency_ids.choices = choices
    return form


def _draft_posted(form: RequestForm):
    """Return the draft the posted form continues: one's own, or None (gone, or not one's)."""
    if request.method != "POST" or not (form.draft_id.data or "").isdigit():
        return None
    try:
        return drafts.draft_of(current_user, int(form.draft_id.data))
    except NotFound:
        return None


def _fill_from_draft(form: RequestForm, draft) -> None:
    agency_ids = draft.agency_id_list
    form.draft_id.data = str(draft.id)
    form.subject.data, form.body.data = draft.subject, draft.body
    form.agency_id.data = agency_ids[0] if agency_ids else 0
    form.also_agency_ids.data = agency_ids[1:]
    form.urgency.data = draft.urgency or ""
    form.publish_name.data = draft.publish_name


def _draft_save(form: RequestForm, draft, kept):
    """Save the posted form as ``draft`` (or a new one) with the files ``kept``."""
    # An agency that is no longer a choice (closed since) is simply not kept in the draft.
    valid = {value for value, _label in form.also_agency_ids.choices}
    chosen = [form.agency_id.data or 0] + list(form.also_agency_ids.data or [])
    draft = drafts.draft_save(
        owner=current_user,
        draft=draft,
        subject=form.subject.data or "",
        body=form.body.data or "",
        agency_ids=[i for i in chosen if i in valid],
        urgency=form.urgency.data or None,
        publish_name=bool(form.publish_name.data),
        files=kept,
    )
    if draft is not None:
        form.draft_id.data = str(draft.id)
    return draft


def _filing_refusal(count: int):
    """Count ``count`` requests filed by the account; return the first refusal met, if any."""
    refusal = None
    for _each in range(count):
        refusal = refusal or too_many("filing")
    return refusal


def _flash_filed(req) -> None:
    others = group_others(req)
    if req.hidden_at is not None:
        flash(
            _(
                "You sent many requests in a short while. This one is saved and "
                "goes to the agency once the site's administrators have checked it."
            ),
            "info",
        )
    elif req.status == RequestStatus.HELD:
        flash(_("Your request is saved. Confirm your e-mail address to send it."), "info")
    elif others:
        flash(
            _(
                "Your request was sent to %(n)d agencies, each with its own reference: "
                "%(refs)s. We e-mailed you an acknowledgement of each.",
                n=len(others) + 1,
                refs=", ".join([req.reference] + [o.reference for o in others]),
            ),
            "success",
        )
    else:
        flash(
            _(
                "Your request %(ref)s was sent. We e-mailed you an acknowledgement.",
                ref=req.reference,
            ),
            "success",
        )


def _attachments_kept(form: RequestForm, draft=None):
    """Return the files this submission carries and the refusals it met.

    The files are the kept ones still ticked (those of the form's token and of its draft),
    then the new ones; the refusals, that of a bad new file and a rate-limit refusal.

    New files are stored at once, so that a form shown again (an agency suggested, a
    mistake) keeps them; see foi.services.kept_files.
    """
    if request.method != "POST":
        return [], None, None
    ticked = set(request.form.getlist("keep"))
    candidates = kept_files(current_user, form.kept_files.data)
    if draft is not None:  # the token of an old page may have expired; the draft has not
        seen = {f.sha256 for f in candidates}
        candidates += [f for f in drafts.draft_files(draft) if f.sha256 not in seen]
    kept = [f for f in candidates if f.sha256 in ticked]
    uploads = [(f.stream, f.filename) for f in form.attachments.data or [] if f.filename]
    if uploads and (refusal := too_many("upload")):
        return kept, None, refusal
    kept, bad_file = kept_add(kept, uploads)
    return kept, bad_file, None
