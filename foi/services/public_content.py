"""When public content changed: the stamp behind public pages' Last-Modified and kept copies.

Every change a visitor of the archive can see (a publication, a redaction, a request leaving the
archive, a new bulk file) calls ``public_content_changed`` inside its own transaction, so the
stamp can never say "unchanged" about a page whose content was committed. The version it bumps
is part of every key of the application cache (:func:`kept`), so one commit makes every kept
page and count old on every worker and host at once, with nothing to delete.
"""

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, NamedTuple, TypeVar

from flask import current_app
from redis.exceptions import RedisError
from sqlalchemy import select, update

from foi.extensions import cache, db
from foi.models import PublicChange
from foi.services.db import rows_changed

ARCHIVE = "archive"
T = TypeVar("T")
log = logging.getLogger("foi.cache")


class PublicState(NamedTuple):
    """How many times public content changed, and when it last did (None: never)."""

    version: int
    changed_at: datetime | None


def public_content_changed(*, now: datetime | None = None, name: str = ARCHIVE) -> None:
    """Record, in the caller's transaction, that public content changed at ``now``."""
    now = now or datetime.now(UTC)
    bumped = rows_changed(
        update(PublicChange)
        .where(PublicChange.name == name)
        .values(version=PublicChange.version + 1, changed_at=now)
    )
    if not bumped:
        db.session.add(PublicChange(name=name, version=1, changed_at=now))
        db.session.flush()


def public_content_state(name: str = ARCHIVE) -> PublicState:
    """Return the version and stamp of public content (version 0 before any change)."""
    row = db.session.execute(
        select(PublicChange.version, PublicChange.changed_at).where(PublicChange.name == name)
    ).first()
    return PublicState(row.version, row.changed_at) if row else PublicState(0, None)


def public_content_stamp(name: str = ARCHIVE) -> datetime | None:
    """Return when public content last changed, or None when it never did."""
    return public_content_state(name).changed_at


def kept(name: str, compute: Callable[[], T], *, seconds: int | None = None) -> T:
    """Return ``compute()``, kept in the application cache until public content changes.

    For counts that pages show: computed once per version (and at most every ``seconds``,
    by default ``PAGE_CACHE_SECONDS``) by whichever worker asks first, then read by every
    other. Give ``seconds`` for what depends on public content alone.
    """
    if seconds is None:
        seconds = current_app.config["PAGE_CACHE_SECONDS"]
    if seconds <= 0:
        return compute()
    key = f"agg:{public_content_state().version}:{name}"
    found = cache_get(key)
    if found is None:
        found = compute()
        cache_set(key, found, seconds)
    return found


def cache_get(key: str) -> Any:
    """Return what the application cache keeps under ``key``; None if nothing or it is down."""
    try:
        return cache.get(key)
    except RedisError as exc:  # a cache that is down slows pages, it must not break them
        log.warning("Application cache unavailable: %s", exc)
        return None


def cache_set(key: str, value: Any, seconds: int) -> None:
    """Keep ``value`` under ``key`` for ``seconds``; skipped if the cache is down."""
    try:
        cache.set(key, value, timeout=seconds)
    except RedisError as exc:
        log.warning("Application cache unavailable: %s", exc)
