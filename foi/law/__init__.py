"""The law, as pure Python: working-day calendars, rule packs and the legal clock.

Nothing here imports Flask or SQLAlchemy or reads the current time: callers pass the law, the
calendar, the moments and "now". Typical use::

    pack = get_pack("az")
    cal = calendar_for(pack, extra_days_off={date(2026, 2, 9): "Election day"})
    result = deadlines(pack, cal, received_at, events=[ClockEvent("extended", at, days=5)])
    result.due_at, result.explain("az")
"""

from foi.law.calendar import WorkingCalendar, calendar_for
from foi.law.clock import deadlines
from foi.law.complaints import complaint_deadlines, complaint_window
from foi.law.errors import ExtensionNotAllowed, LawError, UnknownLaw, UrgencyNotAvailable
from foi.law.events import CLOCK_KINDS, EventKind
from foi.law.explain import ExplanationLine
from foi.law.packs import available_packs, get_pack, pack_codes
from foi.law.results import ClockEvent, Deadlines
from foi.law.rules import HolidaySource, OversightBody, Period, RefusalGround, RulePack

__all__ = [
    "CLOCK_KINDS",
    "ClockEvent",
    "Deadlines",
    "EventKind",
    "ExplanationLine",
    "ExtensionNotAllowed",
    "HolidaySource",
    "LawError",
    "OversightBody",
    "Period",
    "RefusalGround",
    "RulePack",
    "UnknownLaw",
    "UrgencyNotAvailable",
    "WorkingCalendar",
    "available_packs",
    "calendar_for",
    "complaint_deadlines",
    "complaint_window",
    "deadlines",
    "get_pack",
    "pack_codes",
]
