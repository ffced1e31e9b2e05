"""One reminder sweep over a million open requests, on SQLite and on PostgreSQL.

Method: migrate a fresh database (so the schedule's index is the real one), bulk-load N open
requests and their ``reminder_schedule`` rows (executemany on SQLite, COPY on PostgreSQL; not
the ORM) whose next reminder lies in the future, switch the connections to the scheduler's
settings (``prepare_database``: WAL + synchronous=NORMAL, synchronous_commit=off), then time

1. ``reminders_sweep`` when nothing is due (median of 5 runs), and
2. the same sweep after ``FOI_BENCH_DUE`` (default 20,000) requests were made due today:
   reminders enqueued per second, outbox rows and history events included, committed in
   batches of 1,000; then the sweep again, which must find nothing left to do.

Environment: FOI_BENCH_REMINDERS_N (default 1000000), FOI_BENCH_DATABASES (sqlite,postgresql),
FOI_BENCH_DIR (/tmp/foi-bench), FOI_BENCH_PG (server URL).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks._bulk import insert_rows

AGENCIES, OFFICERS_PER_AGENCY, CITIZENS = 40, 5, 1000
COLUMNS = (
    "id",
    "reference",
    "requester_id",
    "agency_id",
    "assignee_id",
    "subject",
    "body",
    "lang",
    "status",
    "publish_name",
    "received_at",
    "due_at",
    "deadline_version",
    "created_at",
    "updated_at",
)


def _stamp(moment: datetime, kind: str) -> str:
    # SQLAlchemy's SQLite DateTime format (no offset, UTC); PostgreSQL takes the ISO form.
    if kind == "sqlite":
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f")
    return moment.isoformat()


def _people(app) -> tuple[list[int], dict[int, list[int]]]:
    """Create agencies, staff and citizens through the ORM (a few thousand rows)."""
    from foi.extensions import db
    from foi.models import Agency, User

    with app.app_context():
        agencies = [
            Agency(slug=f"a{i}", name_az=f"Agentlik {i}", name_en=f"Agency {i}")
            for i in range(AGENCIES)
        ]
        db.session.add_all(agencies)
        db.session.flush()
        staff = {}
        for agency in agencies:
            db.session.add(
                User(
                    email=f"coord{agency.id}@b.az",
                    display_name="Koordinator",
                    role="coordinator",
                    agency_id=agency.id,
                    password_hash="x",
                )
            )
            officers = [
                User(
                    email=f"o{agency.id}-{k}@b.az",
                    display_name=f"Məmur {k}",
                    role="officer",
                    agency_id=agency.id,
                    password_hash="x",
                    locale=("az", "en", "ru")[k % 3],
                )
                for k in range(OFFICERS_PER_AGENCY)
            ]
            db.session.add_all(officers)
            db.session.flush()
            staff[agency.id] = [o.id for o in officers]
        citizens = [
            User(email=f"c{k}@b.az", display_name=f"Vətəndaş {k}", password_hash="x")
            for k in range(CITIZENS)
        ]
        db.session.add_all(citizens)
        db.session.commit()
        return [c.id for c in citizens], staff


def _rows(n: int, now: datetime, kind: str, citizens, staff):
    agency_ids = sorted(staff)
    for i in range(1, n + 1):
        agency = agency_ids[i % len(agency_ids)]
        received = now - timedelta(days=2, minutes=i % 5000)
        due = now + timedelta(days=10 + i % 50, hours=i % 24)
        yield (
            i,
            f"B-{i:07d}",
            citizens[i % len(citizens)],
            agency,
            staff[agency][i % OFFICERS_PER_AGENCY],
            f"Sorğu {i}",
            "Məlumat verin.",
            "az",
            "awaiting",
            False,
            _stamp(received, kind),
            _stamp(due, kind),
            1,
            _stamp(received, kind),
            _stamp(received, kind),
        )


def _schedule(n: int, now: datetime, kind: str):
    for i in range(1, n + 1):
        due = now + timedelta(days=10 + i % 50, hours=i % 24)
        yield i, _stamp(due - timedelta(days=5), kind)  # in the future: nothing is due now


def load(app, n: int, now: datetime, kind: str) -> float:
    """Bulk-load ``n`` open requests; return the seconds it took."""
    from foi.extensions import db

    citizens, staff = _people(app)
    started = time.perf_counter()
    with app.app_context():
        raw = db.engine.raw_connection()
        try:
            cur = raw.cursor()
            insert_rows(cur, kind, "info_request", COLUMNS, _rows(n, now, kind, citizens, staff))
            insert_rows(
                cur, kind, "reminder_schedule", ("request_id", "next_at"), _schedule(n, now, kind)
            )
            if kind == "postgresql":
                cur.execute("SELECT setval('info_request_id_seq', %s)", (n,))
            raw.commit()
            cur.execute("ANALYZE")
            raw.commit()
        finally:
            raw.close()
    return time.perf_counter() - started


def make_due(app, count: int, now: datetime, n: int) -> None:
    """Make ``count`` requests, spread over the table, due this afternoon and waiting now."""
    from sqlalchemy import text

    from foi.extensions import db

    step = max(n // count, 1)
    with app.app_context():
        kind = db.engine.dialect.name
        db.session.execute(
            text("UPDATE info_request SET due_at = :due WHERE id % :step = 0 AND id <= :last"),
            {"due": _stamp(now + timedelta(hours=8), kind), "step": step, "last": step * count},
        )
        db.session.execute(
            text(
                "UPDATE reminder_schedule SET next_at = :nxt "
                "WHERE request_id % :step = 0 AND request_id <= :last"
            ),
            {"nxt": _stamp(now - timedelta(minutes=1), kind), "step": step, "last": step * count},
        )
        db.session.commit()


def sweep(app, now: datetime):
    from foi.services.reminders import reminders_sweep

    with app.app_context():
        started = time.perf_counter()
        result = reminders_sweep(now=now, reminder_days=(3, 1, 0))
        return time.perf_counter() - started, result


def run_one(kind: str, n: int, due: int, workdir: Path) -> dict:
    from benchmarks.search import fresh_database, make_app
    from foi.jobs.sweeps import prepare_database

    url, drop = fresh_database(kind, f"reminders_{kind}_{n}", workdir)
    try:
        app = make_app(url)
        now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday morning in Baku
        load_s = load(app, n, now, kind)
        prepare_database(app)  # the scheduler's own connection settings, as in production
        print(f"{kind}: loaded {n} requests in {load_s:.1f} s", flush=True)
        idle = [sweep(app, now)[0] for _ in range(5)]
        make_due(app, due, now, n)
        busy_s, result = sweep(app, now)
        again_s, again = sweep(app, now)
        return {
            "database": kind,
            "requests": n,
            "load_s": round(load_s, 1),
            "nothing_due_ms": round(statistics.median(idle) * 1000, 1),
            "nothing_due_max_ms": round(max(idle) * 1000, 1),
            "due": result.looked_at,
            "enqueued": result.messages,
            "sweep_s": round(busy_s, 2),
            "reminders_per_s": round(result.messages / busy_s),
            "second_sweep_ms": round(again_s * 1000, 1),
            "second_sweep_enqueued": again.messages,
        }
    finally:
        if os.environ.get("FOI_BENCH_KEEP") != "1":
            drop()


def main() -> None:
    """Run the reminder benchmark on each configured database."""
    from benchmarks.search import machine

    n = int(os.environ.get("FOI_BENCH_REMINDERS_N", "1000000"))
    due = int(os.environ.get("FOI_BENCH_DUE", "20000"))
    kinds = os.environ.get("FOI_BENCH_DATABASES", "sqlite,postgresql").split(",")
    workdir = Path(os.environ.get("FOI_BENCH_DIR", "/tmp/foi-bench"))
    workdir.mkdir(parents=True, exist_ok=True)
    for kind in kinds:
        result = run_one(kind, n, due, workdir)
        result.update(
            machine=machine(),
            load_average=os.getloadavg(),
            at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        with open(workdir / "reminders-results.jsonl", "a", encoding="utf-8") as out:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        print(json.dumps(result, ensure_ascii=False, indent=1), flush=True)


if __name__ == "__main__":
    sys.exit(main())
