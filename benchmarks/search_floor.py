"""What the databases alone can index here: the floor under any full re-index of the archive.

The same synthetic requests as ``benchmarks/search.py`` are prepared first, untimed, into a
staging table: their words as foi's index holds them (exact and folded spelling, pairs) and,
for PostgreSQL, their plain texts too. Then only the database's own work is timed, with no
Python per request:

- SQLite: FTS5 filled from the staging table by one ``INSERT … SELECT`` with the settings of a
  re-index, then merged (``optimize``), for the index's columns now and for smaller layouts;
  then the whole index as a re-index leaves it: the real schema's three tables filled from
  staging tables, FTS5 merged, the word statistics read from FTS5's vocabulary.
- PostgreSQL: ``to_tsvector('simple', …)`` of the plain texts (the server splitting words
  itself, one lexeme a word: no folding, no second spelling, no pairs) and its GIN index; then
  foi's own tsvector and pairs literals parsed by the server and their two GIN indexes; then the
  whole index: the real schema's two tables filled from staging tables (the literals parsed) and
  every index a re-index builds after loading.

First, in the same run, ``flask foi reindex`` itself (:func:`foi.services.search_index.
archive_reindex`, with ``FOI_REINDEX_WORKERS`` worker processes) is timed on an archive of the
same size: the one ``benchmarks/http.py`` keeps (``FOI_BENCH_KEEP=1``), or one built here and
kept the same way. The result gives its rate as a share of each floor.

Environment: ``FOI_BENCH_SIZES`` (default ``1000000``), ``FOI_BENCH_DATABASES`` (default
``sqlite,postgresql``), ``FOI_BENCH_PG``, ``FOI_BENCH_DIR`` (default /tmp/foi-bench),
``FOI_BENCH_LAYOUTS`` (the layouts' short names, default all: ``now,no-pairs,folded+pairs,
folded,whole`` on SQLite, ``simple,literals,whole`` on PostgreSQL), ``FOI_BENCH_REINDEX=0`` to
time the floors alone. Results are printed and appended to
``$FOI_BENCH_DIR/search-floor-results.jsonl``.
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
# title (t) and text (x), and the pairs (p); by short name and description.
SQLITE_LAYOUTS = {
    "now": ("exact+folded+pairs (the index now)", ("te", "tf", "xe", "xf", "p")),
    "no-pairs": ("exact+folded, no pairs", ("te", "tf", "xe", "xf")),
    "folded+pairs": ("folded+pairs", ("tf", "xf", "p")),
    "folded": ("folded only", ("tf", "xf")),
}
WHOLE = "whole"


def _layouts(known) -> list[str]:
    wanted = os.environ.get("FOI_BENCH_LAYOUTS")
    return [name for name in known if not wanted or name in wanted.split(",")]


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
    """Time FTS5 alone over ``n`` prepared requests, for each layout, then the whole index."""
    from foi.search import fts5_rows, sqlite_fts

    path = workdir / "floor.sqlite3"
    for p in workdir.glob("floor.sqlite3*"):
        p.unlink()
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute(f"PRAGMA cache_size = -{sqlite_fts.BULK_CACHE_KIB}")
        db.execute("CREATE TABLE staging (id INTEGER PRIMARY KEY, te, tf, xe, xf, p)")
        db.execute(f"CREATE TABLE staging_document ({', '.join(fts5_rows.DOCUMENT_COLUMNS)})")
        db.execute(f"CREATE TABLE staging_text ({', '.join(fts5_rows.TEXT_COLUMNS)})")
        for chunk, pairs in _documents(n):
            documents, texts, fts, _ = fts5_rows.prepare_rows(chunk, pairs, count=False)
            db.execute("BEGIN")
            for table, rows, width in (
                ("staging_document", documents, len(fts5_rows.DOCUMENT_COLUMNS)),
                ("staging_text", texts, len(fts5_rows.TEXT_COLUMNS)),
                ("staging", fts, 6),
            ):
                values = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(width))
                db.execute(
                    f"INSERT INTO {table} SELECT {values} FROM json_each(CAST(? AS TEXT))", (rows,)
                )
            db.execute("COMMIT")
        layouts = {}
        for name in _layouts(SQLITE_LAYOUTS):
            label, columns = SQLITE_LAYOUTS[name]
            names = ", ".join(columns)
            db.execute("DROP TABLE IF EXISTS f")
            db.execute(
                f"CREATE VIRTUAL TABLE f USING fts5({names}, content='',"
                " tokenize='unicode61 remove_diacritics 0')"
            )
            _bulk_settings(db, "f")
            db.execute("BEGIN")
            steps = _timed(
                db.execute,
                {
                    "insert": f"INSERT INTO f (rowid, {names}) SELECT id, {names} FROM staging",
                    "merge": "INSERT INTO f (f) VALUES ('optimize')",
                },
            )
            db.execute("COMMIT")
            layouts[label] = _result(n, steps)
        if WHOLE in _layouts([WHOLE]):
            layouts["the whole index (its three tables, merged, word statistics)"] = _sqlite_whole(
                db, n
            )
        return {"database": "sqlite", "requests": n, "layouts": layouts}
    finally:
        db.close()
        for p in workdir.glob("floor.sqlite3*"):
            p.unlink()


def _bulk_settings(db: sqlite3.Connection, table: str) -> None:
    from foi.search.sqlite_fts import BULK_SETTINGS

    for setting, value in BULK_SETTINGS.items():
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('{setting}', {int(value)})")


def _sqlite_whole(db: sqlite3.Connection, n: int) -> dict:
    """Time what a re-index asks of SQLite, its own schema filled from the staging tables."""
    from foi.search import fts5_rows, sqlite_fts

    for statement in sqlite_fts.SCHEMA:
        db.execute(statement)
    _bulk_settings(db, "search_fts")
    fts = ", ".join(fts5_rows.FTS_COLUMNS[1:])
    db.execute("BEGIN")
    steps = _timed(
        db.execute,
        {
            "documents": "INSERT INTO search_document SELECT * FROM staging_document",
            "texts": "INSERT INTO search_text SELECT * FROM staging_text",
            "insert": f"INSERT INTO search_fts (rowid, {fts}) SELECT id, te, tf, xe, xf, p"
            " FROM staging",
            "merge": "INSERT INTO search_fts (search_fts) VALUES ('optimize')",
            "vocabulary": "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search_fts, 'row')",
            "statistics": "INSERT INTO search_term (term, docs) SELECT term, doc FROM temp.v"
            f" WHERE instr(term, '{fts5_rows.PAIR}') = 0",
        },
    )
    db.execute("COMMIT")
    return _result(n, steps)


def _result(n: int, steps: dict[str, float]) -> dict:
    total = sum(steps.values())
    print(f"    {n:,}: {total:.0f} s, {n / total:,.0f} /s {steps}", flush=True)
    return {"seconds": steps, "per_s": round(n / total)}


def postgresql_floor(n: int, workdir: Path) -> dict:
    """Time PostgreSQL's own word splitting and index builds over ``n`` requests."""
    from foi.search import postgres_fts

    url, drop = fresh_database("postgresql", f"floor_{n}", workdir)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            raw = conn.connection.driver_connection
            raw.execute(
                "CREATE TABLE staging (request_id bigint, rank_key bigint, agency_id bigint,"
                " outcome text, year integer, topic text, published_at timestamptz,"
                " reference text, title text, tsv text, pairs text)"
            )
            raw.execute(
                "CREATE TABLE staging_text (request_id bigint, body text, answer text,"
                " attachments_text text)"
            )
            for chunk, pairs in _documents(n):
                documents, texts, _ = postgres_fts.PostgresBackend.prepare(chunk, pairs)
                for table, rows in (("staging", documents), ("staging_text", texts)):
                    with raw.cursor().copy(f"COPY {table} FROM STDIN") as copy:
                        copy.write(rows)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE staging")
            conn.exec_driver_sql("VACUUM ANALYZE staging_text")
        layouts = {
            "simple": (
                "to_tsvector('simple') and its GIN index",
                {
                    "to_tsvector": "CREATE TABLE floor_simple (id, tsv) AS SELECT request_id,"
                    " to_tsvector('simple', reference || E'\\n' || title)"
                    " || to_tsvector('simple', body || E'\\n' || answer || E'\\n'"
                    " || attachments_text) FROM staging JOIN staging_text USING (request_id)",
                    "gin": "CREATE INDEX floor_simple_tsv ON floor_simple USING gin (tsv)",
                },
            ),
            "literals": (
                "foi's tsvector and pairs, parsed, and their GIN indexes",
                {
                    "parse": "CREATE TABLE floor_ours (id, tsv, pairs) AS SELECT request_id,"
                    " CAST(tsv AS tsvector), CAST(pairs AS tsvector) FROM staging",
                    "gin tsv": "CREATE INDEX floor_ours_tsv ON floor_ours USING gin (tsv)",
                    "gin pairs": "CREATE INDEX floor_ours_pairs ON floor_ours USING gin (pairs)",
                },
            ),
            WHOLE: (
                "the whole index (its two tables, literals parsed, every index)",
                {
                    "documents": "INSERT INTO search_document SELECT request_id, rank_key,"
                    " agency_id, outcome, year, topic, published_at, reference, title,"
                    " CAST(tsv AS tsvector), CAST(pairs AS tsvector) FROM staging",
                    "texts": "INSERT INTO search_text SELECT * FROM staging_text",
                    **{postgres_fts._index_name(st): st for st in postgres_fts.BULK_INDEXES},
                },
            ),
        }
        results = {}
        with engine.begin() as conn:
            conn.exec_driver_sql(f"SET maintenance_work_mem = '{postgres_fts.BULK_MEMORY}'")
            for statement in postgres_fts.SCHEMA:
                conn.exec_driver_sql(statement)
            names = ", ".join(postgres_fts._index_name(st) for st in postgres_fts.BULK_INDEXES)
            conn.exec_driver_sql(f"DROP INDEX {names}")
            for name in _layouts(layouts):
                label, steps = layouts[name]
                results[label] = _result(n, _timed(conn.exec_driver_sql, steps))
        return {"database": "postgresql", "requests": n, "layouts": results}
    finally:
        engine.dispose()
        drop()


def reindex_rate(kind: str, n: int, workdir: Path) -> dict:
    """Time ``flask foi reindex`` (its function) on an archive of ``n`` requests.

    The archive is the one ``benchmarks/http.py`` keeps, its index emptied first; when there
    is none it is built here (and kept), and the re-index of that build is the one timed.
    """
    from benchmarks.http import build
    from benchmarks.search import make_app
    from foi.services.search_index import archive_reindex

    url, built = build(kind, n, workdir)
    app = make_app(url)
    workers = app.config["REINDEX_WORKERS"]
    if built.get("built") == "kept":
        with app.app_context():
            from foi.extensions import db
            from foi.search import get_backend

            # From an empty index, as the floors fill empty tables (and as the first re-index
            # after an upgrade that empties the index does): replacing a full index also
            # deletes the old one, and on SQLite copies its pages to the rollback journal.
            with db.engine.begin() as conn:
                get_backend(conn).reindex(conn, [])
            started = time.perf_counter()
            done = archive_reindex(workers=workers)
            seconds = time.perf_counter() - started
            db.engine.dispose()
    else:
        done, seconds = n, built["reindex_s"]
    print(f"  {kind} {n:,}: flask foi reindex {seconds:.0f} s, {done / seconds:,.0f} /s")
    return {
        "requests": done,
        "seconds": round(seconds, 1),
        "per_s": round(done / seconds),
        "workers": workers,
    }


def main() -> None:
    """Time the re-index and the floors for each configured database and size."""
    sizes = [int(s) for s in os.environ.get("FOI_BENCH_SIZES", "1000000").split(",")]
    kinds = os.environ.get("FOI_BENCH_DATABASES", "sqlite,postgresql").split(",")
    workdir = Path(os.environ.get("FOI_BENCH_DIR", "/tmp/foi-bench"))
    workdir.mkdir(parents=True, exist_ok=True)
    code = code_version()
    for n in sizes:
        for kind in kinds:
            reindex = None
            if os.environ.get("FOI_BENCH_REINDEX") != "0":
                reindex = reindex_rate(kind, n, workdir)
            print(f"  {kind} {n:,}: preparing", flush=True)
            result = sqlite_floor(n, workdir) if kind == "sqlite" else postgresql_floor(n, workdir)
            if reindex is not None:
                for layout in result["layouts"].values():
                    layout["reindex_share"] = round(100 * reindex["per_s"] / layout["per_s"], 1)
            result.update(
                reindex=reindex,
                machine=machine(),
                code=code,
                load_average=os.getloadavg(),
                at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
            with open(workdir / "search-floor-results.jsonl", "a", encoding="utf-8") as out:
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
            print(json.dumps(result, ensure_ascii=False, indent=1), flush=True)
