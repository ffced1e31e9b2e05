"""The public archive: search, published requests, agencies, the deadline calculator."""

from datetime import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from flask import abort, render_template, request, url_for
from flask_login import current_user

from foi.i18n import current_locale
from foi.labels import CHANNEL_LABELS, COMPLIANCE_LABELS
from foi.law import available_packs, pack_codes
from foi.models.document import FROM_AGENCY
from foi.requests.states import Outcome
from foi.search import SearchQuery
from foi.services.agency_stats import agency_figures
from foi.services.archive import archive_search
from foi.services.deadlines import law_calendar, law_pack
from foi.services.errors import NotFound
from foi.services.permissions import Role, roles_of
from foi.services.public_content import kept
from foi.services.selectors import (
    agencies_by_id,
    agencies_by_name,
    agency_by_slug,
    archive_totals,
    events_for,
    group_published,
    published_counts_by_agency,
    published_file,
    request_published,
)
from foi.topics import TOPICS
from foi.web.admin.forms import flag_request_form
from foi.web.archive import bp
from foi.web.archive.calculator import calculate, calculator_form
from foi.web.archive.charts import outcome_chart
from foi.web.files import send_attachment
from foi.web.numbers import MAX_PAGE, query_int
from foi.web.presenters import OUTCOME_LABELS, timeline


def archive_query() -> SearchQuery:
    """Read the search box and filters from the query string, ignoring nonsense values."""
    outcome, topic = request.args.get("outcome"), request.args.get("topic")
    return SearchQuery(
        q=request.args.get("q", "")[:500],
        agency_id=query_int("agency", strict=False),
        outcome=outcome if outcome in tuple(Outcome) else None,
        year=query_int("year", low=1, high=9999, strict=False),
        topic=topic if topic in TOPICS else None,
        sort="newest" if request.args.get("sort") == "newest" else "relevance",
        page=query_int("page", 1, low=1, high=MAX_PAGE, strict=False),
        per_page=20,
    )


def search_args() -> dict[str, str]:
    """Return the query string without the page, to build links to the same search."""
    return {k: v for k, v in request.args.items() if k != "page"}


class SearchLinks:
    """Links to this search with one filter set, from one ``url_for`` however many facets.

    A results page links every agency, year, outcome and topic of its facets (a hundred links
    and more); building each through the URL map cost more than the rest of the page.
    """

    def __init__(self, endpoint: str, args: dict[str, str]):
        self.base = url_for(endpoint)
        self.args = args

    def __call__(self, **changes: object) -> str:
        """Return the link to this search with ``changes`` (``agency=3``) in its query."""
        return f"{self.base}?{urlencode({**self.args, **changes})}"


@bp.get("/")
def home():
    """Show the newest published answers and how many requests the archive holds."""
    latest, found = archive_search(SearchQuery(sort="newest", per_page=6), listing=True)
    published, total = kept("home.totals", archive_totals)
    return render_template(
        "archive/home.html",
        latest=latest,
        requests=found,
        outcome_labels=OUTCOME_LABELS,
        published=published,
        total=total,
    )


@bp.get("/archive")
def search():
    """Search the published requests, with filters and facets."""
    query = archive_query()
    results, found = archive_search(query, listing=True)
    return render_template(
        "archive/search.html",
        query=query,
        results=results,
        agencies=agencies_by_id(),
        requests=found,
        outcome_labels=OUTCOME_LABELS,
        locale=current_locale(),
        args=search_args(),
        filter_link=SearchLinks("archive.search", search_args()),
        topic_labels={code: t.label(current_locale()) for code, t in TOPICS.items()},
    )


@bp.get("/r/<reference>")
def request_page(reference: str):
    """Show a published request: its public timeline, answer and released files."""
    try:
        req = request_published(reference)
    except NotFound:
        abort(404)
    files = [d for d in req.documents if d.source == FROM_AGENCY and d.public]
    return render_template(
        "archive/request.html",
        req=req,
        files=files,
        items=timeline(events_for(req, "public")),
        outcome_labels=OUTCOME_LABELS,
        locale=current_locale(),
        group_answers=group_published(req),
        flag_form=flag_request_form(req) if Role.MODERATOR in roles_of(current_user, req) else None,
    )


@bp.get("/r/<reference>/files/<int:doc_id>")
def download(reference: str, doc_id: int):
    """Download a released file of a published request."""
    try:
        doc = published_file(request_published(reference), doc_id)
    except NotFound:
        abort(404)
    return send_attachment(doc, published=True)


@bp.get("/agencies")
def agencies():
    """List the active agencies, filtered by name, with their published answers."""
    locale = current_locale()
    rows = agencies_by_name(locale, active_only=True)
    q = request.args.get("q", "").strip().casefold()
    if q:
        rows = [a for a in rows if q in a.name(locale).casefold() or q in a.name_az.casefold()]
    return render_template(
        "archive/agencies.html",
        locale=locale,
        q=request.args.get("q", ""),
        agencies=rows,
        published=kept("agencies.published", published_counts_by_agency),
    )


@bp.get("/agencies/<slug>")
def agency(slug: str):
    """Show an agency: its published answers and how it answers."""
    found = agency_by_slug(slug)
    if found is None:
        abort(404)
    results, requests = archive_search(
        SearchQuery(
            agency_id=found.id,
            sort="newest",
            page=query_int("page", 1, low=1, high=MAX_PAGE, strict=False),
        ),
        listing=True,
    )
    stats, counted_at = agency_figures(found)
    return render_template(
        "archive/agency.html",
        agency=found,
        results=results,
        requests=requests,
        outcome_labels=OUTCOME_LABELS,
        locale=current_locale(),
        stats=stats,
        counted_at=counted_at,
        compliance_labels=COMPLIANCE_LABELS,
        channel_labels=CHANNEL_LABELS,
        chart=outcome_chart(stats.outcomes_by_year),
    )


@bp.get("/deadline-calculator")
def calculator():
    """Answer "if I file today, when must they answer?" for every law we know."""
    locale = current_locale()
    code = request.args.get("law", "az")
    code = code if code in pack_codes() else "az"
    pack = law_pack(code)
    form = calculator_form(request.args, pack)
    answer, status = None, 200
    if "received" in request.args:
        answer = calculate(form, pack, law_calendar(code), locale)
        status = 200 if answer else 400
    else:
        form.received.data = datetime.now(ZoneInfo(pack.timezone)).strftime("%Y-%m-%dT%H:%M")
    return render_template(
        "archive/calculator.html",
        packs=available_packs(),
        pack=pack,
        form=form,
        answer=answer,
        locale=locale,
    ), status
