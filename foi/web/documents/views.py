"""Documents: official PDFs to download, review of held files, redaction, annual reports."""
from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from foi.documents import types as t
from foi.documents.serving import download_headers
from foi.extensions import db
from foi.i18n import current_locale
from foi.models import Agency
from foi.models.request import ANSWERED
from foi.models.user import ADMIN, CITIZEN, COORDINATOR, OFFICER, OMBUDSMAN
from foi.services import letters, reports, review
from foi.services.errors import DomainError
from foi.services.selectors import request_for_staff
from foi.web.documents.forms import KeepPrivateForm, PassagesForm, RedactForm, ReleaseForm
from foi.web.forms import role_required, show_error

bp = Blueprint("documents", __name__, url_prefix="/documents")
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
    letter = letters.letter_render(viewer=current_user, reference=reference, kind=kind,
                                   lang=_lang())
    return _pdf(letter.filename, letter.pdf.data)


# --- Held files: the coordinator's review ---------------------------------------------------

@bp.get("/review")
@coordinator_only
def review_list():
    return render_template("documents/review_list.html", files=review.held_files(current_user))


def _render_review(doc, status=200, **forms):
    forms = {"release": ReleaseForm(prefix="release"), "redact": RedactForm(prefix="redact"),
             "private": KeepPrivateForm(prefix="private"), **forms}
    return render_template("documents/review_file.html", doc=doc, req=doc.request,
                           findings=review.held_findings(doc), pending=review.is_pending(doc),
                           is_pdf=doc.mime == t.PDF, forms=forms), status


@bp.get("/files/<int:doc_id>/review")
@coordinator_only
def review_file(doc_id: int):
    doc = review.document_for_staff(current_user, doc_id)
    if not doc.held_reason:
        abort(404)
    return _render_review(doc)


@bp.post("/files/<int:doc_id>/review/<any(release, private):action>")
@coordinator_only
def review_decide(doc_id: int, action: str):
    doc = review.document_for_staff(current_user, doc_id)
    if action == "release":
        form = ReleaseForm(prefix="release")
        call = lambda: review.file_release(actor=current_user, doc=doc,  # noqa: E731
                                           checked=form.checked.data)
        done = _("The file is published as it is.")
    else:
        form = KeepPrivateForm(prefix="private")
        call = lambda: review.file_keep_private(actor=current_user, doc=doc,  # noqa: E731
                                                reason=form.reason.data or "")
        done = _("The file stays private.")
    if form.validate_on_submit():
        try:
            call()
        except DomainError as exc:
            db.session.rollback()
            show_error(form, exc)
        else:
            flash(done, "success")
            return redirect(url_for("documents.review_list"))
    return _render_review(doc, 400, **{action: form})


# --- Redaction of a released PDF and of the answer's public text ----------------------------

@bp.route("/files/<int:doc_id>/redact", methods=["GET", "POST"])
@staff_only
def redact(doc_id: int):
    doc = review.document_for_staff(current_user, doc_id)
    if doc.mime != t.PDF or doc.source != "response":
        abort(404)
    form = RedactForm(prefix="redact")
    if form.validate_on_submit():
        try:
            areas = review.parse_areas(form.areas.data)
            copy = review.document_redact(actor=current_user, doc=doc,
                                          terms=review.parse_lines(form.terms.data),
                                          areas=areas)
        except DomainError as exc:
            db.session.rollback()
            show_error(form, exc)
        else:
            flash(_("The redacted copy “%(name)s” will be published instead of the original, "
                    "which stays private.", name=copy.filename), "success")
            return redirect(url_for("officer.request_detail", reference=doc.request.reference))
        return render_template("documents/redact.html", doc=doc, req=doc.request,
                               form=form), 400
    return render_template("documents/redact.html", doc=doc, req=doc.request, form=form)


@bp.route("/requests/<reference>/passages", methods=["GET", "POST"])
@staff_only
def passages(reference: str):
    req = request_for_staff(current_user, reference)
    if req.status != ANSWERED or req.response is None:
        abort(404)
    form = PassagesForm()
    if form.validate_on_submit():
        try:
            review.response_redact_text(actor=current_user, req=req,
                                        passages=review.parse_lines(form.passages.data))
        except DomainError as exc:
            db.session.rollback()
            show_error(form, exc)
        else:
            flash(_("The passages are removed from the text to publish."), "success")
            return redirect(url_for("officer.request_detail", reference=reference))
        return render_template("documents/passages.html", req=req, form=form), 400
    return render_template("documents/passages.html", req=req, form=form)


# --- Annual reports ---------------------------------------------------------------------------

@bp.get("/reports")
@role_required(ADMIN, COORDINATOR, OMBUDSMAN)
def reports_index():
    if current_user.role == COORDINATOR:
        agencies = [current_user.agency]
    else:
        agencies = list(db.session.scalars(select(Agency).order_by(Agency.name_az)))
    own = current_user.agency if current_user.role == COORDINATOR else None
    return render_template(
        "documents/reports.html", agencies=agencies, years=reports.report_years(own),
        stored=[] if own else reports.stored_reports(), locale=current_locale(),
        langs=letters.LANGS)


@bp.get("/reports/<int:year>/<slug>-<any(az, en, ru):lang>.pdf")
@role_required(ADMIN, COORDINATOR, OMBUDSMAN)
def report_pdf(year: int, slug: str, lang: str):
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
