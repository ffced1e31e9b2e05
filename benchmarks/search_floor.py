"""What the databases alone can index here: the floor under any full re-index of the archive.

The same synthetic requests as ``benchmarks/search.py`` are prepared first, untimed, into a
staging table: their words as foi's index holds them (exact and folded spelling, pairs) and,
for PostgreSQL, their plain texts too. Then only the database's own work is timed, with no
Python per request:

- SQLite: FTS5 filled from the staging table by one ``INSERT … SELECT`` with the settings of a
  re-index, then merged (``optimize``), for the index's columns now and for smaller layouts.
- PostgreSQL: ``to_tsvector('simple', …)`` of the plain texts (the server splitting words
  itself, one lexeme a word: no folding, no second spelling, no pairs) and its GIN index; then
  foi's own tsvector and pairs literals parsed by the server and their two GIN indexes.

Environment: ``FOI_BENCH_SIZES`` (default ``1000000``), ``FOI_BENCH_DATABASES`` (default
``sqlite,postgresql``), ``FOI_BENCH_PG``, ``FOI_BENCH_DIR`` (default /tmp/foi-bench). Results are
printed and appended to ``$FOI_BENCH_DIR/search-floor-results.jsonl``.
"""

import itertools
import json
import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from benchmarks._synthetic import Archive
from benchmarks.search import code_version, fresh_database, machine

CHUNK = 10_000

# FTS5 columns of the staging table behind each layout: exact (e) and folded (f) spelling of the
# title (t) and text (x), and the pairs (p).
SQLITE_LAYOUTS = {
    "exact+folded+pairs (the index now)": ("te", "tf", "xe", "xf", "p"),
    "exact+folded, no pairs": ("te", "tf", "xe", "xf"),
    "folded+pairs": ("tf", "xf", "p"),
    "folded only": ("tf", "xf"),
}


def _documents(n: int):
    """Yield the synthetic requests in chunks, with the pair words a re-index would choose."""
    from foi.search.terms import PAIR_SAMPLE, choose_pair_words
    from foi.search.tokens import folded_words

    docs = Archive().documents(n)
    first = list(itertools.islice(docs, CHUNK))
    pairs = choose_pair_words(
        folded_words(f"{d.reference}\n{d.title}\n{d.body}\n{d.answer}\n{d.attachments_text}")
        for d in first[:PAIR_SAMPLE]
    )
    chunk, done = first, 0
    while chunk:
        yield chunk, pairs
        done += len(chunk)
        print(f"    prepared {done:,} / {n:,}", flush=True)
        chunk = list(itertools.islice(docs, CHUNK))


def _timed(run, steps: dict[str, str]) -> dict[str, float]:
    """Run each SQL statement of ``steps`` with ``run``; return the seconds each took."""
    seconds = {}
    for label, sql in steps.items():
        started = time.perf_counter()
        run(sql)
        seconds[label] = round(time.perf_counter() - started, 2)
    return seconds


def sqlite_floor(n: int, workdir: Path) -> dict:
    """Time FTS5 alone over ``n`` prepared requests, for each layout."""
    from foi.search.fts5_rows import fts_values
    from foi.search.sqlite_fts import BULK_CACHE_KIB, BULK_SETTINGS

    path = workdir / "floor.sqlite3"
    for p in workdir.glob("floor.sqlite3*"):
        p.unlink()
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        db.execute("CREATE TABLE staging (id INTEGER PRIMARY KEY, te, tf, xe, xf, p)")
        for chunk, pairs in _documents(n):
            db.execute("BEGIN")
            db.executemany(
                "INSERT INTO staging VALUES (?, ?, ?, ?, ?, ?)",
                [
                    fts_values(
                        d.request_id,
                        d.reference,
                        d.title,
                        d.body,
                        d.answer,
                        d.attachments_text,
                        None,
                        pairs,
                    )
                    for d in chunk
                ],
            )
            db.execute("COMMIT")
        layouts = {}
        for name, columns in SQLITE_LAYOUTS.items():
            names = ", ".join(columns)
            db.execute("DROP TABLE IF EXISTS f")
            db.execute(
                f"CREATE VIRTUAL TABLE f USING fts5({names}, content='',"
                " tokenize='unicode61 remove_diacritics 0')"
            )
            for setting, value in BULK_SETTINGS.items():
                db.execute(f"INSERT INTO f(f, rank) VALUES ('{setting}', {int(value)})")
            db.execute("BEGIN")
            steps = _timed(
                db.execute,
                {
                    "insert": f"INSERT INTO f (rowid, {names}) SELECT id, {names} FROM staging",
                    "merge": "INSERT INTO f (f) VALUES ('optimize')",
                },
            )
            db.execute("COMMIT")
            total = sum(steps.values())
            layouts[name] = {"seconds": steps, "per_s": round(n / total)}
            print(f"  sqlite {n:,} {name}: {total:.0f} s, {n / total:,.0f} /s", flush=True)
        return {"database": "sqlite", "requests": n, "layouts": layouts}
    finally:
        db.close()
        for p in workdir.glob("floor.sqlite3*"):
            p.unlink()


def postgresql_floor(n: int, workdir: Path) -> dict:
    """Time PostgreSQL's own word splitting and GIN builds over ``n`` requests."""
    from foi.search.postgres_fts import BULK_MEMORY
    from foi.search.tsvector import build_vectors

    url, drop = fresh_database("postgresql", f"floor_{n}", workdir)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            raw = conn.connection.driver_connection
            raw.execute(
                "CREATE TABLE staging (id bigint, title text, text text, tsv text, pairs text)"
            )
            with raw.cursor().copy("COPY staging FROM STDIN") as copy:
                for chunk, pairs in _documents(n):
                    for d in chunk:
                        title = f"{d.reference}\n{d.title}"
                        text = f"{d.body or ''}\n{d.answer or ''}\n{d.attachments_text or ''}"
                        copy.write_row(
                            (d.request_id, title, text, *build_vectors(title, text, None, pairs))
                        )
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE staging")
        results = {}
        with engine.begin() as conn:
            conn.exec_driver_sql(f"SET maintenance_work_mem = '{BULK_MEMORY}'")
            run = conn.exec_driver_sql
            for name, steps in (
                (
                    "to_tsvector('simple') and its GIN index",
                    {
                        "to_tsvector": "CREATE TABLE floor_simple (id, tsv) AS SELECT id,"
                        " to_tsvector('simple', title) || to_tsvector('simple', text)"
                        " FROM staging",
                        "gin": "CREATE INDEX floor_simple_tsv ON floor_simple USING gin (tsv)",
                    },
                ),
                (
                    "foi's tsvector and pairs, parsed, and their GIN indexes",
                    {
                        "parse": "CREATE TABLE floor_ours (id, tsv, pairs) AS SELECT id,"
                        " CAST(tsv AS tsvector), CAST(pairs AS tsvector) FROM staging",
                        "gin tsv": "CREATE INDEX floor_ours_tsv ON floor_ours USING gin (tsv)",
                        "gin pairs": "CREATE INDEX floor_ours_pairs ON floor_ours"
                        " USING gin (pairs)",
                    },
                ),
            ):
                seconds = _timed(run, steps)
                total = sum(seconds.values())
                results[name] = {"seconds": seconds, "per_s": round(n / total)}
                print(f"  postgresql {n:,} {name}: {total:.0f} s, {n / total:,.0f} /s", flush=True)
        return {"database": "postgresql", "requests": n, "layouts": results}
    finally:
        engine.dispose()
        drop()


def main() -> None:
    """Measure the floors for each configured database and size."""
    sizes = [int(s) for s in os.environ.get("FOI_BENCH_SIZES", "1000000").split(",")]
    kinds = os.environ.get("FOI_BENCH_DATABASES", "sqlite,postgresql").split(",")
    workdir = Path(os.environ.get("FOI_BENCH_DIR", "/tmp/foi-bench"))
    workdir.mkdir(parents=True, exist_ok=True)
    code = code_version()
    for n in sizes:
        for kind in kinds:
            print(f"  {kind} {n:,}: preparing", flush=True)
            result = sqlite_floor(n, workdir) if kind == "sqlite" else postgresql_floor(n, workdir)
            result.update(
                machine=machine(),
                code=code,
                load_average=os.getloadavg(),
                at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
            with open(workdir / "search-floor-results.jsonl", "a", encoding="utf-8") as out:
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
            print(json.dumps(result, ensure_ascii=False, indent=1), flush=True)
