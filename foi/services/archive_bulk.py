"""The nightly bulk download: the whole published archive as one gzip JSON Lines file a day.

Each line is :func:`foi.services.archive.public_record` with body, answer and files, the same
fields as the API and the CSV export give.
"""

import gzip
import json
import os
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from config import INSTANCE_DIR
from foi.extensions import db
from foi.models import InfoRequest
from foi.models.base import utcnow
from foi.services import archive
from foi.services.db import transaction
from foi.services.public_content import public_content_changed

BULK_PREFIX = "foi-archive-"
BULK_SUFFIX = ".jsonl.gz"
#: Nightly files kept beside the newest one.
BULK_KEEP = 7


def bulk_directory() -> Path:
    """Return the folder of the nightly bulk files (``BULK_DIR``, default ``instance/bulk``)."""
    return Path(current_app.config.get("BULK_DIR") or Path(INSTANCE_DIR) / "bulk")


def bulk_path(day: date, directory: Path | None = None) -> Path:
    """Return the path of the bulk file of ``day``."""
    return (directory or bulk_directory()) / f"{BULK_PREFIX}{day.isoformat()}{BULK_SUFFIX}"


def bulk_files(directory: Path | None = None) -> list[Path]:
    """Return the finished bulk files, newest first."""
    directory = directory or bulk_directory()
    if not directory.is_dir():
        return []
    return sorted(directory.glob(f"{BULK_PREFIX}*{BULK_SUFFIX}"), reverse=True)


def bulk_latest(directory: Path | None = None) -> Path | None:
    """Return the newest finished bulk file, or None before the first export."""
    files = bulk_files(directory)
    return files[0] if files else None


def archive_export(
    *,
    directory: Path | None = None,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
    batch: int = 500,
) -> Path:
    """Write the whole published archive as gzip JSON Lines; return the file's path.

    One :func:`public_record` (with body, answer and files) per line, oldest first. The file
    is written under a temporary name and renamed when complete, so a reader never sees half a
    file; running twice on one day replaces that day's file. ``progress`` gets batch sizes.
    """
    today = today or utcnow().date()
    target = bulk_path(today, directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Per process and thread: two workers may write the same day's file at once.
    partial = target.parent / f".{target.name}.{os.getpid()}.{threading.get_ident()}.part"
    try:
        # Its own session: a long export expunges as it goes without detaching the caller's rows.
        with (
            Session(db.engine) as session,
            gzip.open(partial, "wt", encoding="utf-8", newline="\n") as out,
        ):
            last_id = 0
            while True:
                rows = session.scalars(
                    select(InfoRequest)
                    .where(InfoRequest.is_public, InfoRequest.id > last_id)
                    .order_by(InfoRequest.id)
                    .limit(batch)
                    .options(*archive.RECORD_LOADS)
                ).all()
                if not rows:
                    break
                for req in rows:
                    out.write(
                        json.dumps(archive.public_record(req, full=True), ensure_ascii=False) + "\n"
                    )
                last_id = rows[-1].id
                session.expunge_all()
                if progress is not None:
                    progress(len(rows))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    with transaction():  # the data page names the newest file: kept copies of it are old now
        public_content_changed()
    return target


def bulk_prune(directory: Path | None = None, keep: int = BULK_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` bulk files; return what was deleted."""
    old = bulk_files(directory)[keep:]
    for path in old:
        path.unlink(missing_ok=True)
    return old
