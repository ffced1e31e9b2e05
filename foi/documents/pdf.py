"""Render the official PDFs (receipt, response letter, dossier, annual report) with WeasyPrint.

Templates live in ``templates/pdf/`` and run in a standalone Jinja environment (not Flask's), so
a job or a CLI command can render without an application. Fonts are the vendored DejaVu files
in ``static/fonts/``, embedded in every PDF so that ə ğ ı ş and Cyrillic print anywhere.
"""

import base64
import datetime as dt
import functools
import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date as babel_date
from babel.dates import format_time
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from .charts import bar_chart_svg
from .pdf_labels import OUTCOMES, labels

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = PROJECT_ROOT / "templates" / "pdf"
FONT_DIR = PROJECT_ROOT / "static" / "fonts"

Progress = Callable[[str, float], None]

# Keys each template cannot do without; the others are optional (see each template's header).
REQUIRED: dict[str, tuple[str, ...]] = {
    "receipt.html": ("agency_name", "reference", "filed_on", "subject", "due_date", "due_article"),
    "response_letter.html": ("agency_name", "reference", "answered_on", "outcome", "answer_text"),
    "dossier.html": ("agency_name", "reference", "subject", "status", "filed_on", "timeline"),
    "annual_report.html": ("period", "generated_on", "figures"),
}


@dataclass(frozen=True)
class RenderedPdf:
    """A rendered PDF with what a progress bar or a benchmark wants to know."""

    data: bytes
    pages: int
    milliseconds: float


def render_pdf(
    template: str,
    context: dict,
    lang: str = "az",
    base_url: str | None = None,
    *,
    progress: Progress | None = None,
) -> bytes:
    """Render ``templates/pdf/<template>`` with ``context`` in ``lang`` and return the PDF."""
    return render_document(template, context, lang, base_url, progress=progress).data


def render_document(
    template: str,
    context: dict,
    lang: str = "az",
    base_url: str | None = None,
    *,
    progress: Progress | None = None,
) -> RenderedPdf:
    """Render like ``render_pdf`` and also report the page count and the time taken.

    ``progress(stage, fraction)`` is called at "template", "layout" and "write", so a job
    rendering a large report can show how far it has come.
    """
    started = time.perf_counter()
    report = progress or (lambda stage, fraction: None)
    report("template", 0.0)
    html = render_html(template, context, lang)
    report("layout", 0.1)
    import weasyprint  # costs half a second: load only when a PDF is really made

    document = weasyprint.HTML(
        string=html, base_url=base_url or TEMPLATE_DIR.as_uri() + "/"
    ).render(font_config=_font_config())
    report("write", 0.8)
    data = document.write_pdf()
    report("done", 1.0)
    return RenderedPdf(data, len(document.pages), (time.perf_counter() - started) * 1000)


def render_html(template: str, context: dict, lang: str = "az") -> str:
    """Return the HTML the PDF is made from (useful to preview or to test templates)."""
    missing = [key for key in REQUIRED.get(template, ()) if key not in context]
    if missing:
        raise KeyError(f"{template} needs {', '.join(missing)} in its context")
    env = _environment()
    values = {
        **context,
        "lang": lang,
        "L": labels(lang),
        "font_dir": FONT_DIR.as_uri(),
        "qr": qr_data_uri(context["public_url"]) if context.get("public_url") else None,
    }
    return env.get_template(template).render(values)


@functools.cache
def _environment():
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date"] = format_date
    env.filters["paragraphs"] = paragraphs
    env.filters["number"] = format_number
    env.filters["percent"] = format_percent
    env.globals["bar_chart"] = bar_chart_svg
    env.globals["chart_rows"] = lambda labels_, keys, figures: [
        (labels_[k], figures.get(k) or 0) for k in keys
    ]
    env.globals["ground_rows"] = lambda grounds: [
        (g.get("ground") or g.get("article", ""), g.get("count") or 0) for g in grounds
    ]
    env.globals["outcome_key"] = lambda code: OUTCOMES.get(code or "", "")
    return env


@functools.cache
def _font_config():
    # WeasyPrint costs half a second to load: only when a PDF is really made (see above).
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def qr_data_uri(url: str) -> str:
    """Return an SVG QR code for ``url`` as a ``data:`` URI for an ``<img>``."""
    # qrcode is loaded with the first PDF that carries a code.
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=1)
    buf = io.BytesIO()
    image.save(buf)
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def format_date(value, lang: str = "az", with_time: bool = False) -> str:
    """Format a date (or datetime, already in local time) the way ``lang`` writes it."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = (
                dt.datetime.fromisoformat(value)
                if "T" in value or " " in value.strip()
                else dt.date.fromisoformat(value)
            )
        except ValueError:
            return value
    locale = (lang or "az").split("-")[0]
    text = babel_date(value, format="long", locale=locale)
    if with_time and isinstance(value, dt.datetime):
        text += ", " + format_time(value, format="short", locale=locale)
    return text


def format_number(value) -> str:
    """Format an integer with thin spaces between thousands (1 234 567)."""
    try:
        return f"{int(value):,}".replace(",", "\u202f")
    except (TypeError, ValueError):
        return str(value)


def format_percent(part, whole) -> str:
    """Return ``part`` as a whole-number percentage of ``whole`` ("—" when whole is 0)."""
    try:
        return f"{100 * float(part) / float(whole):.0f}%" if whole else "—"
    except (TypeError, ValueError):
        return "—"


def paragraphs(text: str | None) -> Markup:
    """Turn plain text into escaped ``<p>`` paragraphs, keeping single line breaks."""
    blocks = [b.strip() for b in (text or "").replace("\r\n", "\n").split("\n\n") if b.strip()]
    # S704 is a false positive here: each block is escape()d before the tags are added.
    return Markup(  # noqa: S704
        "".join("<p>" + str(escape(block)).replace("\n", "<br>") + "</p>" for block in blocks)
    )
