"""``flask foi ...`` administration commands."""

import click
from flask import Flask
from flask.cli import AppGroup

foi_cli = AppGroup("foi", help="Administer foi: demo data, users, agencies, jobs, deadlines.")


def register_cli(app: Flask) -> None:
    # The modules register their commands on foi_cli when imported.
    from foi.cli import admin, archive, backup, calendar, jobs, reports  # noqa: F401

    try:
        from foi.cli.deadline import deadline  # optional, hence the ImportError guard

        foi_cli.add_command(deadline)
    except ImportError:  # pragma: no cover - the deadline command ships with foi.law
        pass
    app.cli.add_command(foi_cli)


def fail(message: str) -> None:
    """Stop the command with one readable line and a non-zero exit."""
    raise click.ClickException(message)
