"""``flask foi report``: render an annual report to a PDF file, off the web request path."""

from pathlib import Path

import click

from foi.cli import fail, foi_cli
from foi.services import reports
from foi.services.errors import NotFound


@foi_cli.command("report")
@click.option("--year", type=int, required=True, help="The year of the requests, e.g. 2026.")
@click.option("--agency", "agency_slug", help="Agency slug; leave out for the whole country.")
@click.option("--lang", type=click.Choice(("az", "en", "ru")), default="az", show_default=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the PDF; default: the reports folder the site serves from.",
)
def report(year: int, agency_slug: str | None, lang: str, out: Path | None):
    """Render the annual report of one agency, or of the whole country, as a PDF."""
    if not 2000 <= year <= 2100:
        fail(f"--year {year} is not a plausible year.")
    agency = None
    if agency_slug:
        try:
            agency = reports.agency_by_slug(agency_slug)
        except NotFound:
            fail(f"No agency with slug {agency_slug!r}.")
    with click.progressbar(length=100, label=f"Annual report {year}") as bar:

        def progress(stage: str, fraction: float) -> None:
            bar.label = f"Annual report {year}: {stage}"
            bar.update(max(0, round(fraction * 100) - bar.pos))

        try:
            path = reports.report_generate(
                year=year, agency=agency, lang=lang, out=out, progress=progress
            )
        except OSError as exc:
            fail(f"Could not write the report: {exc}")
    click.echo(f"Wrote {path}")
