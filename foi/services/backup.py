"""Back the site up (database and file store) and restore it, checking every byte on the way back.

A backup is a folder::

    manifest.json        what is in it: sha256 and size of every file, rows per table
    database.sqlite3     SQLite: a copy made with the online backup API, or
    database.dump        PostgreSQL: ``pg_dump --format=custom``
    files/...            FOI_UPLOAD_DIR (the content-addressed uploads)
    reports/...          FOI_REPORTS_DIR (the generated annual reports)

The database is copied first, from one snapshot (SQLite's backup API; on PostgreSQL a
REPEATABLE READ transaction exports its snapshot to ``pg_dump`` and counts the rows in it), and
the files after: uploads are stored before the row that names them is committed, and never
changed, so the copied store holds every file the copied database refers to.

A restore reads nothing into the site before the whole backup has been checked against its
manifest, refuses a database or store that is not empty, and counts the rows again afterwards.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

FORMAT = "foi-backup"
VERSION = 1
MANIFEST = "manifest.json"
STORES = ("files", "reports")  # folder names in the backup, in the order they are copied

Progress = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why in one line."""


@dataclass(frozen=True)
class Stores:
    """Where the site keeps its files: the uploads and the generated reports."""

    files: Path
    reports: Path

    def items(self) -> list[tuple[str, Path]]:
        """Return each store's name in the backup with its folder, in the order they are copied."""
        return [("files", self.files), ("reports", self.reports)]


def sha256_of(path: Path) -> str:
    """Return the SHA-256 of a file, read in 1 MiB pieces."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def _entry(path: Path) -> dict:
    return {"sha256": sha256_of(path), "bytes": path.stat().st_size}


def _quote(conn: sa.Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def _tables(conn: sa.Connection) -> list[str]:
    if conn.dialect.name == "sqlite":
        # Every real table, FTS5 index and its shadow tables included, so the counts cover all.
        rows = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    else:
        rows = conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
    return sorted(name for (name,) in rows)


def _row_counts(conn: sa.Connection) -> dict[str, int]:
    return {
        # S608 is a false positive here: table names come from the database's own catalogue, quoted
        # by its dialect.
        t: conn.exec_driver_sql(f"SELECT count(*) FROM {_quote(conn, t)}").scalar_one()  # noqa: S608
        for t in _tables(conn)
    }


def _libpq(url: sa.URL) -> tuple[str, dict[str, str]]:
    """Return a libpq connection URI for pg_dump/pg_restore, with the password in the env."""
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(args: list[str], env: dict[str, str], what: str) -> None:
    if not shutil.which(args[0]):
        raise BackupError(f"{args[0]} is not installed (Debian: apt-get install postgresql-client)")
    # S603 is a false positive here: a fixed pg_dump/psql argument list from configuration, no
    # shell.
    done = subprocess.run(args, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise BackupError(f"{what} failed: {last}")


def _copy_tree(source: Path, target: Path, progress: Progress, label: str) -> dict[str, dict]:
    """Copy every file under ``source`` to ``target``; return manifest entries by path."""
    entries: dict[str, dict] = {}
    if not source.is_dir():
        return entries
    # The store's tmp/ holds uploads still being received: not files of the site yet.
    files = sorted(
        p for p in source.rglob("*") if p.is_file() and p.relative_to(source).parts[0] != "tmp"
    )
    for n, path in enumerate(files, 1):
        relative = path.relative_to(source)
        copy = target / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, copy)
        entries[f"{label}/{relative.as_posix()}"] = _entry(copy)
        if n % 500 == 0 or n == len(files):
            progress(f"{label}: {n} of {len(files)} files copied")
    return entries


def backup_write(
    *, engine: sa.Engine, stores: Stores, dest: Path, now: datetime, progress: Progress
) -> dict:
    """Write a consistent copy of the database and file store to ``dest``; return its manifest.

    ``dest`` must not exist or be empty, so that a backup never mixes with an older one.
    """
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise BackupError(f"{dest} is not empty; give a new folder for the backup")
    dest.mkdir(parents=True, exist_ok=True)
    dialect = engine.dialect.name
    if dialect == "sqlite":
        name = "database.sqlite3"
        tables = _sqlite_backup(engine, dest / name, progress)
    elif dialect == "postgresql":
        name = "database.dump"
        tables = _postgres_backup(engine, dest / name, progress)
    else:
        raise BackupError(f"cannot back up a {dialect} database")
    progress(f"database: {sum(tables.values())} rows in {len(tables)} tables")
    files = {name: _entry(dest / name)}
    for label, source in stores.items():
        files.update(_copy_tree(Path(source), dest / label, progress, label))
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": now.isoformat(),
        "database": {"dialect": dialect, "file": name},
        "tables": tables,
        "files": files,
    }
    (dest / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    progress(f"manifest: {len(files)} files with their checksums")
    return manifest


def _sqlite_file(engine: sa.Engine) -> str:
    """Return the SQLite database's file; a database in memory has none to copy."""
    if not engine.url.database or engine.url.database == ":memory:":
        raise BackupError(
            "the SQLite database is in memory: there is no file to back up or restore"
        )
    return engine.url.database


def _sqlite_backup(engine: sa.Engine, target: Path, progress: Progress) -> dict[str, int]:
    source = sqlite3.connect(_sqlite_file(engine))
    copy = sqlite3.connect(target)
    try:
        # One step: a snapshot read (in WAL mode the site keeps writing meanwhile). Copying in
        # steps would restart from the start each time the site wrote between two of them.
        source.backup(copy)
        # One self-contained file: no -wal beside it when it is opened to count or restore.
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        source.close()
        copy.close()
    # Counted in the copy itself: the live database may have moved on since.
    counted = sa.create_engine(f"sqlite:///{target}")
    try:
        with counted.connect() as conn:
            return _row_counts(conn)
    finally:
        counted.dispose()


def _postgres_backup(engine: sa.Engine, target: Path, progress: Progress) -> dict[str, int]:
    uri, env = _libpq(engine.url)
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn:
        # pg_dump reads the snapshot this transaction counts in: dump and counts agree.
        snapshot = conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar()
        tables = _row_counts(conn)
        progress("database: pg_dump running")
        _run(
            ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}", uri],
            env,
            "pg_dump",
        )
        conn.rollback()
    return tables


def _read_manifest(src: Path) -> dict:
    try:
        manifest = json.loads((src / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(f"{src} is not a foi backup: it has no {MANIFEST}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise BackupError(f"{src / MANIFEST} is damaged: {exc}") from None
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(f"{src / MANIFEST} is not a foi backup of version {VERSION}")
    return manifest


def backup_verify(src: Path, progress: Progress) -> dict:
    """Check every file of the backup at ``src`` against its manifest; return the manifest."""
    src = Path(src)
    manifest = _read_manifest(src)
    files = manifest["files"]
    on_disk = {
        p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file() and p.name != MANIFEST
    }
    if extra := sorted(on_disk - set(files)):
        raise BackupError(f"backup damaged: {extra[0]} is not in the manifest")
    for n, (name, expected) in enumerate(sorted(files.items()), 1):
        path = src / name
        if not path.is_file():
            raise BackupError(f"backup damaged: {name} is missing")
        if path.stat().st_size != expected["bytes"] or sha256_of(path) != expected["sha256"]:
            raise BackupError(f"backup damaged: {name} does not match its checksum")
        if n % 500 == 0 or n == len(files):
            progress(f"checked {n} of {len(files)} files")
    return manifest


def _refuse_unless_empty(engine: sa.Engine, stores: Stores) -> None:
    with engine.connect() as conn:
        if tables := _tables(conn):
            raise BackupError(
                f"the database is not empty (it has {len(tables)} tables, e.g. {tables[0]}); "
                "restore into a new, empty database"
            )
    for label, path in stores.items():
        if Path(path).exists() and any(Path(path).iterdir()):
            raise BackupError(f"the {label} folder {path} is not empty; restore into an empty one")


def backup_restore(*, engine: sa.Engine, stores: Stores, src: Path, progress: Progress) -> dict:
    """Restore the backup at ``src`` into an empty database and store, checking every byte.

    The backup is checked in full before anything is written; afterwards each restored file is
    checked again and the rows of every table counted against the manifest.
    """
    src = Path(src)
    manifest = backup_verify(src, progress)
    dialect = manifest["database"]["dialect"]
    if dialect != engine.dialect.name:
        raise BackupError(
            f"this backup is of a {dialect} database; the target is {engine.dialect.name}"
        )
    _refuse_unless_empty(engine, stores)
    dump = src / manifest["database"]["file"]
    progress("database: restoring")
    if dialect == "sqlite":
        _sqlite_restore(engine, dump)
    else:
        uri, env = _libpq(engine.url)
        _run(
            [
                "pg_restore",
                "--exit-on-error",
                "--single-transaction",
                "--no-owner",
                "--no-privileges",
                f"--dbname={uri}",
                str(dump),
            ],
            env,
            "pg_restore",
        )
    engine.dispose()  # connections opened before the restore must not cache the empty schema
    for label, target in stores.items():
        prefix = f"{label}/"
        names = sorted(n for n in manifest["files"] if n.startswith(prefix))
        for n, name in enumerate(names, 1):
            path = Path(target) / name[len(prefix) :]
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / name, path)
            if sha256_of(path) != manifest["files"][name]["sha256"]:
                raise BackupError(f"restored {path} does not match its checksum")
            if n % 500 == 0 or n == len(names):
                progress(f"{label}: {n} of {len(names)} files restored and checked")
    with engine.connect() as conn:
        counted = _row_counts(conn)
    if counted != manifest["tables"]:
        wrong = sorted(
            t
            for t in set(counted) | set(manifest["tables"])
            if counted.get(t) != manifest["tables"].get(t)
        )
        raise BackupError(f"restored rows do not match the manifest in: {', '.join(wrong)}")
    progress(f"database: {sum(counted.values())} rows in {len(counted)} tables match")
    return manifest


def _sqlite_restore(engine: sa.Engine, dump: Path) -> None:
    engine.dispose()
    target = _sqlite_file(engine)
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(dump)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
