"""Commands that back the site up and restore it: ``flask foi backup DEST``, ``restore SRC``."""

from pathlib import Path

import click
from flask import current_app

from foi.cli import fail, foi_cli
from foi.models.base import utcnow
from foi.services.backup import BackupError, Stores, backup_restore, backup_write
from foi.services.db import database_engine


def _stores() -> Stores:
    config = current_app.config
    return Stores(files=Path(config["UPLOAD_DIR"]), reports=Path(config["REPORTS_DIR"]))


@foi_cli.command("backup")
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
def backup(dest):
    """Write a consistent copy of the database and the file store to the new folder DEST.

    SQLite is copied with its online backup API, PostgreSQL with pg_dump (custom format); the
    uploads and reports follow, and manifest.json lists the sha256 of every file and the rows
    of every table. The site keeps running meanwhile.
    """
    try:
        manifest = backup_write(
            engine=database_engine(), stores=_stores(), dest=dest, now=utcnow(), progress=click.echo
        )
    except BackupError as exc:
        fail(str(exc))
    click.echo(f"Backup written to {dest} ({len(manifest['files'])} files).")


@foi_cli.command("restore")
@click.argument("src", type=click.Path(exists=True, file_okay=False, path_type=Path))
def restore(src):
    """Restore the backup in SRC into an empty database and empty file folders, checking it.

    Every checksum is verified before anything is written, and the rows of every table are
    counted afterwards; a database or folder that is not empty is refused.
    """
    try:
        manifest = backup_restore(
            engine=database_engine(), stores=_stores(), src=src, progress=click.echo
        )
    except BackupError as exc:
        fail(str(exc))
    click.echo(f"Restored the backup of {manifest['created_at']}: every checksum and count match.")
