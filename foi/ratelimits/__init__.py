"""Rate limits on everything that writes or sends mail, counted where every worker sees them.

Flask-Limiter (over the `limits` package) holds the counters: in Redis when ``FOI_REDIS_URL`` is
set, otherwise in the database (``foi.ratelimits.sql_storage``), so two gunicorn workers, or two
hosts, count into one limit. Each limit has a name, ``<action>.<subject>``, where the subject is
what is counted: ``account`` (a signed-in person), ``address`` (the client's IP address, after
``ProxyFix`` when ``FOI_PROXY_HOPS`` is set) or ``recipient`` (an e-mail address mail goes to).
Views and services call :func:`take`; the API is limited as a blueprint through Flask-Limiter.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from flask import Flask, current_app
from flask_limiter import Limiter
from limits import parse_many

# Defaults; FOI_RATE_LIMITS="filing.account=20/hour; api.address=120/minute" changes some.
DEFAULT_LIMITS = {
    "login.address": "60/hour",
    "register.address": "5/hour",
    "reset.address": "5/hour",
    "email_change.account": "5/hour",
    "email_change.address": "10/hour",
    "filing.account": "10/hour",
    "filing.address": "30/hour",
    # Past the filing limits a request waits in the moderation queue; past this, it is refused.
    "filing_review.account": "20/day",
    "clarify.account": "20/hour",
    "clarify.address": "60/hour",
    "complaint.account": "5/hour",
    "complaint.address": "20/hour",
    "upload.account": "30/hour",
    "upload.address": "60/hour",
    "api.address": "60/minute",
    # Reset and confirmation e-mails to one address; beyond it the page answers as usual but
    # sends nothing, so that nobody can fill a stranger's mailbox (or learn it has an account).
    "mail.recipient": "3/hour",
}
SUBJECTS = ("account", "address", "recipient")
KEY_PREFIX = "foi"


def limits_config(value: str | dict | None) -> dict[str, str]:
    """Return the defaults updated with ``value`` (a dict, or ``name=limit; name=limit``)."""
    given = dict(value or {}) if not isinstance(value, str) else {}
    if isinstance(value, str):
        for item in value.split(";"):
            if item.strip():
                name, _eq, limit = item.partition("=")
                given[name.strip()] = limit.strip()
    unknown = sorted(set(given) - set(DEFAULT_LIMITS))
    if unknown:
        raise ValueError(
            f"FOI_RATE_LIMITS: unknown limit {', '.join(unknown)}; known: "
            + ", ".join(DEFAULT_LIMITS)
        )
    for name, limit in given.items():
        try:
            parse_many(limit)
        except ValueError:
            raise ValueError(
                f"FOI_RATE_LIMITS: {name}={limit!r} is not a limit like 10/hour"
            ) from None
    return {**DEFAULT_LIMITS, **given}


def init_app(app: Flask) -> None:
    """Build this app's limiter on the configured storage and limit the API blueprint."""
    # Here, not at the top: foi.ratelimits.web imports Refusal and take from this package.
    from foi.extensions import db
    from foi.ratelimits import sql_storage  # noqa: F401 (registers foi+sql://)
    from foi.ratelimits.web import client_address, install_proxy_fix

    app.config["RATE_LIMITS"] = limits_config(app.config.get("RATE_LIMITS"))
    redis_url = app.config.get("REDIS_URL") or ""
    app.config["RATELIMIT_ENABLED"] = True  # switched per request by RATE_LIMITS_ENABLED
    limiter = Limiter(
        key_func=client_address,
        storage_uri=redis_url or "foi+sql://",
        storage_options={} if redis_url else {"engine": lambda: db.engine},
        strategy="fixed-window",
        headers_enabled=True,
        key_prefix=KEY_PREFIX,
    )
    limiter.init_app(app)
    # The API answers anyone without an account: counted per client address.
    limiter.limit(
        lambda: app.config["RATE_LIMITS"]["api.address"],
        exempt_when=lambda: not app.config["RATE_LIMITS_ENABLED"],
        scope="api.address",
    )(app.blueprints["api"])
    app.extensions["foi_limiter"] = limiter
    install_proxy_fix(app)


@dataclass(frozen=True)
class Refusal:
    """A limit that was reached: which one, and when its window ends."""

    name: str
    reset_at: float  # seconds since the epoch

    @property
    def retry_after(self) -> int:
        """Return the whole seconds to wait (at least one), for the Retry-After header."""
        return max(1, math.ceil(self.reset_at - time.time()))

    @property
    def until(self) -> datetime:
        return datetime.fromtimestamp(self.reset_at, UTC)


def _identifier(subject: str, value: str) -> str:
    # E-mail addresses are counted by a digest: the counters need not hold the addresses.
    if subject == "recipient":
        return hashlib.sha256(value.strip().lower().encode()).hexdigest()
    return str(value)


def take(action: str, **subjects: str | int | None) -> Refusal | None:
    """Count one ``action`` for each subject given; return the refusal if a limit is reached.

    ``take("filing", account=user.id, address="203.0.113.5")`` counts against
    ``filing.account`` and ``filing.address`` (those configured). Nothing is counted while
    ``RATE_LIMITS_ENABLED`` is off.
    """
    app = current_app
    if not app.config.get("RATE_LIMITS_ENABLED"):
        return None
    strategy = app.extensions["foi_limiter"].limiter
    for subject, value in subjects.items():
        if subject not in SUBJECTS:
            raise ValueError(f"unknown rate-limit subject {subject!r}")
        name = f"{action}.{subject}"
        configured = app.config["RATE_LIMITS"].get(name)
        if value is None or value == "" or not configured:
            continue
        ident = _identifier(subject, str(value))
        for item in parse_many(configured):
            if not strategy.hit(item, KEY_PREFIX, name, ident):
                stats = strategy.get_window_stats(item, KEY_PREFIX, name, ident)
                return Refusal(name, stats.reset_time)
    return None


def mail_allowed(recipient: str) -> bool:
    """Count one reset or confirmation e-mail to ``recipient``; False once it has had enough."""
    return take("mail", recipient=recipient) is None
