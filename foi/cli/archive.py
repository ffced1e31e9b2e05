"""``flask foi export-archive``: write the bulk download of the published archive now."""

from datetime import date
from pathlib import Path

import click

from foi.cli import fail, foi_cli
from foi.services.archive import published_count
from foi.services.archive_bulk import archive_export, bulk_prune


@foi_cli.command("export-archive")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write to (default: BULK_DIR, else instance/bulk).",
)
@click.option("--date", "day", help="Date in the file name (YYYY-MM-DD; default today, UTC).")
@click.option("--keep", default=7, show_default=True, help="Older files to keep beside it.")
def export_archive(directory: Path | None, day: str | None, keep: int):
    """Write the whole published archive as gzip JSON Lines, as the nightly job does."""
    try:
        today = date.fromisoformat(day) if day else None
    except ValueError:
        fail(f"--date: {day!r} is not a date such as 2026-11-27")
    if keep < 0:
        fail("--keep: give 0 or more files to keep")
    total = published_count()
    with click.progressbar(length=total, label="Exporting published requests") as bar:
        path = archive_export(directory=directory, today=today, progress=bar.update)
    removed = bulk_prune(directory or path.parent, keep=keep + 1)
    click.echo(
        f"Wrote {total} requests to {path} ({path.stat().st_size:,} bytes)"
        + (f"; removed {len(removed)} older files" if removed else "")
    )
