"""Public pages over HTTP at 100,000 and 1,000,000 published requests: gunicorn and wrk.

For each database and size: build the synthetic archive as ``benchmarks/search.py`` does (its
``populate``), serve it with gunicorn (``deploy/gunicorn.conf.py``, 2 sync workers, production
configuration, rate limits off so that wrk measures pages, not 429s), and measure each public
page with wrk next to a bare hello route served by the same gunicorn in the same run. Each page
is measured twice: as visitors get it (kept pages served from the application cache, which only
a publication empties) and rendered on every hit (``FOI_PAGE_CACHE_SECONDS=0``), which is what
a page costs right after a publication, or for a URL nobody asked for yet.

Environment: ``FOI_BENCH_SIZES`` (default ``100000,1000000``), ``FOI_BENCH_DATABASES`` (default
``sqlite,postgresql``), ``FOI_BENCH_PG`` (server URL), ``FOI_BENCH_DIR`` (default
/tmp/foi-bench), ``FOI_BENCH_SECONDS`` (wrk's duration per page, default 10),
``FOI_BENCH_CONNECTIONS`` (default 8), ``FOI_BENCH_KEEP=1`` to keep the archives built
(``http-<database>-<size>``) and measure them again on the next run without building.
Results are printed as a table and appended to ``$FOI_BENCH_DIR/http-results.jsonl``.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from benchmarks._synthetic import Archive
from benchmarks.search import PG, code_version, machine, make_app, populate

ROOT = Path(__file__).resolve().parents[1]
MODES = ("kept", "rendered")


def pages(reference: str) -> list[tuple[str, str]]:
    """Return the pages measured, by label, the hello route first."""
    return [
        ("hello", "/bench-hello"),
        ("home", "/"),
        ("archive", "/archive"),
        ("search", "/archive?q=informasiya"),
        ("agencies", "/agencies"),
        ("agency", "/agencies/agency-7"),
        ("request", f"/r/{reference}"),
        ("api list", "/api/v1/requests"),
        ("atom feed", "/archive/feed.atom"),
    ]


def archive_url(kind: str, n: int, workdir: Path) -> tuple[str, bool]:
    """Return the URL of the kept archive of ``kind`` and ``n``, and whether it is built."""
    label = f"http-{kind}-{n}"
    if kind == "sqlite":
        path = workdir / f"{label}.sqlite3"
        return f"sqlite:///{path}", path.exists() and (workdir / f"{label}.built").exists()
    server = os.environ.get("FOI_BENCH_PG", PG)
    name = label.replace("-", "_")
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        built = bool(exists) and (workdir / f"{label}.built").exists()
        if not built:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(sa.text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    admin.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False), built


def drop_archive(kind: str, n: int, url: str, workdir: Path) -> None:
    label = f"http-{kind}-{n}"
    (workdir / f"{label}.built").unlink(missing_ok=True)
    if kind == "sqlite":
        for p in workdir.glob(f"{label}.sqlite3*"):
            p.unlink()
        return
    admin = sa.create_engine(os.environ.get("FOI_BENCH_PG", PG), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def build(kind: str, n: int, workdir: Path) -> tuple[str, dict]:
    """Build (or find, when kept) the archive; return its URL and the build timings."""
    url, built = archive_url(kind, n, workdir)
    app = make_app(url)  # migrates a kept archive too, so that it matches the code measured
    timings: dict = {"built": "kept"}
    if not built:
        print(f"  {kind} {n:,}: building", flush=True)
        timings = populate(app, Archive(), n)
        (workdir / f"http-{kind}-{n}.built").touch()
    with app.app_context():
        from foi.extensions import db
        from foi.services import counters
        from foi.services.agency_stats import agency_figures_refresh

        counters.recount()  # populate inserts rows in bulk, past the counting the services do
        db.session.commit()
        # What the scheduler's statistics sweep keeps for the agencies' pages.
        agency_figures_refresh(max_age=timedelta(0))
        db.engine.dispose()
    return url, timings


def reference_of(url: str) -> str:
    """Return the reference of a request in the middle of the archive."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        n = conn.scalar(sa.text("SELECT count(*) FROM info_request"))
        ref = conn.scalar(
            sa.text("SELECT reference FROM info_request ORDER BY id LIMIT 1 OFFSET :o"),
            {"o": n // 2},
        )
    engine.dispose()
    return ref


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with deploy/gunicorn.conf.py serving benchmarks._http_app on a free port."""

    def __init__(self, url: str, workdir: Path, **env: str):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                str(ROOT / "deploy" / "gunicorn.conf.py"),
                "benchmarks._http_app:app",
            ],
            cwd=ROOT,
            env={
                **os.environ,
                "FOI_ENV": "production",
                "FOI_SECRET_KEY": "benchmark-only-secret-key",
                "FOI_DATABASE_URL": url,
                "FOI_INSTANCE_DIR": str(workdir / "instance"),
                "FOI_BIND": f"127.0.0.1:{self.port}",
                "FOI_WORKERS": "2",
                "FOI_RATELIMIT_ENABLED": "0",
                "PROMETHEUS_MULTIPROC_DIR": str(workdir / "prometheus"),
                **env,
            },
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=2)
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, seconds: int, connections: int) -> dict:
    """Run wrk against ``url``; return requests a second, p99 in ms and the errors."""
    urllib.request.urlopen(url, timeout=60).read()  # warm: the first hit renders and keeps
    done = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", done).group(1))
    value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", done, re.M).groups()
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", done)
    return {
        "req_s": round(rate),
        "p99_ms": round(float(value) * _UNITS[unit], 1),
        "errors": int(errors.group(1)) if errors else 0,
    }


def measure(url: str, workdir: Path) -> dict:
    seconds = int(os.environ.get("FOI_BENCH_SECONDS", "10"))
    connections = int(os.environ.get("FOI_BENCH_CONNECTIONS", "8"))
    measured: dict = {}
    for mode in MODES:
        server = Server(url, workdir, FOI_PAGE_CACHE_SECONDS="60" if mode == "kept" else "0")
        try:
            for label, path in pages(reference_of(url)):
                result = wrk(server.base + path, seconds, connections)
                measured.setdefault(label, {})[mode] = result
                print(f"    {mode:8} {label:10} {result}", flush=True)
        finally:
            server.stop()
    for mode in MODES:
        hello = measured["hello"][mode]["req_s"]
        for label in measured:
            measured[label][mode]["share"] = round(100 * measured[label][mode]["req_s"] / hello, 1)
    return measured


def table(result: dict) -> str:
    """Return the result as a Markdown table."""
    lines = [
        "| page | kept: req/s | share of hello | p99 ms | rendered: req/s | share | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, modes in result["pages"].items():
        k, r = modes["kept"], modes["rendered"]
        lines.append(
            f"| {label} | {k['req_s']:,} | {k['share']} % | {k['p99_ms']} "
            f"| {r['req_s']:,} | {r['share']} % | {r['p99_ms']} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Build and measure each configured database and size."""
    if not shutil.which("wrk"):
        print("wrk is not installed: `make bench` installs Debian's wrk (apt-get)")
        return
    sizes = [int(s) for s in os.environ.get("FOI_BENCH_SIZES", "100000,1000000").split(",")]
    kinds = os.environ.get("FOI_BENCH_DATABASES", "sqlite,postgresql").split(",")
    workdir = Path(os.environ.get("FOI_BENCH_DIR", "/tmp/foi-bench"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}", flush=True)
    code = code_version()
    for n in sizes:
        for kind in kinds:
            url, timings = build(kind, n, workdir)
            try:
                result = {
                    "database": kind,
                    "requests": n,
                    "build": timings,
                    "pages": measure(url, workdir),
                    "machine": machine(),
                    "code": code,
                    "load_average": os.getloadavg(),
                    "at": datetime.now(UTC).isoformat(timespec="seconds"),
                }
            finally:
                if os.environ.get("FOI_BENCH_KEEP") != "1":
                    drop_archive(kind, n, url, workdir)
            with open(workdir / "http-results.jsonl", "a", encoding="utf-8") as out:
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
            print(f"\n{kind} {n:,} requests, load {result['load_average']}\n{table(result)}\n")


if __name__ == "__main__":
    sys.exit(main())
