"""Annual report figures per agency and for the whole country, and their PDFs.

A year is counted by the day a request was received, in the law's timezone, with the one
definition of foi.services.compliance (received, split into answered, refused, transferred,
withdrawn and still open, each on time or late, and by how the requests arrived: online, by
post, phone, in person, e-mail or fax), refusals by ground, and complaints to the oversight
body.

The country's report reads every request of the year, so it is rendered off the request path:
``flask foi report --year 2026 [--lang az]`` writes it into the reports folder (config
``REPORTS_DIR``, else ``reports/`` beside the upload folder) and the reports page serves the
file. An agency's report is small and is rendered when it is downloaded.
"""

import json
import os
import tempfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import func, select

import foi.models as models
from foi.documents.pdf import Progress, RenderedPdf, render_document
from foi.extensions import db
from foi.models import Agency, InfoRequest, Response, User
from foi.models.user import ADMIN, COORDINATOR, OMBUDSMAN
from foi.requests.states import Outcome, RequestStatus
from foi.services.compliance import compliance, year_statistics
from foi.services.deadlines import law_pack
from foi.services.errors import NotFound

COUNTRY = "country"
LANGS = ("az", "en", "ru")


def report_reader(viewer: User, agency: Agency | None) -> None:
    """Let admins and the ombudsman read every report, a coordinator their agency's; else 404."""
    if not getattr(viewer, "is_authenticated", False):
        raise NotFound()
    if viewer.role in (ADMIN, OMBUDSMAN):
        return
    if viewer.role == COORDINATOR and agency is not None and agency.id == viewer.agency_id:
        return
    raise NotFound()


def agency_by_slug(slug: str) -> Agency:
    """Return the agency with ``slug`` or raise NotFound."""
    agency = db.session.scalar(select(Agency).where(Agency.slug == slug))
    if agency is None:
        raise NotFound()
    return agency


def year_bounds(year: int, law_code: str) -> tuple[datetime, datetime]:
    """Return the first moment of ``year`` and of the next one in the law's timezone."""
    zone = ZoneInfo(law_pack(law_code).timezone)
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


def annual_figures(*, year: int, agency: Agency | None = None, lang: str = "az") -> dict:
    """Return the report's figures, refusals by ground and (for the country) rows by agency.

    The figures are foi.services.compliance's, the definition the statistics page, the agency
    pages, the CSV and the API share; complaints to the oversight body are added.
    """
    law_code = agency.law_code if agency else current_app.config.get("LAW", "az")
    start, end = year_bounds(year, law_code)
    in_year = [
        InfoRequest.received_at >= start,
        InfoRequest.received_at < end,
        InfoRequest.status != RequestStatus.HELD,  # not received by any agency yet
    ]
    if agency is not None:
        in_year.append(InfoRequest.agency_id == agency.id)
        total = compliance(agency, start=start, end=end)
    else:
        stats = year_statistics(year)
        total = stats.total
    figures = {**total.as_dict(), "on_time_percent": total.on_time_percent}
    figures["complaints"] = _complaints(start, end, agency)
    context = {
        "figures": figures,
        # channel -> requests received that way (every channel, in order), adding up to received.
        "channels": total.channels,
        "refused_by_ground": _grounds(in_year, law_code, lang),
    }
    if agency is None:
        context["agencies"] = sorted(
            (
                {
                    "name": row.agency.name(lang),
                    **row.figures.as_dict(),
                    "on_time_percent": row.figures.on_time_percent,
                }
                for row in stats.agencies
            ),
            key=lambda r: (-r["received"], r["name"]),
        )
    return context


def _grounds(in_year: list, law_code: str, lang: str) -> list[dict]:
    counts: Counter[str] = Counter()
    for grounds in db.session.scalars(
        select(Response.grounds_json)
        .join(InfoRequest, Response.request_id == InfoRequest.id)
        .where(*in_year, InfoRequest.outcome.in_((Outcome.REFUSED, Outcome.PARTIAL)))
    ):
        counts.update(set(json.loads(grounds or "[]")))
    pack = law_pack(law_code)
    result = []
    for code, count in counts.most_common():
        try:
            ground = pack.refusal_ground(code)
        except LookupError:
            result.append({"ground": code, "article": "", "count": count})
            continue
        title = ground.title.get(lang) or ground.title.get("en") or code
        result.append({"ground": title, "article": ground.article, "count": count})
    return result


def _complaints(start: datetime, end: datetime, agency: Agency | None) -> int:
    """Count complaints lodged in the year, if this installation records complaints."""
    complaint = getattr(models, "Complaint", None)
    if complaint is None:
        return 0
    column = next(
        (
            getattr(complaint, name)
            for name in ("lodged_at", "filed_at", "created_at")
            if hasattr(complaint, name)
        ),
        None,
    )
    if column is None:
        return 0
    stmt = select(func.count()).select_from(complaint).where(column >= start, column < end)
    if agency is not None and hasattr(complaint, "request_id"):
        stmt = stmt.join(InfoRequest, complaint.request_id == InfoRequest.id).where(
            InfoRequest.agency_id == agency.id
        )
    return int(db.session.scalar(stmt) or 0)


def report_render(
    *,
    year: int,
    agency: Agency | None = None,
    lang: str = "az",
    progress: Progress | None = None,
    today: date | None = None,
) -> RenderedPdf:
    """Render the annual report of ``agency`` (or of the country) for ``year``."""
    report = progress or (lambda stage, fraction: None)
    report("figures", 0.0)
    context = annual_figures(year=year, agency=agency, lang=lang)
    context.update(
        agency_name=agency.name(lang) if agency else None,
        period=str(year),
        generated_on=today or date.today(),
    )

    def rendering(stage: str, fraction: float) -> None:
        report(stage, 0.2 + 0.8 * fraction)

    return render_document("annual_report.html", context, lang, progress=rendering)


def reports_dir() -> Path:
    """Return the folder holding generated reports (outside the web root)."""
    configured = current_app.config.get("REPORTS_DIR")
    return (
        Path(configured)
        if configured
        else Path(current_app.config["UPLOAD_DIR"]).parent / "reports"
    )


def report_filename(year: int, agency: Agency | None, lang: str) -> str:
    """Return the stored file name of a report: ``2026-country-az.pdf``."""
    return f"{year}-{agency.slug if agency else COUNTRY}-{lang}.pdf"


def report_generate(
    *,
    year: int,
    agency: Agency | None = None,
    lang: str = "az",
    out: Path | None = None,
    progress: Progress | None = None,
) -> Path:
    """Render a report into ``out`` (default: the reports folder), replacing it atomically."""
    rendered = report_render(year=year, agency=agency, lang=lang, progress=progress)
    target = Path(out) if out else reports_dir() / report_filename(year, agency, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".report-", suffix=".pdf")
    with os.fdopen(fd, "wb") as f:
        f.write(rendered.data)
    os.replace(tmp, target)
    return target


def stored_reports() -> list[tuple[str, Path]]:
    """Return the generated country reports, newest year first, as (file name, path)."""
    folder = reports_dir()
    if not folder.is_dir():
        return []
    files = sorted(folder.glob(f"*-{COUNTRY}-*.pdf"), reverse=True)
    return [(path.name, path) for path in files]


def stored_report(year: int, lang: str) -> Path:
    """Return the generated country report of ``year`` in ``lang``, or raise NotFound."""
    if lang not in LANGS:
        raise NotFound()
    path = reports_dir() / report_filename(year, None, lang)
    if not path.is_file():
        raise NotFound()
    return path


def report_years(agency: Agency | None = None) -> list[int]:
    """Return the years that have requests, newest first (the current year at least)."""
    stmt = select(func.min(InfoRequest.received_at))
    if agency is not None:
        stmt = stmt.where(InfoRequest.agency_id == agency.id)
    first = db.session.scalar(stmt)
    this_year = date.today().year
    return list(range(this_year, (first.year if first else this_year) - 1, -1))
