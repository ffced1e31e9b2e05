"""The public deadline calculator: its form, and the answer put into words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from wtforms import Form, HiddenField, IntegerField, RadioField, StringField
from wtforms.validators import NumberRange, Optional

from foi.law import (
    ClockEvent,
    Deadlines,
    ExtensionNotAllowed,
    RulePack,
    UrgencyNotAvailable,
    deadlines,
)
from foi.law.calendar import WorkingCalendar
from foi.services.law_messages import law_message

URGENCY_CHOICES = {
    "life": _l("A person's life, health or liberty is at stake"),
    "timeliness": _l("The information would lose its value if late"),
}
RECEIVED_FORMATS = ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")


class CalculatorForm(Form):
    """Read from the query string: a GET form that anyone can bookmark or share."""

    law = HiddenField()
    received = StringField(
        _l("Received on"),
        description=_l("Date and time in the law's own timezone, e.g. 2026-11-27T10:00."),
    )
    urgency = RadioField(_l("Urgency"), default="", validators=[Optional()])
    extend_days = IntegerField(
        _l("Extension in working days (optional)"), validators=[Optional(), NumberRange(min=1)]
    )


def calculator_form(args, pack: RulePack) -> CalculatorForm:
    """Build the form for one law: only the urgent periods that law has are offered."""
    form = CalculatorForm(args)
    form.law.data = pack.code
    form.urgency.choices = [("", _l("Ordinary request"))] + [
        (code, f"{URGENCY_CHOICES.get(code, code)} ({period_text(pack.urgent[code])})")
        for code in pack.urgencies
    ]
    if pack.max_extension_working_days:
        form.extend_days.validators = [
            Optional(),
            NumberRange(
                min=1,
                max=pack.max_extension_working_days,
                message=_l(
                    "Enter a whole number from 1 to %(max)d.", max=pack.max_extension_working_days
                ),
            ),
        ]
    else:
        del form.extend_days
    return form


def period_text(period) -> str:
    """Say a period in words: "7 working days", "24 hours", "1 month"."""
    n = period.amount
    return {
        "working_days": ngettext("%(num)d working day", "%(num)d working days", n),
        "days": ngettext("%(num)d day", "%(num)d days", n),
        "months": ngettext("%(num)d month", "%(num)d months", n),
        "hours": ngettext("%(num)d hour", "%(num)d hours", n),
        "working_hours": ngettext(
            "%(num)d hour on working days", "%(num)d hours on working days", n
        ),
    }[period.unit]


def parse_received(text: str, tz: str) -> datetime | None:
    """Read a local date-time (or an ISO 8601 one with an offset); None if it is not one."""
    text = (text or "").strip()
    for fmt in RECEIVED_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=ZoneInfo(tz))
        except ValueError:
            continue
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))


@dataclass
class Answer:
    """What the page shows once the form is valid."""

    result: Deadlines
    due_text: str
    period: str
    counted: int | None  # working days counted, for working-day periods
    skipped: list[tuple[str, str]]  # (date, why) for holidays and other non-weekend days off
    lines: list[str]


def calculate(
    form: CalculatorForm, pack: RulePack, cal: WorkingCalendar, lang: str
) -> Answer | None:
    """Validate the form and compute the deadline; put any error next to its field."""
    if not form.validate():
        return None
    received = parse_received(form.received.data, pack.timezone)
    if received is None:
        form.received.errors = [_l("Enter a date and time such as 2026-11-27T10:00.")]
        return None
    if not 1900 <= received.year <= 2100:
        form.received.errors = [_l("Enter a year between 1900 and 2100.")]
        return None
    urgency = form.urgency.data or None
    days = form.extend_days.data if "extend_days" in form else None
    events = [ClockEvent("extended", received, days=days)] if days else []
    try:
        result = deadlines(pack, cal, received, events, urgency=urgency)
    except UrgencyNotAvailable:
        form.urgency.errors = [_l("This law has no such urgent period.")]
        return None
    except ExtensionNotAllowed as exc:
        form.extend_days.errors = [law_message(exc)]
        return None
    period = pack.urgent[urgency] if urgency else pack.response
    tz = ZoneInfo(pack.timezone)
    start = received.astimezone(tz).date()
    end = result.due_at.astimezone(tz).date()
    counted = (
        cal.working_days_between(result.started_on, end) if period.unit == "working_days" else None
    )
    return Answer(
        result=result,
        due_text=format_datetime(result.due_at, "full", tzinfo=tz, locale=lang),
        period=period_text(period)
        + (" + " + period_text(type(period)(days, "working_days", "")) if days else ""),
        counted=counted,
        skipped=[
            (format_date(d, "full", locale=lang), why)
            for d, why in holidays_between(cal, start, end, lang)
        ],
        lines=result.explanation_lines(lang),
    )


def holidays_between(
    cal: WorkingCalendar, start: date, end: date, lang: str
) -> list[tuple[date, str]]:
    """Return the days off other than the ordinary weekend from start to end inclusive."""
    return [
        (d, why) for d, why in cal.days_off_between(start, end, lang) if cal.is_public_holiday(d)
    ]
