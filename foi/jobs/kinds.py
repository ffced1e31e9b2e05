"""The kinds of work the queue runs, by name: each is a function of the job's arguments.

A kind is registered with ``@job_kind("name")`` in a module of ``BUILTIN`` (or of the
``FOI_JOB_MODULES`` setting, comma-separated, for work a deployment adds). Its function gets a
:class:`JobRun` and returns the result to keep (a dict; ``file``/``name``/``mime`` name a file
that the person who asked may download). It may run more than once (a worker killed mid-job,
the job sent again), so its effect must be idempotent: write files under a name of its own and
replace them atomically, write rows with unique keys.

The OCR of scanned paper (issue 18) is kind ``ocr`` (``foi/jobs/ocr.py``), taking
``{"document_id": ...}``; every upload service queues it with
``foi.services.ocr.documents_ocr_enqueue`` after its transaction commits.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask

BUILTIN = (
    "foi.jobs.documents",
    "foi.jobs.exports",
    "foi.jobs.ocr",
    "foi.jobs.personal_data",
    "foi.jobs.reindex",
)

Handler = Callable[["JobRun"], dict | None]
_HANDLERS: dict[str, Handler] = {}


@dataclass
class JobRun:
    """What a job's function sees: its id, arguments, who asked, and a way to say progress."""

    job_id: int
    kind: str
    args: dict[str, Any]
    user_id: int | None
    attempt: int
    progress: Callable[[str, float], None] = field(repr=False)


def job_kind(name: str) -> Callable[[Handler], Handler]:
    """Register the decorated function as the work of job kind ``name``."""

    def register(fn: Handler) -> Handler:
        _HANDLERS[name] = fn
        return fn

    return register


def load(app: Flask) -> None:
    """Import the modules that register kinds (the built-in ones and the configured ones)."""
    extra = [m.strip() for m in app.config.get("JOB_MODULES", "").split(",") if m.strip()]
    for module in (*BUILTIN, *extra):
        importlib.import_module(module)


def handler_for(app: Flask, kind: str) -> Handler | None:
    load(app)
    return _HANDLERS.get(kind)


def known(app: Flask) -> list[str]:
    load(app)
    return sorted(_HANDLERS)
