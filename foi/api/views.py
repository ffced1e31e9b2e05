"""Read-only JSON API over the published archive."""
from flask import Blueprint, request, url_for

from foi.api.openapi import OPENAPI
from foi.api.problems import problem
from foi.extensions import db
from foi.models.document import FROM_AGENCY
from foi.models.request import OUTCOMES
from foi.search import SearchQuery, get_backend
from foi.services.errors import NotFound
from foi.services.selectors import published_requests, request_published

bp = Blueprint("api", __name__)


def public_request(req, full: bool = False) -> dict:
    """Return the fields anyone may see: never the requester's contact details or notes."""
    data = {
        "reference": req.reference,
        "url": url_for("archive.request_page", reference=req.reference, _external=True),
        "subject": req.subject,
        "agency": {"slug": req.agency.slug, "name_az": req.agency.name_az,
                   "name_en": req.agency.name_en},
        "outcome": req.outcome,
        "requester": req.requester.display_name if req.publish_name else None,
        "received_at": req.received_at.isoformat(),
        "due_at": req.due_at.isoformat() if req.due_at else None,
        "answered_at": req.answered_at.isoformat() if req.answered_at else None,
        "published_at": req.published_at.isoformat() if req.published_at else None,
    }
    if full:
        data["body"] = req.body
        data["answer"] = req.response.published_text if req.response else None
        data["files"] = [
            {"filename": d.filename, "mime": d.mime, "size": d.size,
             "url": url_for("archive.download", reference=req.reference, doc_id=d.id,
                            _external=True)}
            for d in req.documents if d.source == FROM_AGENCY and d.public]
    return data


@bp.get("/openapi.json")
def openapi():
    return OPENAPI


@bp.get("/requests/<reference>")
def request_detail(reference: str):
    try:
        req = request_published(reference)
    except NotFound:
        return problem(404, "Not Found", f"No published request {reference}.")
    return public_request(req, full=True)


@bp.get("/requests")
def request_list():
    page = request.args.get("page", "1")
    year = request.args.get("year", "")
    agency = request.args.get("agency", "")
    outcome = request.args.get("outcome") or None
    if not page.isdigit() or int(page) < 1:
        return problem(400, "Bad Request", "page must be a positive whole number.",
                       invalid_params=[{"name": "page", "reason": "not a positive integer"}])
    if (year and not year.isdigit()) or (agency and not agency.isdigit()):
        return problem(400, "Bad Request", "year and agency must be whole numbers.")
    if outcome and outcome not in OUTCOMES:
        return problem(400, "Bad Request", f"outcome must be one of {', '.join(OUTCOMES)}.")
    conn = db.session.connection()
    results = get_backend(conn).query(conn, SearchQuery(
        q=request.args.get("q", "")[:500], agency_id=int(agency) if agency else None,
        outcome=outcome, year=int(year) if year else None, page=int(page), per_page=20))
    found = published_requests([h.request_id for h in results.hits])
    args = {k: v for k, v in request.args.items() if k != "page"}
    links = {}
    if results.page < results.pages:
        links["next"] = url_for("api.request_list", page=results.page + 1, _external=True, **args)
    if results.page > 1:
        links["prev"] = url_for("api.request_list", page=results.page - 1, _external=True, **args)
    return {"total": results.total, "page": results.page, "pages": results.pages,
            "links": links,
            "items": [public_request(found[h.request_id]) for h in results.hits
                      if h.request_id in found]}
