"""Archive search speed at 100,000 and 1,000,000 published requests, SQLite and PostgreSQL.

For each database and size: build a fresh migrated database, insert the synthetic requests
(requests, answers and released files' text by bulk insert), build the search index as
``flask foi reindex`` does, reading them back (timed as the full re-index rate), then time 200
mixed queries through the search page and the JSON API with Flask's test client, next to a bare
"hello" route in the same run; finally time how long a newly published request takes to become
searchable.

Environment: ``FOI_BENCH_SIZES`` (default ``100000,1000000``), ``FOI_BENCH_DATABASES``
(default ``sqlite,postgresql``), ``FOI_BENCH_PG`` (server URL, default the local one),
``FOI_BENCH_DIR`` (SQLite files and results, default /tmp/foi-bench), ``FOI_BENCH_KEEP=1`` to
keep the databases for another look, ``FOI_BENCH_EXISTING=<database URL>`` to measure a kept
archive again without building it (``FOI_BENCH_SIZES`` then only labels it;
``FOI_BENCH_ROUNDS`` repeats the 200 queries). Results are printed and appended to
``$FOI_BENCH_DIR/search-results.jsonl``.
"""

import json
import os
import platform
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from benchmarks._synthetic import Archive

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SURFACES = ("hello", "page", "api")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summary(values: list[float]) -> dict[str, float]:
    """Return p50, p95 and max of latencies given in seconds, in milliseconds."""
    return {
        "p50": round(statistics.median(values) * 1000, 1),
        "p95": round(_percentile(values, 0.95) * 1000, 1),
        "max": round(max(values) * 1000, 1),
    }


def fresh_database(kind: str, label: str, workdir: Path) -> tuple[str, callable]:
    """Return the URL of a new empty database and a function that drops it."""
    if kind == "sqlite":
        path = workdir / f"{label}.sqlite3"
        for p in workdir.glob(f"{label}.sqlite3*"):
            p.unlink()
        return f"sqlite:///{path}", lambda: [p.unlink() for p in workdir.glob(f"{label}.*")]
    server = os.environ.get("FOI_BENCH_PG", PG)
    name = f"foi_bench_{label}_{uuid.uuid4().hex[:6]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))

    def drop():
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return make_url(server).set(database=name).render_as_string(hide_password=False), drop


def make_app(url: str):
    """Create the app on ``url`` with its migrations applied and a bare hello route."""
    from flask_migrate import upgrade

    from foi import create_app

    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url, SERVER_NAME="bench.local")
    app.add_url_rule("/bench-hello", "bench_hello", lambda: "hello")
    with app.app_context():
        upgrade()
    return app


def populate(app, archive: Archive, n: int) -> dict[str, float]:
    """Insert ``n`` published requests and index them; return the timings."""
    from foi.extensions import db
    from foi.models import Agency, User
    from foi.services import counters
    from foi.services.search_index import archive_reindex

    with app.app_context():
        engine = db.engine
        with engine.begin() as conn:
            conn.execute(
                sa.insert(Agency.__table__),
                [
                    {
                        "id": i,
                        "slug": f"agency-{i}",
                        "name_az": f"Agentlik {i}",
                        "name_en": f"Agency {i}",
                        "name_ru": "",
                        "kind": "agency",
                        "topics": "",
                        "keywords": "",
                        "description_az": "",
                        "description_en": "",
                        "website": "",
                        "email": "",
                        "law_code": "az",
                        "publish_mode": "approval",
                        "active": True,
                        "created_at": datetime(2019, 1, 1, tzinfo=UTC),
                    }
                    for i in range(1, archive.agencies + 1)
                ],
            )
            conn.execute(
                sa.insert(User.__table__),
                [
                    {
                        "id": 1,
                        "email": "bench@example.org",
                        "display_name": "Bench",
                        "role": "citizen",
                        "password_hash": "x",
                        "locale": "az",
                    }
                ],
            )
        started = time.perf_counter()
        rows = 0
        with engine.begin() as conn:
            for batch in _batches(archive.documents(n), 5000):
                for table, values in _rows(batch).items():
                    if values:
                        conn.execute(sa.insert(table), values)
                rows += len(batch)
        rows_s = time.perf_counter() - started
        counters.recount()  # the rows came past the counting the services do
        db.session.commit()
        # The index is built by what `flask foi reindex` runs: the published requests, answers
        # and released files' text read back from those tables, by worker processes for a
        # large archive (FOI_REINDEX_WORKERS).
        started = time.perf_counter()
        done = archive_reindex(progress=_Progress(n), workers=app.config["REINDEX_WORKERS"])
        reindex_s = time.perf_counter() - started
        started = time.perf_counter()
        _maintain(engine)
        maintain_s = time.perf_counter() - started
    return {
        "requests_insert_s": round(rows_s, 1),
        "reindex_s": round(reindex_s, 1),
        "reindex_per_s": round(done / reindex_s),
        "maintenance_s": round(maintain_s, 1),
    }


def _batches(items, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _rows(docs) -> dict:
    """Return the rows of published requests, their answers and released files, by table."""
    from foi.models import Document, InfoRequest, Response
    from foi.models.document import FROM_AGENCY

    requests, responses, files = [], [], []
    for doc in docs:
        requests.append(
            {
                "id": doc.request_id,
                "reference": doc.reference,
                "requester_id": 1,
                "agency_id": doc.agency_id,
                "subject": doc.title[:300],
                "body": doc.body,
                "lang": "az",
                "status": "published",
                "outcome": doc.outcome,
                "received_at": doc.published_at,
                "answered_at": doc.published_at,
                "published_at": doc.published_at,
                "created_at": doc.published_at,
                "updated_at": doc.published_at,
                "deadline_version": 1,
                "publish_name": False,
            }
        )
        responses.append(
            {
                "request_id": doc.request_id,
                "outcome": doc.outcome,
                "body": doc.answer,
                "grounds_json": "[]",
                "officer_id": 1,
                "answered_at": doc.published_at,
            }
        )
        if doc.attachments_text:
            files.append(
                {
                    "request_id": doc.request_id,
                    "source": FROM_AGENCY,
                    "sha256": "0" * 64,
                    "filename": "attachment.pdf",
                    "mime": "application/pdf",
                    "size": 1,
                    "public": True,
                    "held_reason": "",
                    "text": doc.attachments_text,
                    "created_at": doc.published_at,
                }
            )
    return {
        InfoRequest.__table__: requests,
        Response.__table__: responses,
        Document.__table__: files,
    }


class _Progress:
    """Print every tenth of the way through ``n`` documents indexed."""

    def __init__(self, n: int):
        self.n, self.done, self.step = n, 0, max(1, n // 10)

    def __call__(self, count: int) -> None:
        before, self.done = self.done, self.done + count
        if before // self.step != self.done // self.step:
            print(f"    indexed {self.done:,} / {self.n:,}", flush=True)


def _maintain(engine) -> None:
    """Run what `flask foi reindex` runs after the load (planner statistics), then what a
    deployment's routine maintenance adds on PostgreSQL (VACUUM)."""
    from foi.search import get_backend

    with engine.begin() as conn:
        get_backend(conn).optimize(conn)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")


def measure(app, archive: Archive, rounds: int = 1) -> dict:
    """Time the mixed queries on each surface; return latency summaries by surface and kind."""
    from urllib.parse import urlencode

    client = app.test_client()
    queries = archive.queries(200)
    for _kind, args in queries[:10]:  # warm caches and connection pools
        client.get("/archive?" + urlencode(args))
    times: dict[str, list[float]] = {s: [] for s in SURFACES}
    by_kind: dict[str, list[float]] = {}
    slowest: list[tuple[float, str]] = []
    for _ in range(rounds):
        for kind, args in queries:
            qs = urlencode(args)
            for surface, url in (
                ("hello", "/bench-hello"),
                ("page", f"/archive?{qs}"),
                ("api", f"/api/v1/requests?{qs}"),
            ):
                started = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - started
                assert response.status_code == 200, (url, response.status_code)
                times[surface].append(elapsed)
                if surface == "page":
                    by_kind.setdefault(kind, []).append(elapsed)
                    slowest.append((elapsed, qs))
    slowest.sort(reverse=True)
    return {
        "surfaces": {s: summary(v) for s, v in times.items()},
        "page_by_kind": {k: summary(v) for k, v in by_kind.items()},
        "slowest_page_queries": [(round(t * 1000, 1), q) for t, q in slowest[:5]],
    }


def freshness(app, archive: Archive, n: int) -> float:
    """Return seconds from indexing a new published request to finding it through the API."""
    from foi.extensions import db
    from foi.search import get_backend

    doc = next(Archive(seed=1234).documents(1, first_id=n + 1))
    doc = doc.__class__(
        **{**doc.__dict__, "title": "Zyxwvutsrq təzə sorğu", "published_at": datetime.now(UTC)}
    )
    client = app.test_client()
    with app.app_context():
        started = time.perf_counter()
        with db.engine.begin() as conn:
            get_backend(conn).index(conn, doc)
        while client.get("/api/v1/requests?q=zyxwvutsrq").get_json()["total"] < 1:
            if time.perf_counter() - started > 30:
                return float("inf")
        return time.perf_counter() - started


def run_existing(url: str, n: int) -> dict:
    """Measure an archive kept by an earlier run (``FOI_BENCH_KEEP=1``) without rebuilding it."""
    from foi import create_app

    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url, SERVER_NAME="bench.local")
    app.add_url_rule("/bench-hello", "bench_hello", lambda: "hello")
    kind = make_url(url).get_backend_name()
    result = {
        "database": kind,
        "requests": n,
        "existing": True,
        **measure(app, Archive(), int(os.environ.get("FOI_BENCH_ROUNDS", "1"))),
    }
    with app.app_context():
        from foi.extensions import db

        db.engine.dispose()
    return result


def run_one(kind: str, n: int, workdir: Path) -> dict:
    """Build one archive of ``n`` requests on ``kind`` and measure it."""
    url, drop = fresh_database(kind, f"{kind}_{n}", workdir)
    print(f"  {kind} {n:,}: building", flush=True)
    try:
        app = make_app(url)
        archive = Archive()
        build = populate(app, archive, n)
        print(f"  {kind} {n:,}: built {build}", flush=True)
        result = {
            "database": kind,
            "requests": n,
            **build,
            **measure(app, archive),
            "fresh_searchable_s": round(freshness(app, archive, n), 3),
        }
        with app.app_context():
            from foi.extensions import db

            db.engine.dispose()
        return result
    finally:
        if os.environ.get("FOI_BENCH_KEEP") != "1":
            drop()


def machine() -> dict:
    """Describe the machine the figures come from."""
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in open("/proc/cpuinfo")
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        kb = int(
            next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal"))
        )
        mem = f"{kb / 2**20:.0f} GiB"
    except (OSError, StopIteration):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "python": platform.python_version(),
        "sqlite": __import__("sqlite3").sqlite_version,
    }


def code_version() -> str:
    """Return the commit measured, marked when foi/search has uncommitted changes."""
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], capture_output=True, text=True, cwd=Path(__file__).parent
        ).stdout.strip()

    dirty = git("status", "--porcelain", "--", "foi/search")
    return git("rev-parse", "--short", "HEAD") + ("+dirty foi/search" if dirty else "")


def main() -> None:
    """Run the search benchmark for each configured database and size."""
    sizes = [int(s) for s in os.environ.get("FOI_BENCH_SIZES", "100000,1000000").split(",")]
    kinds = os.environ.get("FOI_BENCH_DATABASES", "sqlite,postgresql").split(",")
    workdir = Path(os.environ.get("FOI_BENCH_DIR", "/tmp/foi-bench"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}", flush=True)
    code = code_version()  # what is imported now is what runs, whatever is committed later
    existing = os.environ.get("FOI_BENCH_EXISTING")
    runs = [(kind, n) for n in sizes for kind in kinds]
    for kind, n in runs[:1] if existing else runs:
        result = run_existing(existing, n) if existing else run_one(kind, n, workdir)
        result["machine"] = machine()
        result["code"] = code
        result["load_average"] = os.getloadavg()
        result["at"] = datetime.now(UTC).isoformat(timespec="seconds")
        with open(workdir / "search-results.jsonl", "a", encoding="utf-8") as out:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        print(json.dumps(result, ensure_ascii=False, indent=1), flush=True)


if __name__ == "__main__":
    sys.exit(main())
