"""What goes into the legal clock (events) and what comes out of it (deadlines)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from foi.law.calendar import WorkingCalendar
from foi.law.events import CLOCK_KINDS
from foi.law.explain import ExplanationLine, render_lines

#: Event kinds the clock understands; any other kind is ignored (one list: foi.law.events).
EVENT_KINDS = CLOCK_KINDS


@dataclass(frozen=True)
class ClockEvent:
    """Something that happened to a request and may move its deadline."""

    kind: str
    at: datetime
    days: int | None = None
    until: date | None = None
    reason: str = ""


@dataclass(frozen=True)
class Deadlines:
    """The result of the clock: when the answer is due, and why."""

    due_at: datetime
    original_due_at: datetime
    extended: bool
    paused: bool
    paused_working_days: int
    article: str
    explanation: tuple[ExplanationLine, ...]
    law: str
    unit: str
    #: The registration day the current period is counted from (after any restart).
    started_on: date
    extension_working_days: int = 0
    #: The latest date extensions could still reach, or None when the law allows none.
    latest_due_at: datetime | None = None
    calendar: WorkingCalendar | None = field(default=None, repr=False, compare=False)

    def working_days_left(self, now: datetime) -> int:
        """Return working days from now's date to the due date; 0 on it, negative after it."""
        # S101 is a false positive here: narrows the type for mypy --strict; an invariant, not an
        # input check.
        assert self.calendar is not None  # noqa: S101
        today = self.calendar.local(now).date()
        return self.calendar.working_days_between(today, self.due_at.date())

    def is_overdue(self, now: datetime) -> bool:
        """Return True once the due moment has passed."""
        return utc(now) > utc(self.due_at)

    def explain(self, lang: str = "en") -> str:
        """Return how the due date was computed, in az, en or ru."""
        return render_lines(self.explanation, lang)

    def explanation_lines(self, lang: str = "en") -> list[str]:
        """Return the explanation as one text per step."""
        return [line.render(lang) for line in self.explanation]


def utc(moment: datetime) -> datetime:
    """Return an aware moment in UTC, refusing naive datetimes."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetimes given to the law engine must be timezone-aware")
    return moment.astimezone(UTC)
