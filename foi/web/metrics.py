"""Prometheus metrics: requests by endpoint, and the site's backlogs read at scrape time.

Under gunicorn set ``PROMETHEUS_MULTIPROC_DIR`` (an empty folder, wiped at each start): every
worker then writes its counters there and a scrape of any worker adds them all up
(prometheus-client's multi-process mode; ``deploy/gunicorn.conf.py`` marks dead workers).
Without it, as on ``flask run``, the process's own registry is served.
"""

from __future__ import annotations

import functools
import ipaddress
import os
import time

from flask import Flask, Response, g, request

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


@functools.cache
def _request_metrics():
    """Create the request metrics once per process (at first use, not at import)."""
    # prometheus_client picks its multi-process storage when imported: after gunicorn set
    # PROMETHEUS_MULTIPROC_DIR, so only at first use (here and below).
    from prometheus_client import Counter, Histogram

    return (
        Counter(
            "foi_http_requests",
            "HTTP requests answered, by endpoint, method and status.",
            ["endpoint", "method", "status"],
        ),
        Histogram(
            "foi_http_request_duration_seconds",
            "Time to answer an HTTP request, by endpoint.",
            ["endpoint"],
            buckets=LATENCY_BUCKETS,
        ),
    )


def init_app(app: Flask) -> None:
    """Count and time every request by its endpoint (404s as one ``unmatched`` endpoint)."""

    @app.before_request
    def _start_timer():
        g.metrics_started = time.perf_counter()

    @app.after_request
    def _observe(response):
        # Counted even when an earlier hook answered first (a rate limit's 429): then untimed.
        endpoint = request.url_rule.endpoint if request.url_rule else "unmatched"
        count, latency = _request_metrics()
        count.labels(endpoint, request.method, str(response.status_code)).inc()
        started = g.pop("metrics_started", None)
        if started is not None:
            latency.labels(endpoint).observe(time.perf_counter() - started)
        return response


def allowed(remote_addr: str | None, allow: str) -> bool:
    """Tell whether ``remote_addr`` is in the comma-separated addresses or networks ``allow``."""
    try:
        address = ipaddress.ip_address((remote_addr or "").split("%")[0])
    except ValueError:
        return False
    for item in allow.split(","):
        item = item.strip()
        if not item:
            continue
        try:
            if address in ipaddress.ip_network(item, strict=False):
                return True
        except ValueError:
            continue
    return False


def exposition(figures) -> Response:
    """Render the request metrics (every worker's, in multi-process mode) and ``figures``."""
    # At first use, like the metrics above.
    from prometheus_client import (
        CONTENT_TYPE_LATEST,
        REGISTRY,
        CollectorRegistry,
        generate_latest,
    )

    _request_metrics()  # the families exist (at zero) before the first request is counted
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # At first use, like the metrics above.
        from prometheus_client import multiprocess

        base = CollectorRegistry()
        multiprocess.MultiProcessCollector(base)
    else:
        base = REGISTRY
    site = CollectorRegistry()
    site.register(_FiguresCollector(figures))
    return Response(generate_latest(base) + generate_latest(site), mimetype=CONTENT_TYPE_LATEST)


class _FiguresCollector:
    """Expose one reading of :class:`foi.services.operations.Figures` as gauges."""

    def __init__(self, figures):
        self.figures = figures

    def collect(self):
        # At first use, like the metrics above.
        from prometheus_client.core import GaugeMetricFamily

        f = self.figures
        yield GaugeMetricFamily(
            "foi_outbox_pending", "E-mails waiting in the outbox.", value=f.outbox_pending
        )
        yield GaugeMetricFamily(
            "foi_outbox_oldest_pending_age_seconds",
            "Age of the oldest e-mail still waiting (0 when none waits).",
            value=f.outbox_oldest_pending_age,
        )
        yield GaugeMetricFamily(
            "foi_requests_open", "Requests waiting for the agency.", value=f.requests_open
        )
        yield GaugeMetricFamily(
            "foi_requests_overdue",
            "Open requests past their due date.",
            value=f.requests_overdue,
        )
        yield GaugeMetricFamily(
            "foi_scheduler_last_sweep_timestamp_seconds",
            "When the scheduler last finished all its sweeps (Unix time; 0: never).",
            value=f.scheduler_last_sweep.timestamp() if f.scheduler_last_sweep else 0,
        )
        yield GaugeMetricFamily(
            "foi_scheduler_lease_expiry_timestamp_seconds",
            "Until when the active scheduler holds its lease (Unix time; 0: none ever).",
            value=f.scheduler_lease_expires.timestamp() if f.scheduler_lease_expires else 0,
        )
        backlog = GaugeMetricFamily(
            "foi_queue_backlog", "Work waiting in each queue.", labels=["queue"]
        )
        for name, value in sorted(f.queues.items()):
            backlog.add_metric([name], value)
        yield backlog
