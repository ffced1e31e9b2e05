"""HTTP caching: anonymous public pages are cacheable by browsers and proxies, nothing else is.

A page is public when an anonymous visitor GETs it from the archive or the API, it answers
200, and answering it wrote nothing to the session and set no cookie. It then carries
``Cache-Control: public``, an ``ETag`` of its body, the ``Last-Modified`` of the public content
and ``Vary: Accept-Language, Cookie`` (the language comes from the header or the ``foi_lang``
cookie), and a conditional request that matches gets ``304 Not Modified``. Every other answer —
a signed-in person's page, a form holding a CSRF token, an error — says ``private, no-store``.

The application cache (Flask-Caching: Redis with ``FOI_REDIS_URL``, else the process's memory)
keeps the body of each public page under ``page:{version}:{locale}:{path}``, the version being
the public content's (:mod:`foi.services.public_content`): a publication, redaction or agency
change commits a new version, and every worker on every host stops serving the old pages at
once. A kept page is served before the view runs, but after the rate limiter counted the hit.
"""

import hashlib

from flask import Flask, current_app, request, session
from flask_login import current_user
from werkzeug.wrappers import Response

from foi.extensions import cache
from foi.i18n import current_locale
from foi.services.public_content import PublicState, cache_get, cache_set, public_content_state

PUBLIC_BLUEPRINTS = frozenset({"archive", "api"})


def _this_request() -> dict:
    # Not flask.g: g belongs to the app context, which tests (and commands) keep across requests.
    return request.environ.setdefault("foi.caching", {})


def public_state() -> PublicState:
    """Return the public content's state, read once per request."""
    mine = _this_request()
    if "state" not in mine:
        mine["state"] = public_content_state()
    return mine["state"]


def _is_public(response: Response) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and request.blueprint in PUBLIC_BLUEPRINTS
        and "Set-Cookie" not in response.headers
        and not session.modified
        and not current_user.is_authenticated
    )


def _page_key() -> str | None:
    """Return the cache key of this request's page, or None when it must not be kept."""
    if (
        current_app.config["PAGE_CACHE_SECONDS"] <= 0
        or request.method not in ("GET", "HEAD")
        or request.blueprint not in PUBLIC_BLUEPRINTS
        or current_user.is_authenticated
        or "_flashes" in session  # the page would show a message meant for this visitor once
    ):
        return None
    path = hashlib.sha256(request.full_path.encode()).hexdigest()[:32]
    return f"page:{public_state().version}:{current_locale()}:{path}"


def serve_kept_page() -> Response | None:
    """Answer from the application cache when this public page is kept there."""
    key = _page_key()
    if key is None:
        return None
    _this_request()["key"] = key
    kept = cache_get(key)
    if kept is None:
        return None
    body, content_type, etag = kept
    response = Response(body, content_type=content_type)
    response.set_etag(etag)
    _this_request()["kept"] = True
    return response


def _keep_page(response: Response) -> None:
    mine = _this_request()
    key = mine.get("key")
    if key is None or mine.get("kept") or request.method != "GET" or response.direct_passthrough:
        return
    cache_set(
        key,
        (response.get_data(), response.content_type, response.get_etag()[0]),
        current_app.config["PAGE_CACHE_SECONDS"],
    )


def cache_policy(response: Response) -> Response:
    """Mark a response cacheable or private, and answer a matching conditional GET with 304."""
    if "Cache-Control" in response.headers:  # the view decided (e.g. file downloads)
        return response
    if not _is_public(response):
        response.headers["Cache-Control"] = "private, no-store"
        return response
    response.cache_control.public = True
    response.cache_control.max_age = current_app.config["PUBLIC_MAX_AGE"]
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    if response.is_streamed:  # a streamed export has no body to hash
        return response
    stamp = public_state().changed_at
    if stamp is not None:
        response.last_modified = stamp
    if not response.get_etag()[0]:
        response.add_etag()
    _keep_page(response)
    return response.make_conditional(request)


def init_app(app: Flask) -> None:
    """Set up the application cache and apply the caching policy to every response.

    Called last in ``create_app``: its ``before_request`` runs after every other one (the rate
    limiter's included), so a kept page is still counted against the visitor's limit.
    """
    redis_url = app.config.get("REDIS_URL") or ""
    if redis_url:
        settings = {
            "CACHE_TYPE": "RedisCache",
            "CACHE_REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": "foi:cache:",
        }
    else:  # make run: no server; each process keeps its own, versioned by the database
        settings = {"CACHE_TYPE": "SimpleCache", "CACHE_THRESHOLD": 2000}
    cache.init_app(app, config={**settings, "CACHE_DEFAULT_TIMEOUT": 300})
    app.before_request(serve_kept_page)
    app.after_request(cache_policy)
