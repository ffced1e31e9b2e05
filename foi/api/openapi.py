"""The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json."""

_REQUEST = {
    "type": "object",
    "required": ["reference", "url", "subject", "agency", "outcome", "received_at"],
    "properties": {
        "reference": {"type": "string", "example": "AZ-2026-000123"},
        "url": {"type": "string", "format": "uri"},
        "subject": {"type": "string"},
        "agency": {"type": "object", "properties": {
            "slug": {"type": "string"}, "name_az": {"type": "string"},
            "name_en": {"type": "string"}}},
        "outcome": {"type": ["string", "null"],
                    "enum": ["given", "partial", "refused", "not_held", None]},
        "requester": {"type": ["string", "null"],
                      "description": "Shown only when the requester agreed."},
        "received_at": {"type": "string", "format": "date-time"},
        "due_at": {"type": ["string", "null"], "format": "date-time"},
        "answered_at": {"type": ["string", "null"], "format": "date-time"},
        "published_at": {"type": ["string", "null"], "format": "date-time"},
    },
}
_PROBLEM = {"description": "Problem details (RFC 9457)", "content": {
    "application/problem+json": {"schema": {"type": "object", "properties": {
        "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
        "detail": {"type": "string"}}}}}}

OPENAPI = {
    "openapi": "3.1.0",
    "info": {"title": "foi public archive API", "version": "1.0.0",
             "description": "Published information requests and their answers. Read-only; "
                            "requesters' contact details are never included."},
    "paths": {
        "/api/v1/requests": {"get": {
            "summary": "Search published requests",
            "parameters": [
                {"name": "q", "in": "query", "schema": {"type": "string"}},
                {"name": "agency", "in": "query", "schema": {"type": "integer"}},
                {"name": "outcome", "in": "query", "schema": {
                    "type": "string", "enum": ["given", "partial", "refused", "not_held"]}},
                {"name": "year", "in": "query", "schema": {"type": "integer"}},
                {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
            ],
            "responses": {
                "200": {"description": "A page of results", "content": {"application/json": {
                    "schema": {"type": "object", "properties": {
                        "total": {"type": "integer"}, "page": {"type": "integer"},
                        "pages": {"type": "integer"}, "links": {"type": "object"},
                        "items": {"type": "array", "items": _REQUEST}}}}}},
                "400": _PROBLEM},
        }},
        "/api/v1/requests/{reference}": {"get": {
            "summary": "One published request with its answer",
            "parameters": [{"name": "reference", "in": "path", "required": True,
                            "schema": {"type": "string"}}],
            "responses": {
                "200": {"description": "The request", "content": {"application/json": {
                    "schema": _REQUEST}}},
                "404": _PROBLEM},
        }},
    },
}
