"""The site's statistics: every agency's figures for a year, sortable, with charts and a CSV.

The figures are foi.services.compliance's, the one definition the agency pages, the annual
report and the API use as well.
"""

import csv
import io

from flask import Response, abort, render_template, request
from flask_babel import format_date
from flask_babel import gettext as _

from foi.i18n import current_locale, sort_key
from foi.labels import CHANNEL_LABELS, COMPLIANCE_LABELS
from foi.models.base import utcnow
from foi.models.request import CHANNELS
from foi.services.compliance import (
    FIGURES,
    Compliance,
    YearStatistics,
    site_law,
    year_statistics,
)
from foi.services.deadlines import law_calendar
from foi.services.reports import report_years
from foi.web.archive import bp

#: Columns the table sorts by: the figures, the agency's name and the share on time.
SORTS = ("agency", "on_time_percent", *FIGURES)


def _year() -> int:
    """Return the year asked for, this year (in the law's time zone) when none; 404 if odd."""
    value = request.args.get("year", "")
    if not value:
        return law_calendar(site_law()).local(utcnow()).year
    if not value.isascii() or not value.isdigit() or not 1900 <= int(value) <= 2999:
        abort(404)
    return int(value)


def _sorted_rows(stats: YearStatistics, locale: str, sort: str, descending: bool) -> list:
    def key(row):
        if sort == "agency":
            return (0, sort_key(row.agency.name(locale), locale))
        value = getattr(row.figures, sort)
        # Rows without a value (no answer yet) go last whichever way the column is sorted.
        missing = value is None
        return (1 if missing else 0, 0 if missing else (-value if descending else value))

    rows = sorted(stats.agencies, key=lambda r: sort_key(r.agency.name(locale), locale))
    rows = sorted(rows, key=key)
    if sort == "agency" and descending:
        rows.reverse()
    return rows


def _bars(pairs: list[tuple[str, int | float | None, str]], maximum: float) -> list[dict]:
    """Return each (label, value, text) with its bar's length in percent of ``maximum``."""
    return [
        {
            "label": label,
            "value": value,
            "text": text,
            "percent": 0 if not value or not maximum else round(100 * value / maximum, 1),
        }
        for label, value, text in pairs
    ]


@bp.get("/statistics")
def statistics():
    """Show how every agency answered the requests received in a year."""
    locale = current_locale()
    year = _year()
    sort = request.args.get("sort", "on_time_percent")
    sort = sort if sort in SORTS else "on_time_percent"
    descending = request.args.get("order", "asc" if sort == "agency" else "desc") == "desc"
    stats = year_statistics(year)
    rows = _sorted_rows(stats, locale, sort, descending)
    by_name = sorted(stats.agencies, key=lambda r: sort_key(r.agency.name(locale), locale))

    def share(figures) -> str:
        if figures.on_time_percent is None:
            return _("no answer due yet")
        return _(
            "%(percent)d%% (%(on_time)d of %(due)d)",
            percent=figures.on_time_percent,
            on_time=figures.on_time,
            due=figures.due_or_decided,
        )

    on_time = sorted(
        by_name,
        key=lambda r: -1 if r.figures.on_time_percent is None else -r.figures.on_time_percent,
    )
    overdue = sorted(by_name, key=lambda r: -r.figures.open_overdue)
    slowest = sorted(
        by_name,
        key=lambda r: 1 if r.figures.median_working_days_to_answer is None else 0,
    )
    medians = [r.figures.median_working_days_to_answer or 0 for r in by_name]
    charts = {
        "on_time_by_agency": _bars(
            [(r.agency.name(locale), r.figures.on_time_percent, share(r.figures)) for r in on_time],
            100,
        ),
        "on_time_by_month": _bars(
            [
                (_month_name(first), figures.on_time_percent, share(figures))
                for first, figures in stats.months
            ],
            100,
        ),
        "overdue_by_agency": _bars(
            [
                (r.agency.name(locale), r.figures.open_overdue, str(r.figures.open_overdue))
                for r in overdue
                if r.figures.open_overdue
            ],
            max([r.figures.open_overdue for r in by_name] or [0]),
        ),
        "median_by_agency": _bars(
            [
                (
                    r.agency.name(locale),
                    r.figures.median_working_days_to_answer,
                    "—"
                    if r.figures.median_working_days_to_answer is None
                    else f"{r.figures.median_working_days_to_answer:g}",
                )
                for r in slowest
            ],
            max(medians or [0]),
        ),
    }
    return render_template(
        "archive/statistics.html",
        year=year,
        years=report_years(),
        stats=stats,
        rows=rows,
        sort=sort,
        descending=descending,
        charts=charts,
        locale=locale,
        figures=stats.total,
        compliance_labels=COMPLIANCE_LABELS,
        channel_labels=CHANNEL_LABELS,
        figure_names=FIGURES,
    )


@bp.get("/statistics.csv")
def statistics_csv():
    """Give the year's figures, one line per agency and one for all, for spreadsheets."""
    locale = current_locale()
    year = _year()
    stats = year_statistics(year)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # After the figures, the requests received split by how they arrived (they add up to
    # "received"): received_online, received_post, ... in the order of CHANNELS.
    writer.writerow(
        ["year", "agency", "agency_name", *FIGURES, *(f"received_{c}" for c in CHANNELS)]
    )
    rows = sorted(stats.agencies, key=lambda r: sort_key(r.agency.name(locale), locale))
    for row in rows:
        writer.writerow([year, row.agency.slug, row.agency.name(locale), *_cells(row.figures)])
    writer.writerow([year, "", _("All agencies"), *_cells(stats.total)])
    response = Response("\ufeff" + buffer.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="foi-statistics-{year}.csv"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _cells(figures: Compliance) -> list[str]:
    values = figures.as_dict()
    return [
        *(_cell(values[f]) for f in FIGURES),
        *(_cell(figures.channels.get(c, 0)) for c in CHANNELS),
    ]


def _cell(value) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _month_name(first) -> str:
    return format_date(first, "LLLL")
