"""gunicorn settings for foi: ``gunicorn -c deploy/gunicorn.conf.py wsgi:app``.

Sets up prometheus-client's multi-process mode so that /metrics, answered by any worker, adds
up every worker's counters: ``PROMETHEUS_MULTIPROC_DIR`` (default ``instance/prometheus``) is
emptied at start, and a dead worker's live gauges are dropped.
"""

import os
import shutil
from pathlib import Path

bind = os.environ.get("FOI_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("FOI_WORKERS", "4"))

_metrics_dir = os.environ.setdefault(
    "PROMETHEUS_MULTIPROC_DIR",
    str(Path(__file__).resolve().parents[1] / "instance" / "prometheus"),
)


def on_starting(server):
    """Start with an empty metrics folder: counters of an earlier run must not add up."""
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    Path(_metrics_dir).mkdir(parents=True)


def child_exit(server, worker):
    """Forget a dead worker's live gauges (its counters stay in the totals)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
