"""Read-only JSON API over the published archive (described in foi/api/openapi.py)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

from foi.api import bp
from foi.api.openapi import MAX_PAGE, OPENAPI
from foi.api.problems import law_problem, problem
from foi.i18n import current_locale
from foi.law import LawError, UnknownLaw
from foi.models.base import utcnow
from foi.requests.states import Outcome
from foi.search import SearchQuery
from foi.services.archive import archive_search, public_record
from foi.services.compliance import (
    compliance,
    period_of_year,
    site_law,
    year_statistics,
)
from foi.services.deadlines import deadline_estimate, law_calendar, law_pack
from foi.services.errors import NotFound
from foi.services.law_messages import law_message
from foi.services.selectors import agency_by_key, agency_by_slug, request_published

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
        raise BadParam(
            name, _l("must be a whole number from %(low)d to %(high)d", low=low, high=high)
        )
    return int(value)


def _agency(value: str) -> int | None:
    """Return the id of the agency given by id or slug; 0 (matches nothing) for unknown ones.

    An agency nobody knows is a filter that matches nothing, like a year without answers.
    """
    value = value.strip()
    if not value:
        return None
    found = agency_by_key(value)
    return found.id if found is not None else NO_AGENCY


def _list_query() -> SearchQuery:
    outcome = request.args.get("outcome") or None
    if outcome is not None and outcome not in tuple(Outcome):
        raise BadParam("outcome", _l("must be one of %(values)s", values=", ".join(tuple(Outcome))))
    # PostgreSQL refuses NUL in text; it is never part of a word anyway.
    q = request.args.get("q", "").replace("\x00", " ")
    if len(q) > MAX_Q:
        raise BadParam(
            "q",
            lazy_ngettext(
                "must be at most %(num)d character", "must be at most %(num)d characters", MAX_Q
            ),
        )
    return SearchQuery(
        q=q,
        agency_id=_agency(request.args.get("agency", "")),
        outcome=outcome,
        year=_whole("year", 1900, 2999),
        page=_whole("page", 1, MAX_PAGE) or 1,
        sort="newest" if request.args.get("sort") == "newest" else "relevance",
        per_page=PER_PAGE,
    )


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
        return _bad_param(exc)
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
    return {
        "total": results.total,
        "page": results.page,
        "pages": results.pages,
        "per_page": results.per_page,
        "capped": results.capped,
        "links": links,
        "items": [
            public_record(found[h.request_id]) for h in results.hits if h.request_id in found
        ],
    }


def _statistics_year() -> int:
    """Return the ``year`` asked for, this year in the law's time zone when none is given."""
    year = _whole("year", 1900, 2999)
    if year is None:
        return law_calendar(site_law()).local(utcnow()).year
    return year


def _bad_param(exc: BadParam):
    return problem(
        400,
        _("Parameter %(name)s: %(reason)s.", name=exc.name, reason=exc.reason),
        invalid_params=[{"name": exc.name, "reason": str(exc.reason)}],
    )


@bp.get("/statistics")
def statistics():
    """Return the year's figures for all agencies, and each agency's (one definition)."""
    try:
        year = _statistics_year()
    except BadParam as exc:
        return _bad_param(exc)
    stats = year_statistics(year)
    return {
        "year": year,
        **stats.total.as_dict(),
        "channels": stats.channels,
        "agencies": [
            {"slug": row.agency.slug, "name": row.agency.name_az, **row.figures.as_dict()}
            for row in sorted(stats.agencies, key=lambda r: r.agency.slug)
        ],
    }


@bp.get("/agencies/<slug>/statistics")
def agency_statistics(slug: str):
    """Return one agency's figures for the year (one definition)."""
    # No slug holds NUL, and PostgreSQL cannot compare text holding it.
    agency = agency_by_slug(slug) if "\x00" not in slug else None
    if agency is None:
        return problem(404, _("No agency has the slug %(slug)s.", slug=slug))
    try:
        year = _statistics_year()
    except BadParam as exc:
        return _bad_param(exc)
    start, end = period_of_year(year, agency.law_code)
    figures = compliance(agency, start=start, end=end)
    return {"year": year, "agency": agency.slug, **figures.as_dict(), "channels": figures.channels}


def _received(tz: str) -> datetime:
    """Read ``received``: an ISO 8601 date or date-time, in the law's time zone without offset."""
    value = request.args.get("received", "").strip()
    if not value:
        raise BadParam("received", _l("is required, e.g. 2026-11-27T10:00"))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadParam("received", _l("must be a date and time such as 2026-11-27T10:00")) from None
    if not 1900 <= moment.year <= 2100:
        raise BadParam("received", _l("must be in a year from 1900 to 2100"))
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))


@bp.get("/deadline")
def deadline():
    """Say when the answer to a request received at ``received`` is due, as the calculator does.

    A refusal by the law (no such urgent period, an extension beyond what it allows) is a 422
    problem whose ``detail`` is in the client's language and whose ``code`` is stable.
    """
    code = request.args.get("law", "").strip() or site_law()
    try:
        pack = law_pack(code)
    except UnknownLaw as exc:
        return law_problem(
            exc, 400, invalid_params=[{"name": "law", "reason": str(law_message(exc))}]
        )
    try:
        received = _received(pack.timezone)
        extend_days = _whole("extend_days", 1, 365)
    except BadParam as exc:
        return _bad_param(exc)
    urgency = request.args.get("urgency", "").strip() or None
    try:
        result = deadline_estimate(pack.code, received, urgency=urgency, extend_days=extend_days)
    except LawError as exc:
        return law_problem(exc)
    return {
        "law": pack.code,
        "received_at": received.isoformat(),
        "due_at": result.due_at.isoformat(),
        "original_due_at": result.original_due_at.isoformat(),
        "extended": result.extended,
        "article": result.article,
        "explanation": result.explanation_lines(current_locale()),
    }
