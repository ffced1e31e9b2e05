"""Commands for administrators: accounts, agencies, demo data, search index."""

import click
from flask import current_app
from flask_babel import force_locale

from foi.cli import fail, foi_cli
from foi.jobs import enqueue
from foi.models.user import ROLES
from foi.services.agencies import agency_import_csv
from foi.services.archive import published_count
from foi.services.demo import demo_accounts_text, seed
from foi.services.errors import DomainError
from foi.services.search_index import archive_reindex
from foi.services.staff import account_create

# The option of create-user to correct when the service refuses a field.
_CREATE_USER_OPTIONS = {
    "email": "--email",
    "display_name": "--name",
    "role": "--role",
    "agency": "--agency",
    "password": "--password",
}


@foi_cli.command("create-user")
@click.option("--email", required=True)
@click.option("--name", "display_name", required=True)
@click.option("--role", type=click.Choice(ROLES), default="citizen", show_default=True)
@click.option("--agency", "agency_slug", help="Agency slug, for officers and coordinators.")
@click.password_option()
def create_user(email, display_name, role, agency_slug, password):
    """Create an account (confirmed) with a role."""
    try:
        user = account_create(
            email=email,
            display_name=display_name,
            role=role,
            password=password,
            agency_slug=agency_slug,
        )
    except DomainError as exc:
        option = _CREATE_USER_OPTIONS.get(exc.field)
        with force_locale("en"):  # as click's own messages and the rest of the command line
            fail(f"{option}: {exc.message}" if option else str(exc.message))
    click.echo(f"Created {user.role} {user.email}.")


@foi_cli.command("import-agencies")
@click.argument("csv_file", type=click.File("r", encoding="utf-8-sig"))
def import_agencies(csv_file):
    """Add or update agencies from a CSV file (the columns of foi/demo/agencies.csv)."""
    with click.progressbar(length=1, label="Importing agencies") as bar:

        def progress(done, total):
            bar.length = total
            bar.update(done - bar.pos)

        try:
            created, updated = agency_import_csv(actor=None, stream=csv_file, progress=progress)
        except DomainError as exc:
            fail(str(exc.message))
    click.echo(f"{created} created, {updated} updated.")


@foi_cli.command("seed-demo")
@click.option("--requests", "count", default=200, show_default=True)
def seed_demo(count):
    """Load demo agencies, accounts and requests once (does nothing if already loaded)."""
    loaded = seed(count=count, echo=click.echo)
    if not loaded:
        click.echo("Demo data is already loaded.")
    click.echo(demo_accounts_text())


@foi_cli.command("reindex")
@click.option(
    "--queue",
    "on_queue",
    is_flag=True,
    help="Hand the work to the task queue's workers (flask foi worker) instead of doing it here.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes doing the word work of a large archive while this one reads and"
    " writes (default FOI_REINDEX_WORKERS, the number of CPUs; 0: one helper thread).",
)
def reindex(on_queue, workers):
    """Rebuild the archive's search index from the published requests.

    Runs here with a progress bar, or with --queue as a job of the task queue: its progress is
    then on the administrators' jobs page (/admin/jobs).
    """
    if on_queue:
        job = enqueue(current_app._get_current_object(), kind="reindex", args={})
        click.echo(f"Queued as job {job.id}; a worker runs it. Follow it at /admin/jobs.")
        return
    with click.progressbar(length=published_count(), label="Re-indexing") as bar:
        done = archive_reindex(
            progress=bar.update,
            finishing=lambda: click.echo(
                "\nBuilding and merging the index (minutes for a large archive)…"
            ),
            optimizing=lambda: click.echo("Updating the statistics of the query planner…"),
            workers=current_app.config["REINDEX_WORKERS"] if workers is None else workers,
        )
    click.echo(f"{done} requests indexed.")
