"""An agency's statistics (its public page) over 200,000 requests, on SQLite and on PostgreSQL.

Method: migrate a fresh database (so the indexes are the real ones), bulk-load N requests over
40 agencies (executemany on SQLite, COPY on PostgreSQL; not the ORM), received over five years
in random order so that an agency's rows are spread over the whole table, about 88% answered
(a few while the clock was stopped, so without a due date), late or on time, every status and
outcome, timestamps with microseconds; then ANALYZE (and VACUUM on PostgreSQL, as autovacuum
would have done, so that an index can answer without the table). For each agency, time

* ``python``: the former ``agency_statistics``, which loaded every request of the agency into
  Python and counted there (kept below as :func:`statistics_in_python`), and
* ``sql``: :func:`foi.services.archive.agency_statistics` (grouped SQL aggregates),

three rounds over all agencies, warm caches, first without ``ix_info_request_statistics``
(migration 0008), then with it; report the median and the slowest call of each. *Before* is
``python`` without the index, *after* ``sql`` with it. Every agency's figures must be equal
both ways, or the run stops.

Environment: FOI_BENCH_STATS_N (default 200000), FOI_BENCH_DATABASES (sqlite,postgresql),
FOI_BENCH_DIR (/tmp/foi-bench), FOI_BENCH_PG (server URL), FOI_BENCH_KEEP=1 keeps the database.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks._bulk import insert_rows

AGENCIES, CITIZENS, ROUNDS = 40, 200, 3
STATISTICS_INDEX = "ix_info_request_statistics"
COLUMNS = (
    "id",
    "reference",
    "requester_id",
    "agency_id",
    "subject",
    "body",
    "lang",
    "status",
    "outcome",
    "publish_name",
    "received_at",
    "due_at",
    "deadline_version",
    "answered_at",
    "published_at",
    "created_at",
    "updated_at",
)
START = datetime(2021, 1, 1, tzinfo=UTC)
SPAN_S = 5 * 365 * 86400
OUTCOMES = ("given", "partial", "refused", "not_held")


def _stamp(moment: datetime | None, kind: str) -> str | None:
    # SQLAlchemy's SQLite DateTime format (no offset, UTC); PostgreSQL takes the ISO form.
    if moment is None:
        return None
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f") if kind == "sqlite" else moment.isoformat()


def _people(app) -> tuple[list[int], list[int]]:
    """Create the agencies and the citizens through the ORM; return their ids."""
    from foi.extensions import db
    from foi.models import Agency, User

    with app.app_context():
        agencies = [
            Agency(slug=f"a{i}", name_az=f"Agentlik {i}", name_en=f"Agency {i}")
            for i in range(AGENCIES)
        ]
        citizens = [
            User(email=f"c{k}@b.az", display_name=f"Vətəndaş {k}", password_hash="x")
            for k in range(CITIZENS)
        ]
        db.session.add_all(agencies + citizens)
        db.session.commit()
        return [a.id for a in agencies], [c.id for c in citizens]


def _rows(n: int, kind: str, agencies: list[int], citizens: list[int]):
    rng = random.Random(20260302)
    for i in range(1, n + 1):
        received = START + timedelta(
            seconds=rng.randrange(SPAN_S), microseconds=rng.randrange(1_000_000)
        )
        due = received + timedelta(days=15 if rng.random() < 0.8 else 30)
        state = rng.random()
        answered = outcome = published = None
        if state < 0.08:
            status = "awaiting"
        elif state < 0.10:
            status, due = "clarification", None
        elif state < 0.12:
            status = "withdrawn"
        else:
            status = "published" if state < 0.72 else ("answered" if state < 0.82 else "closed")
            answered = received + timedelta(
                seconds=rng.randrange(40 * 86400), microseconds=rng.randrange(1_000_000)
            )
            outcome = rng.choice(OUTCOMES)
            if rng.random() < 0.03:
                due = None  # answered while the clock was stopped
            if status == "published":
                published = answered + timedelta(days=2)
        yield (
            i,
            f"S-{i:07d}",
            citizens[i % len(citizens)],
            agencies[i % len(agencies)],
            f"Sorğu {i}",
            "Məlumat verin.",
            "az",
            status,
            outcome,
            False,
            _stamp(received, kind),
            _stamp(due, kind),
            1,
            _stamp(answered, kind),
            _stamp(published, kind),
            _stamp(received, kind),
            _stamp(received, kind),
        )


def load(app, n: int, kind: str) -> tuple[list[int], float]:
    """Bulk-load ``n`` requests; return the agencies' ids and the seconds it took."""
    from foi.extensions import db

    agencies, citizens = _people(app)
    started = time.perf_counter()
    with app.app_context():
        raw = db.engine.raw_connection()
        try:
            cur = raw.cursor()
            insert_rows(cur, kind, "info_request", COLUMNS, _rows(n, kind, agencies, citizens))
            raw.commit()
            if kind == "sqlite":
                cur.execute("ANALYZE")
            else:
                cur.execute("SELECT setval('info_request_id_seq', %s)", (n,))
            raw.commit()
        finally:
            raw.close()
        if kind == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE info_request")
    return agencies, time.perf_counter() - started


def statistics_in_python(agency):
    """Return the statistics as the former code did: every row into Python, counted there."""
    from sqlalchemy import select

    from foi.extensions import db
    from foi.models import InfoRequest
    from foi.services.agency_stats import AgencyStatistics

    rows = db.session.execute(
        select(
            InfoRequest.status,
            InfoRequest.outcome,
            InfoRequest.received_at,
            InfoRequest.answered_at,
            InfoRequest.due_at,
        ).where(InfoRequest.agency_id == agency.id)
    ).all()
    stats = AgencyStatistics(received=len(rows))
    days: list[float] = []
    by_year: dict[int, Counter] = defaultdict(Counter)
    for status, outcome, received_at, answered_at, due_at in rows:
        if status == "published":
            stats.published += 1
        if answered_at is None:
            continue
        stats.answered += 1
        if due_at is None or answered_at <= due_at:
            stats.answered_on_time += 1
        days.append((answered_at - received_at).total_seconds() / 86400)
        if outcome in OUTCOMES:
            by_year[answered_at.year][outcome] += 1
    if days:
        stats.median_days = round(statistics.median(days), 1)
    stats.outcomes_by_year = {
        year: {o: by_year[year][o] for o in OUTCOMES} for year in sorted(by_year)
    }
    return stats


def measure(app, agency_ids: list[int]) -> dict:
    """Time both ways for every agency, without the statistics index and with it."""
    out = {}
    with app.app_context():
        statistics_index(app, present=False)
        out.update(_rounds(agency_ids, "no_index"))
        statistics_index(app, present=True)
        out.update(_rounds(agency_ids, "index"))
        out["plan"] = _plan(agency_ids[0])
    out["speedup"] = round(out["python_no_index_median_ms"] / out["sql_index_median_ms"], 1)
    return out


def statistics_index(app, *, present: bool) -> None:
    """Drop or build migration 0008's index, then refresh the planner's statistics."""
    from foi.extensions import db
    from foi.models import InfoRequest

    index = next(i for i in InfoRequest.__table__.indexes if i.name == STATISTICS_INDEX)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if present:
            index.create(conn, checkfirst=True)
        else:
            index.drop(conn, checkfirst=True)
        conn.exec_driver_sql(
            "ANALYZE" if conn.dialect.name == "sqlite" else "VACUUM ANALYZE info_request"
        )


def _rounds(agency_ids: list[int], label: str) -> dict:
    from foi.extensions import db
    from foi.models import Agency
    from foi.services.agency_stats import agency_statistics

    times: dict[str, list[float]] = {"python": [], "sql": []}
    agencies = [db.session.get(Agency, i) for i in agency_ids]
    for _ in range(ROUNDS):
        for agency in agencies:
            for way, function in (("python", statistics_in_python), ("sql", agency_statistics)):
                started = time.perf_counter()
                result = function(agency)
                times[way].append(time.perf_counter() - started)
                db.session.rollback()  # a page view is its own transaction
                if way == "python":
                    expected = result
                elif result != expected:
                    raise AssertionError(f"agency {agency.id}: {result} != {expected}")
    out = {}
    for way, values in times.items():
        out[f"{way}_{label}_median_ms"] = round(statistics.median(values) * 1000, 1)
        out[f"{way}_{label}_max_ms"] = round(max(values) * 1000, 1)
    return out


def _plan(agency_id: int) -> str:
    """Return how the database reads one agency's counts (does an index serve the scan?)."""
    from sqlalchemy import text

    from foi.extensions import db

    sql = (
        "SELECT count(*), count(answered_at), count(CASE WHEN answered_at IS NOT NULL AND "
        "(due_at IS NULL OR answered_at <= due_at) THEN 1 END), "
        "count(CASE WHEN status = 'published' THEN 1 END) "
        "FROM info_request WHERE agency_id = :a"
    )
    if db.engine.dialect.name == "sqlite":
        rows = db.session.execute(text("EXPLAIN QUERY PLAN " + sql), {"a": agency_id})
        return "; ".join(row[-1] for row in rows)
    rows = db.session.execute(text("EXPLAIN " + sql), {"a": agency_id})
    return "; ".join(row[0].strip() for row in rows if "->" in row[0] or "Scan" in row[0])


def run_one(kind: str, n: int, workdir: Path) -> dict:
    from benchmarks.search import fresh_database, make_app

    url, drop = fresh_database(kind, f"agency_stats_{kind}_{n}", workdir)
    try:
        app = make_app(url)
        agencies, load_s = load(app, n, kind)
        print(f"{kind}: loaded {n} requests in {load_s:.1f} s", flush=True)
        return {
            "database": kind,
            "requests": n,
            "agencies": len(agencies),
            "load_s": round(load_s, 1),
            **measure(app, agencies),
        }
    finally:
        if os.environ.get("FOI_BENCH_KEEP") != "1":
            drop()


def main() -> None:
    """Run the agency statistics benchmark on each configured database."""
    from benchmarks.search import code_version, machine

    n = int(os.environ.get("FOI_BENCH_STATS_N", "200000"))
    kinds = os.environ.get("FOI_BENCH_DATABASES", "sqlite,postgresql").split(",")
    workdir = Path(os.environ.get("FOI_BENCH_DIR", "/tmp/foi-bench"))
    workdir.mkdir(parents=True, exist_ok=True)
    for kind in kinds:
        result = run_one(kind, n, workdir)
        result.update(
            commit=code_version(),
            machine=machine(),
            load_average=os.getloadavg(),
            at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        with open(workdir / "agency-stats-results.jsonl", "a", encoding="utf-8") as out:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        print(json.dumps(result, ensure_ascii=False, indent=1), flush=True)


if __name__ == "__main__":
    sys.exit(main())
