"""Take the archive away: Atom feeds and CSV of any search, the nightly bulk file, the data page."""

from flask import Response, abort, render_template, send_file, stream_with_context, url_for
from flask_babel import gettext as _

from foi.search import SearchQuery
from foi.services.archive import (
    EXPORT_LIMIT,
    csv_rows,
    feed_entries,
    published_count,
)
from foi.services.archive_bulk import BULK_SUFFIX, bulk_latest
from foi.web.archive import bp
from foi.web.archive.views import archive_query, search_args
from foi.web.presenters import OUTCOME_LABELS


@bp.get("/archive/feed.atom")
def feed():
    """Serve the newest answers matching the search as an Atom feed."""
    query = archive_query()
    entries, updated = feed_entries(query)
    title = _("Answers about “%(q)s”", q=query.q) if query.q else _("Newest published answers")
    body = render_template(
        "archive/feed.atom.xml",
        entries=entries,
        updated=updated,
        query=query,
        title=title,
        outcome_labels=OUTCOME_LABELS,
        self_url=url_for("archive.feed", _external=True, **search_args()),
        page_url=url_for("archive.search", _external=True, **search_args()),
    )
    return Response(body, mimetype="application/atom+xml")


@bp.get("/archive/export.csv")
def export_csv():
    """Stream every request matching the search (public fields only) as CSV for spreadsheets."""
    query = archive_query()
    query = SearchQuery(
        q=query.q,
        agency_id=query.agency_id,
        outcome=query.outcome,
        year=query.year,
        topic=query.topic,
        sort=query.sort,
    )
    response = Response(stream_with_context(csv_rows(query)), mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="foi-archive.csv"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/archive/data")
def data():
    """Explain the ways to reuse the archive: feeds, CSV, the API and the bulk file."""
    latest = bulk_latest()
    return render_template(
        "archive/data.html",
        latest=latest,
        published=published_count(),
        latest_size=latest.stat().st_size if latest else None,
        latest_date=latest.name.removeprefix("foi-archive-").removesuffix(BULK_SUFFIX)
        if latest
        else None,
        export_limit=EXPORT_LIMIT,
    )


@bp.get("/archive/bulk")
def bulk():
    """Serve the newest nightly file of the whole published archive (JSON Lines, gzip)."""
    latest = bulk_latest()
    if latest is None:
        abort(404)
    # Served as the gzip file it is: decompressing on the fly would cost the server per download.
    return send_file(
        latest,
        mimetype="application/gzip",
        as_attachment=True,
        download_name=latest.name,
        max_age=3600,
        conditional=True,
    )
