"""The public archive: search, published requests, agencies, the deadline calculator."""
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, render_template, request
from sqlalchemy import func, select

from foi.demo.topics import TOPICS
from foi.extensions import db
from foi.i18n import current_locale, sort_key
from foi.law import available_packs
from foi.models import Agency, Document, InfoRequest
from foi.models.document import FROM_AGENCY
from foi.models.request import OUTCOMES, PUBLISHED
from foi.search import SearchQuery, get_backend
from foi.services.agency_stats import agency_statistics
from foi.services.errors import NotFound
from foi.services.selectors import events_for, published_requests, request_published
from foi.web.archive.charts import outcome_chart
from foi.web.files import send_attachment
from foi.web.presenters import OUTCOME_LABELS, timeline

bp = Blueprint("archive", __name__)


def _int(name: str) -> int | None:
    value = request.args.get(name, "")
    return int(value) if value.isdigit() else None


def archive_query() -> SearchQuery:
    """Read the search box and filters from the query string, ignoring nonsense values."""
    outcome, topic = request.args.get("outcome"), request.args.get("topic")
    return SearchQuery(
        q=request.args.get("q", "")[:500], agency_id=_int("agency"),
        outcome=outcome if outcome in OUTCOMES else None, year=_int("year"),
        topic=topic if topic in TOPICS else None,
        sort="newest" if request.args.get("sort") == "newest" else "relevance",
        page=max(1, _int("page") or 1), per_page=20)


def search_args() -> dict[str, str]:
    """Return the query string without the page, to build links to the same search."""
    return {k: v for k, v in request.args.items() if k != "page"}


@bp.get("/")
def home():
    conn = db.session.connection()
    latest = get_backend(conn).query(conn, SearchQuery(sort="newest", per_page=6))
    counts = dict(db.session.execute(
        select(InfoRequest.status, func.count(InfoRequest.id)).group_by(InfoRequest.status)
    ).all())
    return render_template("archive/home.html", latest=latest,
                           requests=published_requests([h.request_id for h in latest.hits]),
                           published=counts.get(PUBLISHED, 0), total=sum(counts.values()))


@bp.get("/archive")
def search():
    query = archive_query()
    conn = db.session.connection()
    results = get_backend(conn).query(conn, query)
    agencies = {a.id: a for a in db.session.scalars(select(Agency))}
    return render_template(
        "archive/search.html", query=query, results=results, agencies=agencies,
        requests=published_requests([h.request_id for h in results.hits]),
        outcome_labels=OUTCOME_LABELS, locale=current_locale(), args=search_args(),
        topic_labels={code: t.label(current_locale()) for code, t in TOPICS.items()})


@bp.get("/r/<reference>")
def request_page(reference: str):
    try:
        req = request_published(reference)
    except NotFound:
        abort(404)
    files = [d for d in req.documents if d.source == FROM_AGENCY and d.public]
    return render_template("archive/request.html", req=req, files=files,
                           items=timeline(events_for(req, "public")),
                           outcome_labels=OUTCOME_LABELS, locale=current_locale())


@bp.get("/r/<reference>/files/<int:doc_id>")
def download(reference: str, doc_id: int):
    try:
        req = request_published(reference)
    except NotFound:
        abort(404)
    doc = db.session.get(Document, doc_id)
    if doc is None or doc.request_id != req.id or not doc.public:
        abort(404)
    return send_attachment(doc)


@bp.get("/agencies")
def agencies():
    locale = current_locale()
    rows = db.session.scalars(select(Agency).where(Agency.active.is_(True))).all()
    published = dict(db.session.execute(
        select(InfoRequest.agency_id, func.count(InfoRequest.id))
        .where(InfoRequest.status == PUBLISHED).group_by(InfoRequest.agency_id)).all())
    q = request.args.get("q", "").strip().casefold()
    if q:
        rows = [a for a in rows if q in a.name(locale).casefold() or q in a.name_az.casefold()]
    return render_template("archive/agencies.html", locale=locale, q=request.args.get("q", ""),
                           agencies=sorted(rows, key=lambda a: sort_key(a.name(locale), locale)),
                           published=published)


@bp.get("/agencies/<slug>")
def agency(slug: str):
    found = db.session.scalar(select(Agency).where(Agency.slug == slug))
    if found is None:
        abort(404)
    conn = db.session.connection()
    results = get_backend(conn).query(conn, SearchQuery(agency_id=found.id, sort="newest",
                                                        page=max(1, _int("page") or 1)))
    stats = agency_statistics(found)
    return render_template("archive/agency.html", agency=found, results=results,
                           requests=published_requests([h.request_id for h in results.hits]),
                           outcome_labels=OUTCOME_LABELS, locale=current_locale(),
                           stats=stats, chart=outcome_chart(stats.outcomes_by_year))


@bp.get("/deadline-calculator")
def calculator():
    """Answer "if I file today, when must they answer?" for every law we know."""
    from foi.law import pack_codes
    from foi.services.deadlines import law_calendar, law_pack
    from foi.web.archive.calculator import calculate, calculator_form

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
    return render_template("archive/calculator.html", packs=available_packs(), pack=pack,
                           form=form, answer=answer, locale=locale), status


# The reuse routes and the similar-requests helpers register themselves on ``bp``.
from foi.web.archive import reuse, similar  # noqa: E402,F401
