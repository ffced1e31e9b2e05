"""Commands for administrators: accounts, agencies, demo data, search index."""
import click
from sqlalchemy import func, select

from foi.cli import fail, foi_cli
from foi.extensions import db
from foi.models import InfoRequest
from foi.models.request import PUBLISHED
from foi.models.user import ROLES

# The option of create-user to correct when the service refuses a field.
_CREATE_USER_OPTIONS = {"email": "--email", "display_name": "--name", "role": "--role",
                        "agency": "--agency", "password": "--password"}


@foi_cli.command("create-user")
@click.option("--email", required=True)
@click.option("--name", "display_name", required=True)
@click.option("--role", type=click.Choice(ROLES), default="citizen", show_default=True)
@click.option("--agency", "agency_slug", help="Agency slug, for officers and coordinators.")
@click.password_option()
def create_user(email, display_name, role, agency_slug, password):
    """Create an account (confirmed) with a role."""
    from flask_babel import force_locale

    from foi.services.errors import DomainError
    from foi.services.staff import account_create

    try:
        user = account_create(email=email, display_name=display_name, role=role,
                              password=password, agency_slug=agency_slug)
    except DomainError as exc:
        option = _CREATE_USER_OPTIONS.get(exc.field)
        with force_locale("en"):  # as click's own messages and the rest of the command line
            fail(f"{option}: {exc.message}" if option else str(exc.message))
    click.echo(f"Created {user.role} {user.email}.")


@foi_cli.command("import-agencies")
@click.argument("csv_file", type=click.File("r", encoding="utf-8-sig"))
def import_agencies(csv_file):
    """Add or update agencies from a CSV file (the columns of foi/demo/agencies.csv)."""
    from foi.services.agencies import agency_import_csv
    from foi.services.errors import DomainError

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
    from foi.services.demo import demo_accounts_text, seed

    loaded = seed(count=count, echo=click.echo)
    if not loaded:
        click.echo("Demo data is already loaded.")
    click.echo(demo_accounts_text())


@foi_cli.command("reindex")
def reindex():
    """Rebuild the archive's search index from the published requests."""
    from foi.search import get_backend
    from foi.services.publishing import published_documents

    total = db.session.scalar(select(func.count(InfoRequest.id))
                              .where(InfoRequest.status == PUBLISHED))
    conn = db.session.connection()
    backend = get_backend(conn)
    with click.progressbar(length=total, label="Re-indexing") as bar:
        done = backend.reindex(
            conn, published_documents(), progress=bar.update,
            finishing=lambda: click.echo("\nBuilding and merging the index (minutes for a large"
                                         " archive)…"))
    click.echo("Updating the statistics of the query planner…")
    backend.optimize(conn)
    db.session.commit()
    click.echo(f"{done} requests indexed.")
