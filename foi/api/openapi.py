"""The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json.

Kept as data next to the views it describes; tests/api runs schemathesis against it, so a
field added to foi.services.archive.public_record without a line here fails the build.
"""

from foi.api.openapi_parts import (
    AGENCY_STATISTICS,
    DEADLINE,
    DEFINITION,
    OUTCOMES,
    PAGE,
    PROBLEM,
    REQUEST_FULL,
    SITE_STATISTICS,
    YEAR,
)

MAX_PAGE = 10_000

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
                        "schema": {"type": "string", "enum": OUTCOMES},
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
                        "content": {"application/json": {"schema": PAGE}},
                    },
                    "400": PROBLEM,
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
                        "content": {"application/json": {"schema": REQUEST_FULL}},
                    },
                    "404": PROBLEM,
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
                        "content": {"application/json": {"schema": DEADLINE}},
                    },
                    "400": PROBLEM,
                    "422": PROBLEM,
                },
            }
        },
        "/api/v1/statistics": {
            "get": {
                "operationId": "getStatistics",
                "summary": "How every agency answered the requests received in a year",
                "description": DEFINITION,
                "parameters": [YEAR],
                "responses": {
                    "200": {
                        "description": "The year's figures, all agencies and each one",
                        "content": {"application/json": {"schema": SITE_STATISTICS}},
                    },
                    "400": PROBLEM,
                },
            }
        },
        "/api/v1/agencies/{slug}/statistics": {
            "get": {
                "operationId": "getAgencyStatistics",
                "summary": "How one agency answered the requests received in a year",
                "description": DEFINITION,
                "parameters": [
                    {
                        "name": "slug",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                        "example": "tax",
                    },
                    YEAR,
                ],
                "responses": {
                    "200": {
                        "description": "The agency's figures for the year",
                        "content": {"application/json": {"schema": AGENCY_STATISTICS}},
                    },
                    "400": PROBLEM,
                    "404": PROBLEM,
                },
            }
        },
    },
}
