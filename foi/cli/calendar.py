"""``flask foi calendar add|remove|list``: administrators' days off and working days."""

from datetime import datetime
from zoneinfo import ZoneInfo

import click
from flask_babel import force_locale

from foi.cli import fail, foi_cli
from foi.law import get_pack, pack_codes
from foi.models.calendar import DAY_OFF, WORKING_DAY
from foi.services.calendar import (
    calendar_exception_add,
    calendar_exception_remove,
    calendar_exceptions,
)
from foi.services.errors import DomainError

# Console messages are in English, whatever the request locale would have been.
_DATE = click.DateTime(["%Y-%m-%d"])


@foi_cli.group("calendar")
def calendar_cli():
    """Add, remove or list the extra days off and working days of a law's calendar."""


def _law_option(command):
    return click.option(
        "--law",
        "law_code",
        default="az",
        show_default=True,
        help="The law whose calendar to change (az, uk, us, de, in).",
    )(command)


def _report(law_code: str, moves) -> None:
    """Print each moved deadline, before and after, in the law's own timezone."""
    tz = ZoneInfo(get_pack(law_code).timezone)
    for move in moves:
        new = move.new_due_at.astimezone(tz).isoformat() if move.new_due_at else "paused"
        click.echo(f"{move.reference}: {move.old_due_at.astimezone(tz).isoformat()} -> {new}")
    click.echo(f"{len(moves)} open deadline(s) moved.")


@calendar_cli.command("add")
@_law_option
@click.argument("day", type=_DATE)
@click.option("--working", is_flag=True, help="Make the day a working day instead of a day off.")
@click.option("--reason", default="", help="Shown in explanations, e.g. 'Election day'.")
def add(law_code: str, day: datetime, working: bool, reason: str) -> None:
    """Declare DAY (YYYY-MM-DD) a day off (or a working day) and move open deadlines."""
    with force_locale("en"):
        try:
            moves = calendar_exception_add(
                actor=None,
                law_code=law_code,
                day=day.date(),
                kind=WORKING_DAY if working else DAY_OFF,
                reason=reason,
            )
        except DomainError as exc:
            fail(str(exc))
    _report(law_code, moves)


@calendar_cli.command("remove")
@_law_option
@click.argument("day", type=_DATE)
def remove(law_code: str, day: datetime) -> None:
    """Withdraw the exception on DAY (YYYY-MM-DD) and move open deadlines back."""
    with force_locale("en"):
        try:
            moves = calendar_exception_remove(actor=None, law_code=law_code, day=day.date())
        except DomainError as exc:
            fail(str(exc))
    _report(law_code, moves)


@calendar_cli.command("list")
@_law_option
@click.option("--year", type=int, help="Only this year.")
def list_(law_code: str, year: int | None) -> None:
    """List the exceptions, one a line: date, kind, reason."""
    if law_code not in pack_codes():
        fail(f"Unknown law {law_code!r}; choose one of {', '.join(pack_codes())}.")
    for exc in calendar_exceptions(law_code, year):
        click.echo(f"{exc.day.isoformat()}\t{exc.kind}\t{exc.reason}")
