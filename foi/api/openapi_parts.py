"""The parts of the OpenAPI description (:mod:`foi.api.openapi`): schemas, parameters, examples.

Named once here and used by the paths there, so that each field is described in one place.
"""

from foi.models.request import CHANNELS
from foi.requests.states import Outcome
from foi.services.archive import RANKED_LIMIT

DATETIME = {"type": "string", "format": "date-time"}
OPTIONAL_DATETIME = {"type": ["string", "null"], "format": "date-time"}
OUTCOMES = [outcome.value for outcome in Outcome]

REQUEST = {
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
        "outcome": {"type": ["string", "null"], "enum": [*OUTCOMES, None]},
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
        "received_at": DATETIME,
        "due_at": OPTIONAL_DATETIME,
        "answered_at": OPTIONAL_DATETIME,
        "published_at": OPTIONAL_DATETIME,
    },
}
FILE = {
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
REQUEST_FULL = {
    **REQUEST,
    "required": [*REQUEST["required"], "body", "answer", "files"],
    "properties": {
        **REQUEST["properties"],
        "body": {"type": "string", "description": "The request as the requester wrote it."},
        "answer": {
            "type": ["string", "null"],
            "description": "The published answer (redacted where the agency redacted).",
        },
        "files": {"type": "array", "items": FILE},
    },
}
LINK = {"type": "string", "format": "uri"}
PAGE = {
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
            "properties": {name: LINK for name in ("self", "first", "last", "next", "prev")},
        },
        "items": {"type": "array", "maxItems": 20, "items": REQUEST},
    },
}
PROBLEM = {
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

DEADLINE = {
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
        "received_at": DATETIME,
        "due_at": DATETIME,
        "original_due_at": {**DATETIME, "description": "Before any extension."},
        "extended": {"type": "boolean"},
        "article": {"type": "string", "description": "The law's article that sets the date."},
        "explanation": {
            "type": "array",
            "items": {"type": "string"},
            "description": "How the date was counted, step by step, in the client's language.",
        },
    },
}
COUNT = {"type": "integer", "minimum": 0}
FIGURE_DESCRIPTIONS = {
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
FIGURES = {name: {**COUNT, "description": text} for name, text in FIGURE_DESCRIPTIONS.items()}
FIGURES["median_working_days_to_answer"] = {
    "type": ["number", "null"],
    "minimum": 0,
    "description": FIGURE_DESCRIPTIONS["median_working_days_to_answer"],
}
FIGURES_EXAMPLE = {
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
CHANNELS = {
    "type": "object",
    "additionalProperties": False,
    "required": list(CHANNELS),
    "properties": {channel: COUNT for channel in CHANNELS},
    "description": "The requests received, by how they arrived: online, or off-line by post, "
    "phone, in person, e-mail to the agency or fax (entered by the agency's staff). Counted "
    "as received is, so they add up to it: a transferred request counts at each agency it "
    "reached.",
}
CHANNELS_EXAMPLE = {"online": 9, "post": 2, "phone": 1, "in_person": 0, "email": 0, "fax": 0}
AGENCY_STATISTICS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["year", "agency", *FIGURE_DESCRIPTIONS, "channels"],
    "properties": {
        "year": {"type": "integer"},
        "agency": {"type": "string", "description": "The agency's slug."},
        **FIGURES,
        "channels": CHANNELS,
    },
    "examples": [{"year": 2026, "agency": "tax", **FIGURES_EXAMPLE, "channels": CHANNELS_EXAMPLE}],
}
SITE_STATISTICS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["year", *FIGURE_DESCRIPTIONS, "channels", "agencies"],
    "properties": {
        "year": {"type": "integer"},
        **FIGURES,
        "channels": CHANNELS,
        "agencies": {
            "type": "array",
            "description": "Each agency that received a request in the year. A transferred "
            "request counts at each agency it reached, so the totals are the agencies' sums.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["slug", "name", *FIGURE_DESCRIPTIONS],
                "properties": {
                    "slug": {"type": "string"},
                    "name": {"type": "string", "description": "The name in Azerbaijani."},
                    **FIGURES,
                },
            },
        },
    },
    "examples": [
        {
            "year": 2026,
            **FIGURES_EXAMPLE,
            "channels": CHANNELS_EXAMPLE,
            "agencies": [
                {"slug": "tax", "name": "Dövlət Vergi Xidməti", **FIGURES_EXAMPLE},
            ],
        }
    ],
}
YEAR = {
    "name": "year",
    "in": "query",
    "description": "Year of registration, in the law's time zone; this year when omitted.",
    "schema": {"type": "integer", "minimum": 1900, "maximum": 2999},
    "example": 2026,
}
DEFINITION = (
    "Every request received in the year, split with no overlap and nothing left out "
    "(transferred, withdrawn, open in time or overdue, refused or answered on time or late), "
    "as on the site's statistics page, the agency pages, the annual report and its CSV. "
    "Deadlines are the law's (Azerbaijan: art. 24.1-24.6, 25, 23.1)."
)
