"""A request id on every request and answer; JSON log lines carrying it (FOI_LOG_FORMAT=json).

The id comes from the incoming ``X-Request-ID`` when that is a sane token (a proxy or load
balancer set it, so one id follows the request through every log), else a new random one; it
goes back out as ``X-Request-ID`` and into every log line written while the request runs.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from datetime import UTC, datetime

from flask import Flask, g, has_request_context, request

from foi.services.audit import client_address

SANE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$")

access_log = logging.getLogger("foi.request")


def request_id_from(header: str | None) -> str:
    """Return the incoming id if it is a sane token, else a new random one."""
    if header and SANE_ID.match(header):
        return header
    return uuid.uuid4().hex


class JSONFormatter(logging.Formatter):
    """Format a record as one JSON object a line, with the request id when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as one JSON line, with the request id when there is one."""
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if has_request_context() and "request_id" in g:
            entry["request_id"] = g.request_id
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class _StderrHandler(logging.StreamHandler):
    """Write to whatever ``sys.stderr`` is when the record comes, not when the handler was made."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value):
        pass


def configure_json_logging(level: int = logging.INFO) -> None:
    """Send every log record to stderr as a JSON line (replaces the root logger's handlers)."""
    handler = _StderrHandler()
    handler.setFormatter(JSONFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def init_app(app: Flask) -> None:
    """Give each request an id; in JSON mode, log one line per request answered."""
    json_mode = app.config.get("LOG_FORMAT") == "json"
    if json_mode:
        configure_json_logging()
        app.logger.handlers.clear()  # records go up to the root's JSON handler
        app.logger.propagate = True

    @app.before_request
    def _assign_id():
        g.request_id = request_id_from(request.headers.get("X-Request-ID"))
        g.request_started = time.perf_counter()
        # The audit log records who acted from where (the client's, behind ProxyFix).
        g.audit_address = client_address.set(request.remote_addr)

    @app.teardown_request
    def _forget_address(_exc=None):
        if "audit_address" in g:
            client_address.reset(g.pop("audit_address"))

    @app.after_request
    def _answer_with_id(response):
        if "request_id" not in g:  # an earlier hook answered before ours ran (a 429)
            _assign_id()
        response.headers["X-Request-ID"] = g.request_id
        if json_mode:
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "fields": {
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - g.request_started) * 1000, 1),
                    }
                },
            )
        return response
