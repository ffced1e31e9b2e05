"""RFC 9457 problem details for API errors, in the client's language (Accept-Language).

Titles are the HTTP reason phrases, translated.
"""

from flask import jsonify
from flask_babel import lazy_gettext as _l
from werkzeug.http import HTTP_STATUS_CODES

from foi.i18n import current_locale
from foi.law import LawError
from foi.services.law_messages import law_message

TITLES = {
    400: _l("Bad Request"),
    404: _l("Not Found"),
    405: _l("Method Not Allowed"),
    413: _l("Payload Too Large"),
    422: _l("Unprocessable Content"),
    429: _l("Too Many Requests"),
    500: _l("Internal Server Error"),
}


def problem(status: int, detail=None, **extra):
    """Return a problem+json response; ``detail`` says what went wrong in plain words."""
    body = {
        "type": "about:blank",
        "title": str(TITLES.get(status, HTTP_STATUS_CODES.get(status, "Error"))),
        "status": status,
    }
    if detail:
        body["detail"] = str(detail)
    body.update(extra)
    response = jsonify(body)
    response.status_code = status
    response.mimetype = "application/problem+json"
    response.headers["Content-Language"] = current_locale()
    return response


def law_problem(exc: LawError, status: int = 422, **extra):
    """Return the problem of a refusal by the law, said in the client's language.

    ``code`` is the refusal's stable key (e.g. ``extension_not_allowed.beyond_ceiling``), for
    clients to match on whatever language ``detail`` is in.
    """
    return problem(status, law_message(exc), code=exc.code, **extra)
