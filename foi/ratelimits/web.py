"""Rate limits in the web pages: who the client is, and the answer when a limit is reached."""

from __future__ import annotations

import math

from flask import Flask, current_app, render_template, request
from flask_babel import format_time, lazy_ngettext, ngettext
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

from foi.api.problems import problem
from foi.ratelimits import Refusal, take


def client_address() -> str:
    """Return the client's IP address (the proxy's own unless ProxyFix is configured)."""
    return request.remote_addr or ""


def install_proxy_fix(app: Flask) -> None:
    """Trust ``FOI_PROXY_HOPS`` proxies' X-Forwarded-For/-Proto (0: trust none).

    Trusting more hops than there are proxies lets a client pick its own address, and so
    escape every per-address limit: set it to the number of proxies in front of gunicorn.
    """
    hops = int(app.config.get("PROXY_HOPS") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


def too_many(action: str, **subjects) -> Refusal | None:
    """Count one ``action`` by the signed-in account (if any) and the client's address."""
    account = current_user.id if current_user.is_authenticated else None
    return take(action, account=account, address=client_address(), **subjects)


def refusal_message(refusal: Refusal) -> str:
    """Say in the reader's language when to try again."""
    minutes = max(1, math.ceil(refusal.retry_after / 60))
    return str(
        lazy_ngettext(
            "You have done this too many times in a short while. Try again in %(num)d minute "
            "(at %(time)s). What you wrote is kept below.",
            "You have done this too many times in a short while. Try again in %(num)d minutes "
            "(at %(time)s). What you wrote is kept below.",
            minutes,
            time=format_time(refusal.until, "short"),
        )
    )


def reshow(refusal: Refusal, form, page, **context):
    """Render the form's page again with what was typed, the refusal on top, and a 429.

    ``page`` is a template name (rendered with ``form`` and ``context``) or a function that
    renders the page (for pages that hold several forms).
    """
    form.form_errors.append(refusal_message(refusal))
    body = page() if callable(page) else render_template(page, form=form, **context)
    return too_many_response(body, refusal)


def too_many_response(body, refusal: Refusal, status: int = 429):
    """Return ``body`` (a page or a rendered tuple) as a 429 with Retry-After."""
    if isinstance(body, tuple):
        body = body[0]
    return body, status, {"Retry-After": str(refusal.retry_after)}


def _current_refusal() -> Refusal | None:
    limiter = current_app.extensions.get("foi_limiter")
    current = limiter.current_limit if limiter is not None else None
    return Refusal(str(current.limit), current.window.reset_time) if current is not None else None


def too_many_requests(exc):
    """Answer a 429 raised by Flask-Limiter: a problem for the API, the 429 page elsewhere."""
    refusal = _current_refusal()
    if request.path.startswith("/api/"):
        seconds = refusal.retry_after if refusal else 60
        response = problem(
            429,
            ngettext(
                "Too many requests from your address. Try again in %(num)d second.",
                "Too many requests from your address. Try again in %(num)d seconds.",
                seconds,
            ),
            retry_after=seconds,
        )
        response.headers["Retry-After"] = str(seconds)
        return response
    if refusal is None:
        return render_template("errors/429.html", minutes=None, at=None), 429
    page = render_template(
        "errors/429.html",
        minutes=max(1, math.ceil(refusal.retry_after / 60)),
        at=format_time(refusal.until, "short"),
    )
    return page, 429, {"Retry-After": str(refusal.retry_after)}
