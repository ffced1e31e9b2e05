"""The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json.

Kept as data next to the views it describes; tests/api runs schemathesis against it, so a
field added to foi.services.archive.public_record without a line here fails the build.
"""

from foi.models.request import CHANNELS
from foi.requests.states import Outcome
from foi.services.archive import RANKED_LIMIT

MAX_PAGE = 10_000

_DATETIME = {"type": "string", "format": "date-time"}
_OPTIONAL_DATETIME = {"type": ["string", "null"], "format": "date-time"}
_OUTCOMES = [outcome.value for outcome in Outcome]

_REQUEST = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "reference",
        "url",
        "subject",
        "agency",
        "outcome",
        "channel",
        "requester",
        "received_at",
        "due_at",
        "answered_at",
        "published_at",
    ],
    "properties": {
        "reference": {"type": "string", "examples": ["AZ-2026-000123"]},
        "url": {"type": "string", "format": "uri", "description": "The public page."},
        "subject": {"type": "string"},
        "agency": {
            "type": "object",
            "additionalProperties": False,
            "required": ["slug", "name_az", "name_en"],
            "properties": {
                "slug": {"type": "string"},
                "name_az": {"type": "string"},
                "name_en": {"type": "string"},
            },
        },
        "outcome": {"type": ["string", "null"], "enum": [*_OUTCOMES, None]},
        "channel": {
            "type": "string",
            "enum": list(CHANNELS),
            "description": "How the request reached the agency: online, or off-line by post, "
            "phone, in person, e-mail to the agency or fax (entered by its staff).",
        },
        "requester": {
            "type": ["string", "null"],
            "description": "The requester's name, only when they agreed to publish it.",
        },
        "received_at": _DATETIME,
        "due_at": _OPTIONAL_DATETIME,
        "answered_at": _OPTIONAL_DATETIME,
        "published_at": _OPTIONAL_DATETIME,
    },
}
_FILE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["filename", "mime", "size", "url"],
    "properties": {
        "filename": {"type": "string"},
        "mime": {"type": "string"},
        "size": {"type": "integer", "minimum": 0},
        "url": {"type": "string", "format": "uri"},
    },
}
_REQUEST_FULL = {
    **_REQUEST,
    "required": [*_REQUEST["required"], "body", "answer", "files"],
    "properties": {
        **_REQUEST["properties"],
        "body": {"type": "string", "description": "The request as the requester wrote it."},
        "answer": {
            "type": ["string", "null"],
            "description": "The published answer (redacted where the agency redacted).",
        },
        "files": {"type": "array", "items": _FILE},
    },
}
_LINK = {"type": "string", "format": "uri"}
_PAGE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["total", "page", "pages", "per_page", "capped", "links", "items"],
    "properties": {
        "total": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1},
        "pages": {"type": "integer", "minimum": 0},
        "per_page": {"type": "integer", "minimum": 1},
        "capped": {
            "type": "boolean",
            "description": f"More matched than are ranked: pages stop at the newest"
            f" {RANKED_LIMIT:,} matches.",
        },
        "links": {
            "type": "object",
            "additionalProperties": False,
            "required": ["self", "first"],
            "properties": {name: _LINK for name in ("self", "first", "last", "next", "prev")},
        },
        "items": {"type": "array", "maxItems": 20, "items": _REQUEST},
    },
}
_PROBLEM = {
    "description": "Problem details (RFC 9457)",
    "content": {
        "application/problem+json": {
            "schema": {
                "type": "object",
                "required": ["type", "title", "status"],
                "properties": {
                    "type": {"type": "string"},
                    "title": {"type": "string"},
                    "status": {"type": "integer"},
                    "detail": {"type": "string"},
                    "code": {
                        "type": "string",
                        "description": "For a refusal by the law: its stable key, the same in "
                        "every language (e.g. extension_not_allowed.beyond_ceiling).",
                    },
                    "invalid_params": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["name", "reason"],
                            "properties": {
                                "name": {"type": "string"},
                                "reason": {"type": "string"},
                            },
                        },
                    },
                },
            }
        }
    },
}

_DEADLINE = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "law",
        "received_at",
        "due_at",
        "original_due_at",
        "extended",
        "article",
        "explanation",
    ],
    "properties": {
        "law": {"type": "string", "examples": ["az"]},
        "received_at": _DATETIME,
        "due_at": _DATETIME,
        "original_due_at": {**_DATETIME, "description": "Before any extension."},
        "extended": {"type": "boolean"},
        "article": {"type": "string", "description": "The law's article that sets the date."},
        "explanation": {
            "type": "array",
            "items": {"type": "string"},
            "description": "How the date was counted, step by step, in the client's language.",
        },
    },
}
_COUNT = {"type": "integer", "minimum": 0}
_FIGURE_DESCRIPTIONS = {
    "received": "Requests received in the year (by registration day, law's time zone); "
    "held requests of unconfirmed accounts are not received. The next eight add up to it.",
    "answered_on_time": "Answered (given, in part, or not held) by the due date.",
    "answered_late": "Answered after the due date.",
    "refused_on_time": "Refused in full by the due date.",
    "refused_late": "Refused in full after the due date.",
    "transferred": "Passed on to the agency holding the information and not held now.",
    "withdrawn": "Withdrawn by the requester.",
    "open_in_time": "Still unanswered, within the deadline (or waiting for a clarification).",
    "open_overdue": "Still unanswered after the due date.",
    "acknowledged_on_time": "Whose receipt was e-mailed within 24 hours of registration, "
    "or posted by the day those 24 hours end (requests received off-line).",
    "extended": "Whose deadline the agency extended.",
    "median_working_days_to_answer": "Median working days from registration to the answer "
    "or refusal; null before any.",
}
_FIGURES = {name: {**_COUNT, "description": text} for name, text in _FIGURE_DESCRIPTIONS.items()}
_FIGURES["median_working_days_to_answer"] = {
    "type": ["number", "null"],
    "minimum": 0,
    "description": _FIGURE_DESCRIPTIONS["median_working_days_to_answer"],
}
_FIGURES_EXAMPLE = {
    "received": 12,
    "answered_on_time": 2,
    "answered_late": 2,
    "refused_on_time": 1,
    "refused_late": 1,
    "transferred": 1,
    "withdrawn": 1,
    "open_in_time": 3,
    "open_overdue": 1,
    "acknowledged_on_time": 10,
    "extended": 1,
    "median_working_days_to_answer": 7.5,
}
_CHANNELS = {
    "type": "object",
    "additionalProperties": False,
    "required": list(CHANNELS),
    "properties": {channel: _COUNT for channel in CHANNELS},
    "description": "The requests received, by how they arrived: online, or off-line by post, "
    "phone, in person, e-mail to the agency or fax (entered by the agency's staff). Counted "
    "as received is, so they add up to it: a transferred request counts at each agency it "
    "reached.",
}
_CHANNELS_EXAMPLE = {"online": 9, "post": 2, "phone": 1, "in_person": 0, "email": 0, "fax": 0}
_AGENCY_STATISTICS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["year", "agency", *_FIGURE_DESCRIPTIONS, "channels"],
    "properties": {
        "year": {"type": "integer"},
        "agency": {"type": "string", "description": "The agency's slug."},
        **_FIGURES,
        "channels": _CHANNELS,
    },
    "examples": [
        {"year": 2026, "agency": "tax", **_FIGURES_EXAMPLE, "channels": _CHANNELS_EXAMPLE}
    ],
}
_SITE_STATISTICS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["year", *_FIGURE_DESCRIPTIONS, "channels", "agencies"],
    "properties": {
        "year": {"type": "integer"},
        **_FIGURES,
        "channels": _CHANNELS,
        "agencies": {
            "type": "array",
            "description": "Each agency that received a request in the year. A transferred "
            "request counts at each agency it reached, so the totals are the agencies' sums.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["slug", "name", *_FIGURE_DESCRIPTIONS],
                "properties": {
                    "slug": {"type": "string"},
                    "name": {"type": "string", "description": "The name in Azerbaijani."},
                    **_FIGURES,
                },
            },
        },
    },
    "examples": [
        {
            "year": 2026,
            **_FIGURES_EXAMPLE,
            "channels": _CHANNELS_EXAMPLE,
            "agencies": [
                {"slug": "tax", "name": "Dövlət Vergi Xidməti", **_FIGURES_EXAMPLE},
            ],
        }
    ],
}
_YEAR = {
    "name": "year",
    "in": "query",
    "description": "Year of registration, in the law's time zone; this year when omitted.",
    "schema": {"type": "integer", "minimum": 1900, "maximum": 2999},
    "example": 2026,
}
_DEFINITION = (
    "Every request received in the year, split with no overlap and nothing left out "
    "(transferred, withdrawn, open in time or overdue, refused or answered on time or late), "
    "as on the site's statistics page, the agency pages, the annual report and its CSV. "
    "Deadlines are the law's (Azerbaijan: art. 24.1-24.6, 25, 23.1)."
)

OPENAPI = {
    "openapi": "3.1.0",
    "info": {
        "title": "foi public archive API",
        "version": "1.0.0",
        "description": "Published information requests and their answers. Read-only; "
        "requesters' contact details, internal notes and unpublished "
        "answers are never included. The whole archive is also a nightly "
        "JSON Lines file at /archive/bulk.",
    },
    "paths": {
        "/api/v1/requests": {
            "get": {
                "operationId": "listRequests",
                "summary": "Search published requests",
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "description": 'Words; "a phrase", prefix*, -excluded, OR.',
                        "schema": {"type": "string", "maxLength": 500},
                    },
                    {
                        "name": "agency",
                        "in": "query",
                        "description": "The agency's slug or id.",
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "outcome",
                        "in": "query",
                        "schema": {"type": "string", "enum": _OUTCOMES},
                    },
                    {
                        "name": "year",
                        "in": "query",
                        "description": "Year of publication.",
                        "schema": {"type": "integer", "minimum": 1900, "maximum": 2999},
                    },
                    {
                        "name": "sort",
                        "in": "query",
                        "schema": {
                            "type": "string",
                            "enum": ["relevance", "newest"],
                            "default": "relevance",
                        },
                    },
                    {
                        "name": "page",
                        "in": "query",
                        "schema": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": MAX_PAGE,
                            "default": 1,
                        },
                    },
                ],
                "responses": {
                    "200": {
                        "description": "A page of results",
                        "content": {"application/json": {"schema": _PAGE}},
                    },
                    "400": _PROBLEM,
                },
            }
        },
        "/api/v1/requests/{reference}": {
            "get": {
                "operationId": "getRequest",
                "summary": "One published request with its answer and released files",
                "parameters": [
                    {
                        "name": "reference",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "The request",
                        "content": {"application/json": {"schema": _REQUEST_FULL}},
                    },
                    "404": _PROBLEM,
                },
            }
        },
        "/api/v1/deadline": {
            "get": {
                "operationId": "getDeadline",
                "summary": "When the answer to a request received at a given moment is due",
                "description": "The public deadline calculator: the law's period (Azerbaijan: "
                "art. 24.1-24.3, 24.5), its working days and holidays, and an optional extension "
                "(art. 25). A refusal by the law is a 422 problem with a stable code.",
                "parameters": [
                    {
                        "name": "received",
                        "in": "query",
                        "required": True,
                        "description": "ISO 8601 date or date-time; without an offset, in the "
                        "law's time zone.",
                        "schema": {"type": "string"},
                        "example": "2026-11-27T10:00",
                    },
                    {
                        "name": "law",
                        "in": "query",
                        "description": "The law's code; the site's law when omitted.",
                        "schema": {"type": "string"},
                        "example": "az",
                    },
                    {
                        "name": "urgency",
                        "in": "query",
                        "description": "An urgent period of the law, e.g. life or timeliness.",
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "extend_days",
                        "in": "query",
                        "description": "An extension in working days.",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 365},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "The due date and how it was counted",
                        "content": {"application/json": {"schema": _DEADLINE}},
                    },
                    "400": _PROBLEM,
                    "422": _PROBLEM,
                },
            }
        },
        "/api/v1/statistics": {
            "get": {
                "operationId": "getStatistics",
                "summary": "How every agency answered the requests received in a year",
                "description": _DEFINITION,
                "parameters": [_YEAR],
                "responses": {
                    "200": {
                        "description": "The year's figures, all agencies and each one",
                        "content": {"application/json": {"schema": _SITE_STATISTICS}},
                    },
                    "400": _PROBLEM,
                },
            }
        },
        "/api/v1/agencies/{slug}/statistics": {
            "get": {
                "operationId": "getAgencyStatistics",
                "summary": "How one agency answered the requests received in a year",
                "description": _DEFINITION,
                "parameters": [
                    {
                        "name": "slug",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                        "example": "tax",
                    },
                    _YEAR,
                ],
                "responses": {
                    "200": {
                        "description": "The agency's figures for the year",
                        "content": {"application/json": {"schema": _AGENCY_STATISTICS}},
                    },
                    "400": _PROBLEM,
                    "404": _PROBLEM,
                },
            }
        },
    },
}
