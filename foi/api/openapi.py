"""The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json.

Kept as data next to the views it describes; tests/api runs schemathesis against it, so a
field added to foi.services.archive.public_record without a line here fails the build.
"""

from foi.search import SearchBackend

MAX_PAGE = 10_000

_DATETIME = {"type": "string", "format": "date-time"}
_OPTIONAL_DATETIME = {"type": ["string", "null"], "format": "date-time"}
_OUTCOMES = ["given", "partial", "refused", "not_held"]

_REQUEST = {
    "type": "object",
    "additionalProperties": False,
    "required": ["reference", "url", "subject", "agency", "outcome", "requester", "received_at",
                 "due_at", "answered_at", "published_at"],
    "properties": {
        "reference": {"type": "string", "examples": ["AZ-2026-000123"]},
        "url": {"type": "string", "format": "uri", "description": "The public page."},
        "subject": {"type": "string"},
        "agency": {"type": "object", "additionalProperties": False,
                   "required": ["slug", "name_az", "name_en"], "properties": {
                       "slug": {"type": "string"}, "name_az": {"type": "string"},
                       "name_en": {"type": "string"}}},
        "outcome": {"type": ["string", "null"], "enum": [*_OUTCOMES, None]},
        "requester": {"type": ["string", "null"],
                      "description": "The requester's name, only when they agreed to publish it."},
        "received_at": _DATETIME,
        "due_at": _OPTIONAL_DATETIME,
        "answered_at": _OPTIONAL_DATETIME,
        "published_at": _OPTIONAL_DATETIME,
    },
}
_FILE = {"type": "object", "additionalProperties": False,
         "required": ["filename", "mime", "size", "url"], "properties": {
             "filename": {"type": "string"}, "mime": {"type": "string"},
             "size": {"type": "integer", "minimum": 0}, "url": {"type": "string", "format": "uri"}}}
_REQUEST_FULL = {
    **_REQUEST,
    "required": [*_REQUEST["required"], "body", "answer", "files"],
    "properties": {
        **_REQUEST["properties"],
        "body": {"type": "string", "description": "The request as the requester wrote it."},
        "answer": {"type": ["string", "null"],
                   "description": "The published answer (redacted where the agency redacted)."},
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
        "capped": {"type": "boolean", "description":
                   f"More matched than are ranked: pages stop at the newest"
                   f" {SearchBackend.candidate_limit:,} matches."},
        "links": {"type": "object", "additionalProperties": False, "required": ["self", "first"],
                  "properties": {name: _LINK for name in ("self", "first", "last", "next",
                                                          "prev")}},
        "items": {"type": "array", "maxItems": 20, "items": _REQUEST},
    },
}
_PROBLEM = {"description": "Problem details (RFC 9457)", "content": {
    "application/problem+json": {"schema": {
        "type": "object", "required": ["type", "title", "status"], "properties": {
            "type": {"type": "string"}, "title": {"type": "string"},
            "status": {"type": "integer"}, "detail": {"type": "string"},
            "invalid_params": {"type": "array", "items": {
                "type": "object", "required": ["name", "reason"], "properties": {
                    "name": {"type": "string"}, "reason": {"type": "string"}}}}}}}}}

OPENAPI = {
    "openapi": "3.1.0",
    "info": {"title": "foi public archive API", "version": "1.0.0",
             "description": "Published information requests and their answers. Read-only; "
                            "requesters' contact details, internal notes and unpublished "
                            "answers are never included. The whole archive is also a nightly "
                            "JSON Lines file at /archive/bulk."},
    "paths": {
        "/api/v1/requests": {"get": {
            "operationId": "listRequests",
            "summary": "Search published requests",
            "parameters": [
                {"name": "q", "in": "query", "description":
                 'Words; "a phrase", prefix*, -excluded, OR.',
                 "schema": {"type": "string", "maxLength": 500}},
                {"name": "agency", "in": "query", "description": "The agency's slug or id.",
                 "schema": {"type": "string"}},
                {"name": "outcome", "in": "query", "schema": {"type": "string",
                                                              "enum": _OUTCOMES}},
                {"name": "year", "in": "query", "description": "Year of publication.",
                 "schema": {"type": "integer", "minimum": 1900, "maximum": 2999}},
                {"name": "sort", "in": "query", "schema": {
                    "type": "string", "enum": ["relevance", "newest"], "default": "relevance"}},
                {"name": "page", "in": "query", "schema": {
                    "type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}},
            ],
            "responses": {
                "200": {"description": "A page of results", "content": {"application/json": {
                    "schema": _PAGE}}},
                "400": _PROBLEM},
        }},
        "/api/v1/requests/{reference}": {"get": {
            "operationId": "getRequest",
            "summary": "One published request with its answer and released files",
            "parameters": [{"name": "reference", "in": "path", "required": True,
                            "schema": {"type": "string"}}],
            "responses": {
                "200": {"description": "The request", "content": {"application/json": {
                    "schema": _REQUEST_FULL}}},
                "404": _PROBLEM},
        }},
    },
}
