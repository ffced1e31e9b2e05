"""Read-only JSON API over the published archive (described in foi/api/openapi.py)."""
from flask import Blueprint, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from foi.api.openapi import MAX_PAGE, OPENAPI
from foi.api.problems import problem
from foi.extensions import db
from foi.models import Agency
from foi.models.request import OUTCOMES
from foi.search import SearchQuery
from foi.services.archive import archive_search, public_record
from foi.services.errors import NotFound
from foi.services.selectors import request_published

bp = Blueprint("api", __name__)

PER_PAGE = 20
NO_AGENCY = 0  # no row has id 0
MAX_Q = 500


class BadParam(ValueError):
    """A query parameter the API cannot use; becomes a 400 problem naming it."""

    def __init__(self, name: str, reason: str):
        super().__init__(str(reason))
        self.name, self.reason = name, reason


def _whole(name: str, low: int, high: int) -> int | None:
    value = request.args.get(name, "").strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        raise BadParam(name, _l("must be a whole number from %(low)d to %(high)d",
                                 low=low, high=high))
    return int(value)


def _agency(value: str) -> int | None:
    """Return the id of the agency given by id or slug; 0 (matches nothing) for unknown ones.

    An agency nobody knows is a filter that matches nothing, like a year without answers.
    """
    value = value.strip()
    if not value:
        return None
    if "\x00" in value:  # no slug holds NUL, and PostgreSQL cannot compare text holding it
        return NO_AGENCY
    found = None
    if value.isascii() and value.isdigit():
        if len(value) <= 18:
            found = db.session.get(Agency, int(value))
    else:
        found = db.session.scalar(select(Agency).where(Agency.slug == value))
    return found.id if found is not None else NO_AGENCY


def _list_query() -> SearchQuery:
    outcome = request.args.get("outcome") or None
    if outcome is not None and outcome not in OUTCOMES:
        raise BadParam("outcome", _l("must be one of %(values)s", values=", ".join(OUTCOMES)))
    # PostgreSQL refuses NUL in text; it is never part of a word anyway.
    q = request.args.get("q", "").replace("\x00", " ")
    if len(q) > MAX_Q:
        raise BadParam("q", _l("must be at most %(n)d characters", n=MAX_Q))
    return SearchQuery(q=q, agency_id=_agency(request.args.get("agency", "")), outcome=outcome,
                       year=_whole("year", 1900, 2999), page=_whole("page", 1, MAX_PAGE) or 1,
                       sort="newest" if request.args.get("sort") == "newest" else "relevance",
                       per_page=PER_PAGE)


@bp.get("/openapi.json")
def openapi():
    """Serve the OpenAPI description of this API."""
    return OPENAPI


@bp.get("/requests/<reference>")
def request_detail(reference: str):
    """Return one published request with its published answer and released files."""
    try:
        req = request_published(reference)
    except NotFound:
        return problem(404, _("No published request has the reference %(ref)s.", ref=reference))
    return public_record(req, full=True)


@bp.get("/requests")
def request_list():
    """Search the published requests; a page of results with links to the others."""
    try:
        query = _list_query()
    except BadParam as exc:
        return problem(400, _("Parameter %(name)s: %(reason)s.", name=exc.name, reason=exc.reason),
                       invalid_params=[{"name": exc.name, "reason": str(exc.reason)}])
    results, found = archive_search(query)
    args = {k: v for k, v in request.args.items() if k != "page"}

    def page_url(n: int) -> str:
        return url_for("api.request_list", page=n, _external=True, **args)

    links = {"self": page_url(results.page), "first": page_url(1)}
    if results.pages:
        links["last"] = page_url(results.pages)
    if results.page < results.pages:
        links["next"] = page_url(results.page + 1)
    if 1 < results.page <= results.pages + 1:
        links["prev"] = page_url(results.page - 1)
    return {"total": results.total, "page": results.page, "pages": results.pages,
            "per_page": results.per_page, "capped": results.capped, "links": links,
            "items": [public_record(found[h.request_id]) for h in results.hits
                      if h.request_id in found]}
