"""The legal clock: when a holder must answer, given the law, the calendar and what happened."""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from foi.law.calendar import Reason, WorkingCalendar
from foi.law.errors import ExtensionNotAllowed, UrgencyNotAvailable
from foi.law.events import CLOCK_KINDS, EventKind
from foi.law.explain import DaysOff, ExplanationLine, Quantity, Word, format_date
from foi.law.results import EVENT_KINDS, ClockEvent, Deadlines
from foi.law.results import utc as _utc
from foi.law.rules import Period, RulePack

__all__ = [
    "CLOCK_KINDS",
    "EVENT_KINDS",
    "ClockEvent",
    "EventKind",
    "Deadlines",
    "add_months",
    "deadlines",
]


def add_months(day: date, months: int) -> date:
    """Return the day with the same number `months` later, or that month's last day.

    BGB §188(2): a period in months ends on the day of the later month that corresponds to
    the day of the event; §188(3): if that day does not exist, on the month's last day.
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


class _Clock:
    """The mutable state of one clock while events are replayed in order."""

    def __init__(self, pack: RulePack, cal: WorkingCalendar, period: Period, strict: bool):
        self.pack = pack
        self.cal = cal
        self.period = period
        self.strict = strict
        self.lines: list[ExplanationLine] = []
        self.article = period.article
        self.extension_days = 0
        self.paused_working_days = 0
        self.paused_since: datetime | None = None
        self.remaining: int | timedelta = 0
        self.pause_effect = "resume"
        # The day the request was first registered on; run_clock sets it after the first start.
        self.first_registered: date

    # -- counting -----------------------------------------------------------------------

    @property
    def in_hours(self) -> bool:
        return self.period.unit in ("hours", "working_hours")

    def _register(self, moment: datetime) -> date:
        """Return the registration day of a request received at the moment (AZ art. 24.5)."""
        local = self.cal.local(moment)
        day = local.date()
        if self.pack.registered_on_receipt or self.in_hours:
            return day
        if self.cal.is_working_day(day) and local.time() < self.pack.office_closes_at:
            return day
        registered = self.cal.next_working_day(day)
        self.lines.append(
            ExplanationLine(
                "registered_later",
                {"on": registered, "article": self.pack.registration_article or self.article},
            )
        )
        return registered

    def _skipped(self, after: date, until: date) -> None:
        """Explain the holidays and worked weekend days inside a working-day count."""
        off: list[tuple[date, Reason]] = []
        worked: list[date] = []
        day = after + timedelta(days=1)
        while day <= until:
            weekend = day.weekday() in self.cal.weekend
            # A public holiday always has a reason; None only comes for an ordinary working day.
            reason = None if weekend else self.cal.day_off_reason(day)
            if reason is not None and self.cal.is_public_holiday(day):
                off.append((day, reason))
            elif weekend and self.cal.is_working_day(day):
                worked.append(day)
            day += timedelta(days=1)
        if off:
            self.lines.append(ExplanationLine("days_off", {"days": DaysOff(tuple(off))}))
        if worked:
            self.lines.append(ExplanationLine("working_weekend", {"days": tuple(worked)}))

    def _roll_forward(self, day: date) -> date:
        """Move a calendar period's last day off to the next working day (BGB §193)."""
        if not self.pack.roll_forward or self.cal.is_working_day(day):
            return day
        moved = self.cal.working_day_on_or_after(day)
        self.lines.append(
            ExplanationLine(
                "rolled_forward", {"day": day, "article": self.pack.roll_forward_article}
            )
        )
        self.article = f"{self.period.article}; {self.pack.roll_forward_article}"
        return moved

    def start(self, moment: datetime, registered: date | None = None) -> None:
        """Start the whole period from a receipt (or a restart, or a transfer)."""
        self.article = self.period.article
        self.extension_days = 0
        self.paused_since = None
        unit, n = self.period.unit, self.period.amount
        local = self.cal.local(moment)
        if unit == "hours":
            self.due = (_utc(moment) + timedelta(hours=n)).astimezone(self.cal.tz)
            self.lines.append(
                ExplanationLine(
                    "count",
                    {"quantity": Quantity(n, unit), "start": local, "article": self.article},
                )
            )
        elif unit == "working_hours":
            self.due = self.cal.add_working_hours(moment, timedelta(hours=n))
            self.lines.append(
                ExplanationLine(
                    "count_working_hours",
                    {"quantity": Quantity(n, unit), "start": local, "article": self.article},
                )
            )
            self._skipped(local.date() - timedelta(days=1), self.due.date())
        else:
            registered = registered or self._register(moment)
            self.started_on = registered
            if unit == "working_days":
                due_day = self.cal.add_working_days(registered, n)
                self.lines.append(
                    ExplanationLine(
                        "count",
                        {
                            "quantity": Quantity(n, unit),
                            "start": self.cal.next_working_day(registered),
                            "article": self.article,
                        },
                    )
                )
                self._skipped(registered, due_day)
            else:
                if unit == "days":
                    due_day = registered + timedelta(days=n)
                else:
                    due_day = add_months(registered, n)
                self.lines.append(
                    ExplanationLine(
                        "count",
                        {
                            "quantity": Quantity(n, unit),
                            "start": registered,
                            "article": self.article,
                        },
                    )
                )
                due_day = self._roll_forward(due_day)
            self.due = self.cal.end_of_day(due_day)
        if self.in_hours:
            self.started_on = local.date()
        self.original_due = self.due

    def _remaining_at(self, moment: datetime) -> int | timedelta:
        """Return what is left of the period at the moment the clock stops."""
        unit = self.period.unit
        if unit == "working_days":
            return max(
                0, self.cal.working_days_between(self.cal.local(moment).date(), self.due.date())
            )
        if unit in ("days", "months"):
            return max(0, (self.due.date() - self.cal.local(moment).date()).days)
        if unit == "hours":
            return max(timedelta(0), _utc(self.due) - _utc(moment))
        return self.cal.working_time_between(moment, self.due)

    def _due_after(self, moment: datetime, remaining: int | timedelta, explain: bool) -> datetime:
        """Return the due moment when what was left starts running again at the moment."""
        unit = self.period.unit
        day = self.cal.local(moment).date()
        if unit == "working_days":
            # S101 is a false positive here: narrows the type for mypy --strict; an invariant, not
            # an input check.
            assert isinstance(remaining, int)  # noqa: S101
            if remaining:
                due_day = self.cal.add_working_days(day, remaining)
            else:
                due_day = self.cal.working_day_on_or_after(day)
            if explain:
                self._skipped(day, due_day)
            return self.cal.end_of_day(due_day)
        if unit in ("days", "months"):
            # S101 is a false positive here: narrows the type for mypy --strict; an invariant, not
            # an input check.
            assert isinstance(remaining, int)  # noqa: S101
            return self.cal.end_of_day(self._roll_forward(day + timedelta(days=remaining)))
        # S101 is a false positive here: narrows the type for mypy --strict; an invariant, not an
        # input check.
        assert isinstance(remaining, timedelta)  # noqa: S101
        if unit == "hours":
            return (_utc(moment) + remaining).astimezone(self.cal.tz)
        return self.cal.add_working_hours(moment, remaining)

    def _left(self, remaining: int | timedelta) -> Quantity:
        unit = "days" if self.period.unit == "months" else self.period.unit
        return Quantity(remaining, unit)

    def _when(self, moment: datetime) -> date | datetime:
        local = self.cal.local(moment)
        return local if self.in_hours else local.date()

    # -- events -------------------------------------------------------------------------

    def _check_late(self, event: ClockEvent, limit: Period | None, what: str) -> None:
        """Note an act done after the time the law gives for it (e.g. AZ arts. 23.1, 24.4)."""
        if limit is None or limit.unit not in ("working_days", "days"):
            return
        if limit.unit == "working_days":
            last = self.cal.add_working_days(self.started_on, limit.amount)
        else:
            last = self.started_on + timedelta(days=limit.amount)
        if self.cal.local(event.at).date() > last:
            self.lines.append(
                ExplanationLine(
                    "late",
                    {
                        "what": Word(what),
                        "at": self._when(event.at),
                        "quantity": Quantity(limit.amount, limit.unit),
                        "article": limit.article,
                    },
                )
            )

    def pause(self, event: ClockEvent, effect: str, word: str, article: str) -> None:
        """Stop the clock, keeping what is left of the period."""
        if self.paused_since is not None:
            return
        if _utc(event.at) > _utc(self.due):
            self.lines.append(ExplanationLine("pause_too_late", {"at": self._when(event.at)}))
            return
        self.paused_since = event.at
        self.pause_effect = effect
        self.remaining = self._remaining_at(event.at)
        self.lines.append(
            ExplanationLine(
                "paused",
                {
                    "at": self._when(event.at),
                    "reason": event.reason or Word(word),
                    "article": article or self.period.article,
                },
            )
        )

    def resume(self, event: ClockEvent) -> None:
        """Run the clock again: from scratch after a corrected request, else what was left."""
        if self.paused_since is None:
            return
        since, at = self.cal.local(self.paused_since), self.cal.local(event.at)
        if _utc(at) < _utc(since):
            at = since
        self.paused_working_days += max(0, self.cal.working_days_between(since.date(), at.date()))
        if self.pause_effect == "restart" and event.kind == EventKind.CLARIFICATION_RECEIVED:
            self.lines.append(
                ExplanationLine(
                    "restarted",
                    {
                        "at": self._when(at),
                        "reason": Word("clarification_received"),
                        "article": self.pack.clarification_effect_article or self.period.article,
                    },
                )
            )
            self.start(at)
            return
        self.paused_since = None
        self.lines.append(
            ExplanationLine(
                "resumed", {"at": self._when(at), "quantity": self._left(self.remaining)}
            )
        )
        self.due = self._due_after(at, self.remaining, explain=True)

    def _refuse(self, message: str, target: object, why: str, **details: object) -> None:
        to = Quantity(target, "working_days") if isinstance(target, int) else target
        if self.strict:
            raise ExtensionNotAllowed(message, why, **details)
        self.lines.append(ExplanationLine("extension_refused", {"to": to, "why": Word(why)}))

    def extend(self, event: ClockEvent) -> None:
        """Extend by working days or to a date, within the law's ceiling (e.g. AZ art. 25)."""
        ceiling = self.pack.extension
        target = event.until or event.days
        if ceiling is None or ceiling.unit != "working_days" or self.in_hours:
            name = self.pack.name.get("en", self.pack.code)
            return self._refuse(
                f"{name} provides no extension of this period.",
                target,
                "no_extension",
                law=self.pack.code,
            )
        if self.paused_since is None and _utc(event.at) > _utc(self.due):
            return self._refuse(
                f"The period already ended on {format_date(self.due.date())}; it can no longer "
                "be extended.",
                target,
                "after_due",
                due=self.due.date(),
            )
        if event.until is not None:
            if self.paused_since is not None:
                return self._refuse(
                    "While the clock is stopped, extend by a number of working days, not to a "
                    "date.",
                    target,
                    "not_later",
                )
            days = self.cal.working_days_between(self.due.date(), event.until)
        else:
            days = event.days or 0
        if days <= 0:
            return self._refuse(
                f"An extension must move the due date ({format_date(self.due.date())}) later.",
                target,
                "not_later",
                due=self.due.date(),
            )
        if self.extension_days + days > ceiling.amount:
            allowed = ceiling.amount - self.extension_days
            latest = self.cal.add_working_days(self.original_due.date(), ceiling.amount)
            return self._refuse(
                f"{ceiling.article} allows at most {ceiling.amount} working days of extension "
                f"in all (until {format_date(latest)}); {days} asked, {allowed} still possible.",
                target,
                "beyond_ceiling",
                article=ceiling.article,
                ceiling=ceiling.amount,
                allowed=allowed,
                latest=latest,
            )
        self.extension_days += days
        self.article = ceiling.article
        if self.paused_since is not None:
            # S101 is a false positive here: narrows the type for mypy --strict; an invariant, not
            # an input check.
            assert isinstance(self.remaining, int)  # noqa: S101
            self.remaining += days
            self.lines.append(
                ExplanationLine(
                    "extended_while_paused",
                    {"quantity": Quantity(days, "working_days"), "article": ceiling.article},
                )
            )
            return
        old = self.due.date()
        self.due = self.cal.end_of_day(self.cal.add_working_days(old, days))
        self.lines.append(
            ExplanationLine(
                "extended",
                {
                    "quantity": Quantity(days, "working_days"),
                    "to": self.due.date(),
                    "article": ceiling.article,
                },
            )
        )
        self._skipped(old, self.due.date())

    def transfer(self, event: ClockEvent) -> None:
        """Start the competent holder's own period (AZ art. 23.1; US (a)(6)(A)(ii))."""
        if not self.in_hours:
            self._check_late(event, self.pack.transfer, "transfer")
        self.paused_since = None
        article = self.pack.transfer_article or self.period.article
        self.lines.append(
            ExplanationLine("transferred", {"at": self._when(event.at), "article": article})
        )
        cap = self.pack.transfer_start_cap
        if cap is not None and not self.in_hours:
            latest = self.cal.add_working_days(self.first_registered, cap.amount)
            if self.cal.local(event.at).date() > latest:
                self.lines.append(
                    ExplanationLine("start_capped", {"on": latest, "article": cap.article})
                )
                self.start(event.at, registered=latest)
                return
        self.start(event.at)

    def reopen(self, event: ClockEvent) -> None:
        """Run again as the oversight body decided: to the date it set, or the whole period.

        An upheld complaint obliges the holder to answer (AZ art. 42.1.2 with the
        Constitutional Law on the Ombudsman): the decision names a date, or the law's own
        period runs again from the decision, as from a new registration.
        """
        article = self.pack.oversight.article
        self.lines.append(
            ExplanationLine("reopened", {"at": self._when(event.at), "article": article})
        )
        if event.until is None:
            self.start(event.at)
            return
        self.article = article
        self.extension_days = 0
        self.paused_since = None
        self.due = self.cal.end_of_day(event.until)
        self.original_due = self.due
        self.lines.append(
            ExplanationLine("reopened_until", {"on": event.until, "article": article})
        )

    def apply(self, event: ClockEvent) -> None:
        """Apply one event; kinds the clock does not know are ignored."""
        pack = self.pack
        if event.kind == EventKind.CLARIFICATION_REQUESTED:
            if self.paused_since is None and not self.in_hours:
                self._check_late(event, pack.clarification, "clarification_request")
            article = (
                pack.clarification.article
                if pack.clarification
                else pack.clarification_effect_article
            )
            self.pause(event, pack.clarification_effect, "clarification", article)
        elif event.kind in (EventKind.CLARIFICATION_RECEIVED, EventKind.RESUMED):
            self.resume(event)
        elif event.kind == EventKind.PAUSED:
            self.pause(event, "resume", "paused", pack.pause_article)
        elif event.kind == EventKind.EXTENDED:
            self.extend(event)
        elif event.kind == EventKind.TRANSFERRED:
            self.transfer(event)
        elif event.kind == EventKind.REOPENED:
            self.reopen(event)


def run_clock(
    pack: RulePack,
    cal: WorkingCalendar,
    period: Period,
    received_at: datetime,
    events: Sequence[ClockEvent],
    now: datetime | None,
    strict: bool,
) -> Deadlines:
    """Replay the events on one period's clock; shared by the request and complaint clocks."""
    clock = _Clock(pack, cal, period, strict)
    clock.start(received_at)
    clock.first_registered = clock.started_on
    start = _utc(received_at)
    for event in sorted(events, key=lambda e: _utc(e.at)):
        if _utc(event.at) < start:
            # An event before receipt cannot act on this clock; treat it as at receipt.
            event = ClockEvent(event.kind, received_at, event.days, event.until, event.reason)
        clock.apply(event)
    paused = clock.paused_since is not None
    if paused:
        # S101 is a false positive here: narrows the type for mypy --strict; an invariant, not an
        # input check.
        assert clock.paused_since is not None  # noqa: S101
        since = clock.paused_since
        resume_at = since
        if now is not None and _utc(now) > _utc(since):
            resume_at = now
            clock.paused_working_days += max(
                0, cal.working_days_between(cal.local(since).date(), cal.local(now).date())
            )
        if clock.pause_effect == "restart":
            # A corrected request will start the whole period again (AZ art. 24.6).
            fresh = _Clock(pack, cal, period, strict)
            fresh.start(resume_at)
            clock.due = fresh.due
            left = Quantity(period.amount, period.unit)
        else:
            clock.due = clock._due_after(resume_at, clock.remaining, explain=False)
            left = clock._left(clock.remaining)
        clock.lines.append(
            ExplanationLine("still_paused", {"at": clock._when(since), "quantity": left})
        )
    due = cal.local(clock.due)
    clock.lines.append(ExplanationLine("due", {"at": due if clock.in_hours else due.date()}))
    latest = None
    if pack.extension is not None and pack.extension.unit == "working_days" and not clock.in_hours:
        latest = cal.end_of_day(
            cal.add_working_days(clock.original_due.date(), pack.extension.amount)
        )
    return Deadlines(
        due_at=due,
        original_due_at=cal.local(clock.original_due),
        extended=clock.extension_days > 0,
        paused=paused,
        paused_working_days=clock.paused_working_days,
        article=clock.article,
        explanation=tuple(clock.lines),
        law=pack.code,
        unit=period.unit,
        started_on=clock.started_on,
        extension_working_days=clock.extension_days,
        latest_due_at=latest,
        calendar=cal,
    )


def deadlines(
    pack: RulePack,
    cal: WorkingCalendar,
    received_at: datetime,
    events: Sequence[ClockEvent] = (),
    urgency: str | None = None,
    now: datetime | None = None,
    *,
    strict: bool = True,
) -> Deadlines:
    """Return when a holder must answer a request received at `received_at`.

    The ordinary period is the pack's (AZ art. 24.1 with 24.5: 7 working days from the
    working day after registration); `urgency` "timeliness" (AZ art. 24.2) or "life" (AZ
    art. 24.3, IN s.7(1) proviso) selects the law's hour-based period. Events are replayed in
    time order. While the clock is stopped, `due_at` is the date it would reach if it ran
    again at `now` (or at once, without `now`). With `strict`, an extension the law does not
    allow raises ExtensionNotAllowed; without it, the extension is ignored and explained, so
    that stored histories can always be recomputed.
    """
    if urgency is None:
        period = pack.response
    elif urgency in pack.urgent:
        period = pack.urgent[urgency]
    else:
        name = pack.name.get("en", pack.code)
        offered = ", ".join(pack.urgent) or "none"
        raise UrgencyNotAvailable(
            f"{name} has no {urgency!r} urgent period (available: {offered}).",
            params={"law": pack.code, "urgency": urgency, "offered": tuple(pack.urgent)},
        )
    return run_clock(pack, cal, period, received_at, events, now, strict)
