"""Requests received off-line: entering one for its person, and what they later send by post."""

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from foi.i18n import current_locale
from foi.models.base import utcnow
from foi.ratelimits.web import reshow, too_many
from foi.services import offline, post_letters
from foi.services.deadlines import law_pack
from foi.services.errors import DomainError
from foi.services.kept_files import kept_add, kept_files, kept_token
from foi.services.selectors import request_for_staff
from foi.web.forms import form_status, show_error
from foi.web.officer import bp, staff_only
from foi.web.officer.forms import (
    LetterPostedForm,
    OfflineClarificationForm,
    OfflineRequestForm,
    OfflineWithdrawalForm,
)
from foi.web.officer.request_page import render_detail


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


def _record(reference: str, form: FlaskForm, name: str, record: Callable, done: str):
    """Record on the request what ``form`` says, or show its page again with the form's errors.

    ``record(req)`` calls the service; ``name`` is the form's place on the page.
    """
    req = request_for_staff(current_user, reference)
    if form.validate_on_submit():
        try:
            record(req)
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(done, "success")
            return redirect(url_for("officer.request_detail", reference=reference))
    return render_detail(req, form_status(form), **{name: form})


@bp.post("/requests/<reference>/clarification-received")
@staff_only
def offline_clarification(reference: str):
    """Record a clarification a requester without an account sent by post, phone or in person."""
    form = OfflineClarificationForm(prefix="clarified")
    return _record(
        reference,
        form,
        "clarified",
        lambda req: offline.offline_clarification_record(
            actor=current_user,
            req=req,
            text=form.text.data,
            received_at=_local_moment(form.received_at.data),
        ),
        _("Clarification recorded; the clock runs again."),
    )


@bp.post("/requests/<reference>/withdrawn")
@staff_only
def offline_withdrawal(reference: str):
    """Record that a requester without an account withdrew the request off-line."""
    form = OfflineWithdrawalForm(prefix="withdrawn")
    return _record(
        reference,
        form,
        "withdrawn",
        lambda req: offline.offline_withdrawal_record(
            actor=current_user, req=req, reason=form.reason.data
        ),
        _("The request is withdrawn."),
    )


@bp.post("/requests/<reference>/letters/posted")
@staff_only
def letter_posted(reference: str):
    """Record the day a letter to a requester without e-mail was posted."""
    form = LetterPostedForm(prefix="posted")
    return _record(
        reference,
        form,
        "posted",
        lambda req: post_letters.letter_posted_record(
            actor=current_user,
            req=req,
            event_id=form.event_id.data,
            posted_on=form.posted_on.data,
            today=utcnow().astimezone(ZoneInfo(law_pack(req.agency.law_code).timezone)).date(),
        ),
        _("The day of posting is recorded."),
    )
