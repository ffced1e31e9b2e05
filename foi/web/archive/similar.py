"""Similar published requests: a Jinja global for pages and an HTML fragment for scripts.

The citizen's form shows them after the first submit (no JavaScript needed); with JavaScript,
``foi/static/js/similar.js`` fetches :func:`similar_fragment` as the subject is typed.
"""

from flask import render_template, request

from foi.models import InfoRequest
from foi.search import Hit
from foi.services.archive import similar_published
from foi.web.archive import bp
from foi.web.numbers import query_int
from foi.web.presenters import OUTCOME_LABELS

MAX_TEXT = 500


@bp.app_template_global()
def similar_requests(
    text: str | None, agency_id: int | None = None, exclude_id: int | None = None
) -> list[tuple[Hit, InfoRequest]]:
    """Return up to five published requests like ``text`` (of one agency when given)."""
    if not text or not text.strip():
        return []
    return similar_published(text[:MAX_TEXT], agency_id=agency_id, exclude_id=exclude_id)


@bp.app_template_global()
def archive_outcome_label(outcome: str | None) -> str:
    """Return the words for an answer's outcome."""
    return str(OUTCOME_LABELS.get(outcome or "", ""))


@bp.get("/archive/similar")
def similar_fragment():
    """Return the list of similar published requests for ``?q=`` as an HTML fragment."""
    found = similar_requests(request.args.get("q", ""), agency_id=query_int("agency", strict=False))
    response = render_template("archive/_similar_list.html", similar=found)
    return response, 200, {"Cache-Control": "public, max-age=60"}
