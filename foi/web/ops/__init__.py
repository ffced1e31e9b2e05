"""Endpoints for operators and load balancers: /metrics and /readyz (/healthz is the site's)."""

from datetime import timedelta

from flask import Blueprint, abort, current_app, request

from foi.models.base import utcnow
from foi.services.operations import operations_figures, operations_readiness
from foi.web.metrics import allowed, exposition

bp = Blueprint("ops", __name__)


def _now():
    """Return the current time; tests inject a clock through the ``CLOCK`` setting."""
    return (current_app.config.get("CLOCK") or utcnow)()


@bp.get("/metrics")
def metrics():
    """Serve the Prometheus metrics to the addresses in FOI_METRICS_ALLOW; 404 to anyone else."""
    if not allowed(request.remote_addr, current_app.config["METRICS_ALLOW"]):
        abort(404)
    return exposition(operations_figures(now=_now()))


@bp.get("/readyz")
def ready():
    """Answer 200 when the database, Redis (if configured) and the scheduler are alive, else 503."""
    config = current_app.config
    result = operations_readiness(
        now=_now(),
        lease=timedelta(seconds=config["SCHEDULER_LEASE_SECONDS"]),
        redis_url=config.get("REDIS_URL"),
    )
    body = {"status": "ready" if result.ready else "not ready", "checked": result.checked}
    if not result.ready:
        body["failed"] = result.failed
    return body, 200 if result.ready else 503
