"""``flask foi deadline``: compute a statutory deadline from the command line."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import click

from foi.law import (
    ClockEvent,
    ExtensionNotAllowed,
    UrgencyNotAvailable,
    calendar_for,
    deadlines,
    get_pack,
    pack_codes,
)


def _parse_received(value: str, tz: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO 8601 date-time such as 2025-11-04T10:00.",
            param_hint="'--received'",
        ) from None
    if moment.tzinfo is None:
        # A bare time is read as the law's own local time.
        moment = moment.replace(tzinfo=ZoneInfo(tz))
    return moment


@click.command("deadline")
@click.option(
    "--law",
    "law_code",
    type=click.Choice(pack_codes(), case_sensitive=False),
    default="az",
    show_default=True,
    help="The law whose deadline to compute.",
)
@click.option(
    "--received",
    required=True,
    metavar="DATETIME",
    help="When the request was received, ISO 8601; without an offset, the law's local time.",
)
@click.option(
    "--urgent",
    type=click.Choice(["life", "timeliness"]),
    help="The law's shortened period for a threat to life or liberty, or for "
    "information that would lose its timeliness.",
)
@click.option(
    "--extend-days",
    type=click.IntRange(min=1),
    metavar="N",
    help="Extend the period by N working days (within the law's ceiling).",
)
@click.option(
    "--day-off",
    "days_off",
    multiple=True,
    type=click.DateTime(["%Y-%m-%d"]),
    help="An extra day off, e.g. an election day (repeatable).",
)
@click.option(
    "--lang",
    type=click.Choice(["az", "en", "ru"]),
    default="en",
    show_default=True,
    help="Language of the explanation.",
)
def deadline(
    law_code: str,
    received: str,
    urgent: str | None,
    extend_days: int | None,
    days_off: tuple[datetime, ...],
    lang: str,
) -> None:
    """Print how the deadline is computed, then the due date-time alone on the last line."""
    pack = get_pack(law_code)
    received_at = _parse_received(received, pack.timezone)
    extra: frozenset[date] = frozenset(d.date() for d in days_off)
    cal = calendar_for(pack, extra_days_off=extra)
    events = [ClockEvent("extended", received_at, days=extend_days)] if extend_days else []
    try:
        result = deadlines(pack, cal, received_at, events, urgency=urgent)
    except UrgencyNotAvailable as error:
        raise click.BadParameter(str(error), param_hint="'--urgent'") from None
    except ExtensionNotAllowed as error:
        raise click.BadParameter(str(error), param_hint="'--extend-days'") from None
    for line in result.explanation_lines(lang):
        click.echo(line)
    click.echo(result.due_at.isoformat())
