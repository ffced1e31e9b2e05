"""Documents: official PDFs to download, review of held files, redaction, annual reports."""

from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from foi.documents import photos
from foi.documents import types as t
from foi.documents.serving import download_headers
from foi.i18n import current_locale
from foi.jobs import enqueue
from foi.models.user import ADMIN, CITIZEN, COORDINATOR, OFFICER, OMBUDSMAN
from foi.services import letters, redaction, reports, review
from foi.services.errors import DomainError
from foi.services.permissions import Action, allowed_actions
from foi.services.selectors import agencies_by_az_name, request_for_staff
from foi.web.documents import bp
from foi.web.documents.forms import (
    CountryReportForm,
    KeepPrivateForm,
    PassagesForm,
    RedactForm,
    ReleaseForm,
)
from foi.web.forms import form_status, role_required, show_error

staff_only = role_required(OFFICER, COORDINATOR)
coordinator_only = role_required(COORDINATOR)


def _lang() -> str:
    lang = request.args.get("lang", "")
    return lang if lang in letters.LANGS else current_locale()


def _pdf(filename: str, data: bytes) -> Response:
    return Response(data, headers=download_headers(filename, t.PDF))


@bp.get("/requests/<reference>/<any(receipt, letter, dossier):kind>.pdf")
@role_required(CITIZEN, OFFICER, COORDINATOR, OMBUDSMAN)
def request_pdf(reference: str, kind: str):
    """Download a request's receipt, letter or dossier as a PDF, as the reader may see it."""
    limit = current_app.config["DOSSIER_INLINE_EVENTS"]
    if kind == "dossier" and letters.dossier_is_large(
        viewer=current_user, reference=reference, limit=limit
    ):
        # A long history takes WeasyPrint many seconds: prepared by a worker, followed there.
        job = enqueue(
            current_app._get_current_object(),
            kind="dossier",
            args={"reference": reference, "lang": _lang()},
            user=current_user,
        )
        return redirect(url_for("jobs.job_page", job_id=job.id))
    letter = letters.letter_render(
        viewer=current_user, reference=reference, kind=kind, lang=_lang()
    )
    return _pdf(letter.filename, letter.pdf.data)


@bp.get("/requests/<reference>/letters/<int:event_id>.pdf")
@staff_only
def post_letter_pdf(reference: str, event_id: int):
    """Download a letter to print and post to a requester without e-mail (staff only).

    In the request's language unless ``lang`` asks for another.
    """
    letter = letters.post_letter_render(
        viewer=current_user,
        reference=reference,
        event_id=event_id,
        lang=request.args.get("lang", ""),
    )
    return _pdf(letter.filename, letter.pdf.data)


# --- Held files: the coordinator's review ---------------------------------------------------


@bp.get("/review")
@coordinator_only
def review_list():
    """List the files held for the coordinator's review."""
    return render_template("documents/review_list.html", files=review.held_files(current_user))


def _render_review(doc, status=200, **forms):
    forms = {
        "release": ReleaseForm(prefix="release"),
        "redact": RedactForm(prefix="redact"),
        "private": KeepPrivateForm(prefix="private"),
        **forms,
    }
    findings = review.held_findings(doc)
    # A photo that could not be re-encoded is reviewed like any file that could not be checked.
    is_photo = photos.is_photo(doc.mime) and all(f.code != "unanalysable" for f in findings)
    if is_photo:
        forms["release"].checked.label.text = _(
            "I looked at the picture, and it may be published without its metadata"
        )
    return render_template(
        "documents/review_file.html",
        doc=doc,
        req=doc.request,
        findings=findings,
        pending=review.is_pending(doc),
        is_pdf=doc.mime == t.PDF,
        is_photo=is_photo,
        forms=forms,
    ), status


@bp.get("/files/<int:doc_id>/review")
@coordinator_only
def review_file(doc_id: int):
    """Show a held file with what was found in it and the choices."""
    doc = review.document_for_staff(current_user, doc_id)
    if not doc.held_reason:
        abort(404)
    return _render_review(doc)


@bp.post("/files/<int:doc_id>/review/<any(release, private):action>")
@coordinator_only
def review_decide(doc_id: int, action: str):
    """Release a held file (a photo without its metadata) or keep it private."""
    doc = review.document_for_staff(current_user, doc_id)
    if action == "release":
        form = ReleaseForm(prefix="release")

        def call():
            return review.file_release(actor=current_user, doc=doc, checked=form.checked.data)

        done = (
            _("The picture is published without its metadata.")
            if photos.is_photo(doc.mime)
            else _("The file is published as it is.")
        )
    else:
        form = KeepPrivateForm(prefix="private")

        def call():
            return review.file_keep_private(
                actor=current_user, doc=doc, reason=form.reason.data or ""
            )

        done = _("The file stays private.")
    if form.validate_on_submit():
        try:
            call()
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(done, "success")
            return redirect(url_for("documents.review_list"))
    return _render_review(doc, form_status(form), **{action: form})


# --- Redaction of a released PDF and of the answer's public text ----------------------------


@bp.route("/files/<int:doc_id>/redact", methods=["GET", "POST"])
@staff_only
def redact(doc_id: int):
    """Black out words or areas of a released PDF; the copy is published instead."""
    doc = review.document_for_staff(current_user, doc_id)
    if doc.mime != t.PDF or doc.source != "response":
        abort(404)
    form = RedactForm(prefix="redact")
    if form.validate_on_submit():
        try:
            areas = redaction.parse_areas(form.areas.data)
            copy = redaction.document_redact(
                actor=current_user,
                doc=doc,
                terms=redaction.parse_lines(form.terms.data),
                areas=areas,
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(
                _(
                    "The redacted copy “%(name)s” will be published instead of the original, "
                    "which stays private.",
                    name=copy.filename,
                ),
                "success",
            )
            return redirect(url_for("officer.request_detail", reference=doc.request.reference))
        return render_template(
            "documents/redact.html", doc=doc, req=doc.request, form=form
        ), form_status(form)
    return render_template("documents/redact.html", doc=doc, req=doc.request, form=form)


@bp.route("/requests/<reference>/passages", methods=["GET", "POST"])
@staff_only
def passages(reference: str):
    """Remove passages from the answer's text before it is published."""
    req = request_for_staff(current_user, reference)
    if Action.REDACT_ANSWER not in allowed_actions(current_user, req) or req.response is None:
        abort(404)
    form = PassagesForm()
    if form.validate_on_submit():
        try:
            redaction.response_redact_text(
                actor=current_user, req=req, passages=redaction.parse_lines(form.passages.data)
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            flash(_("The passages are removed from the text to publish."), "success")
            return redirect(url_for("officer.request_detail", reference=reference))
        return render_template("documents/passages.html", req=req, form=form), form_status(form)
    return render_template("documents/passages.html", req=req, form=form)


# --- Annual reports ---------------------------------------------------------------------------


def _country_form(own) -> CountryReportForm:
    form = CountryReportForm(prefix="country")
    form.year.choices = [(year, str(year)) for year in reports.report_years(own)]
    if not form.is_submitted():
        form.lang.data = current_locale()
    return form


def _render_reports(form: CountryReportForm, status: int = 200):
    """List the annual reports the reader may download, by agency and year."""
    if current_user.role == COORDINATOR:
        agencies = [current_user.agency]
    else:
        agencies = agencies_by_az_name()
    own = current_user.agency if current_user.role == COORDINATOR else None
    return render_template(
        "documents/reports.html",
        agencies=agencies,
        years=reports.report_years(own),
        stored=[] if own else reports.stored_reports(),
        locale=current_locale(),
        langs=letters.LANGS,
        form=form,
    ), status


@bp.get("/reports")
@role_required(ADMIN, COORDINATOR, OMBUDSMAN)
def reports_index():
    """List the annual reports the reader may download, and the country report's form."""
    return _render_reports(_country_form(None))


@bp.post("/reports/country")
@role_required(ADMIN, OMBUDSMAN)
def report_country():
    """Hand the country's report to the task queue and send the person to watch it."""
    form = _country_form(None)
    if not form.validate_on_submit():
        return _render_reports(form, 422)
    job = enqueue(
        current_app._get_current_object(),
        kind="report",
        args={"year": form.year.data, "lang": form.lang.data, "agency": None},
        user=current_user,
    )
    return redirect(url_for("jobs.job_page", job_id=job.id))


@bp.get("/reports/<int:year>/<slug>-<any(az, en, ru):lang>.pdf")
@role_required(ADMIN, COORDINATOR, OMBUDSMAN)
def report_pdf(year: int, slug: str, lang: str):
    """Download an annual report (an agency's, or the country's) as a PDF."""
    if slug == reports.COUNTRY:
        reports.report_reader(current_user, None)
        path = reports.stored_report(year, lang)
        response = send_file(path, mimetype=t.PDF, max_age=0)
        response.headers.update(download_headers(path.name, t.PDF))
        return response
    agency = reports.agency_by_slug(slug)
    reports.report_reader(current_user, agency)
    if not 2000 <= year <= 2100:
        abort(404)
    rendered = reports.report_render(year=year, agency=agency, lang=lang)
    return _pdf(reports.report_filename(year, agency, lang), rendered.data)
