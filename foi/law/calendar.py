"""Working-day calendars: weekends, public holidays and an administrator's exceptions."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from foi.law.holiday_names import russian_name
from foi.law.rules import HolidaySource, RulePack

LANGUAGES = ("en", "az", "ru")

Reason = Mapping[str, str]

_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "az": ("bazar ertəsi", "çərşənbə axşamı", "çərşənbə", "cümə axşamı", "cümə", "şənbə", "bazar"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
}
_ADMIN_DAY_OFF = {
    "en": "day off set by the administrator",
    "az": "inzibatçının təyin etdiyi istirahət günü",
    "ru": "выходной, установленный администратором",
}
# A search for the next working day gives up after this many days: no calendar closes for years.
_MAX_SEARCH_DAYS = 3660


@dataclass(frozen=True)
class _Year:
    """The public holidays of one year, named in every language, and weekend days worked."""

    days_off: Mapping[date, Reason]
    working_weekend_days: frozenset[date]


@functools.lru_cache(maxsize=512)
def _holiday_year(source: HolidaySource, year: int) -> _Year:
    """Build one year of holidays from the `holidays` package, merging subdivisions."""
    import holidays  # imported here so that importing foi.law stays cheap

    # Neighbouring years too: a Cabinet swap or an observed day can cross the new year.
    years = (year - 1, year, year + 1)
    names: dict[date, dict[str, list[str]]] = {}
    present: dict[date, set[str | None]] = {}
    working_weekend: set[date] = set()
    for lang in LANGUAGES:
        package_lang = source.languages.get(lang)
        if package_lang is None:
            continue
        for subdivision in source.subdivisions:
            calendar = holidays.country_holidays(
                source.country,
                subdiv=subdivision,
                years=years,
                categories=source.categories,
                language=package_lang,
            )
            for day, name in calendar.items():
                if day.year != year:
                    continue
                present.setdefault(day, set()).add(subdivision)
                listed = names.setdefault(day, {}).setdefault(lang, [])
                if name not in listed:
                    listed.append(name)
            working_weekend.update(
                d for d in getattr(calendar, "weekend_workdays", ()) if d.year == year
            )
    days_off: dict[date, Reason] = {}
    for day, by_lang in names.items():
        region = ""
        if len(present[day]) < len(source.subdivisions):
            region = ", ".join(
                source.subdivision_names.get(s or "", s or "")
                for s in sorted(present[day], key=lambda s: s or "")
            )
        reason = {}
        english = "; ".join(by_lang["en"])
        for lang in LANGUAGES:
            if lang in by_lang:
                text = "; ".join(by_lang[lang])
            elif lang == "ru":
                text = russian_name(english)
            else:
                text = english
            reason[lang] = f"{text} ({region})" if region else text
        days_off[day] = reason
    return _Year(days_off=days_off, working_weekend_days=frozenset(working_weekend - set(names)))


def _as_reasons(days: Iterable[date] | Mapping[date, str]) -> dict[date, Reason]:
    if isinstance(days, Mapping):
        return {
            d: ({lang: str(text) for lang in LANGUAGES} if text else _ADMIN_DAY_OFF)
            for d, text in days.items()
        }
    return {d: _ADMIN_DAY_OFF for d in days}


class WorkingCalendar:
    """Tell working days from days off for one jurisdiction.

    A day is off when the administrator said so; otherwise it is a working day when the
    administrator made it one; otherwise public holidays are off, and the weekend is off unless
    the government made that weekend day a working day (AZ Cabinet swaps). Holidays are built
    lazily, one year at a time, and cached.
    """

    def __init__(
        self,
        source: HolidaySource,
        tz: str,
        *,
        weekend: Iterable[int] = (5, 6),
        extra_days_off: Iterable[date] | Mapping[date, str] = frozenset(),
        extra_working_days: Iterable[date] = frozenset(),
    ) -> None:
        self.source = source
        self.tz = ZoneInfo(tz)
        self.weekend = frozenset(weekend)
        self.extra_days_off = _as_reasons(extra_days_off)
        self.extra_working_days = frozenset(extra_working_days)
        both = self.extra_working_days & set(self.extra_days_off)
        if both:
            raise ValueError(f"days both off and working: {sorted(both)}")

    def _year(self, year: int) -> _Year:
        return _holiday_year(self.source, year)

    def day_off_reason(self, day: date) -> Reason | None:
        """Return why a day is off, in every language, or None for a working day."""
        if day in self.extra_days_off:
            return self.extra_days_off[day]
        if day in self.extra_working_days:
            return None
        year = self._year(day.year)
        if day in year.days_off:
            return year.days_off[day]
        if day.weekday() in self.weekend and day not in year.working_weekend_days:
            return {lang: names[day.weekday()] for lang, names in _WEEKDAYS.items()}
        return None

    def is_working_day(self, day: date) -> bool:
        """Return True if public bodies work on this day."""
        return self.day_off_reason(day) is None

    def is_public_holiday(self, day: date) -> bool:
        """Return True if the day is off for a reason other than the ordinary weekend."""
        if day in self.extra_days_off:
            return True
        return day not in self.extra_working_days and day in self._year(day.year).days_off

    def is_working_weekend_day(self, day: date) -> bool:
        """Return True if a weekend day was made a working day."""
        return day.weekday() in self.weekend and self.is_working_day(day)

    def next_working_day(self, day: date) -> date:
        """Return the first working day strictly after the day."""
        return self.add_working_days(day, 1)

    def working_day_on_or_after(self, day: date) -> date:
        """Return the day itself if it is a working day, else the next working day."""
        return day if self.is_working_day(day) else self.next_working_day(day)

    def add_working_days(self, day: date, n: int) -> date:
        """Return the n-th working day after the day (before it when n is negative).

        The day itself is never counted, as in "the 20th working day following the date of
        receipt" (UK FOIA s.10(1)) and "from the working day after registration" (AZ art. 24.5).
        With n == 0 the day itself is returned.
        """
        step = 1 if n >= 0 else -1
        remaining = abs(n)
        current = day
        searched = 0
        while remaining:
            current += timedelta(days=step)
            searched += 1
            if searched > _MAX_SEARCH_DAYS:
                raise ValueError("no working day within ten years; check the calendar")
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Return the working days in (start, end], negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count

    def days_off_between(self, start: date, end: date, lang: str = "en") -> list[tuple[date, str]]:
        """Return the days off from start to end inclusive, each with why, in the language."""
        result = []
        current = start
        while current <= end:
            reason = self.day_off_reason(current)
            if reason is not None:
                result.append((current, reason.get(lang, reason["en"])))
            current += timedelta(days=1)
        return result

    def local(self, moment: datetime) -> datetime:
        """Return an aware moment in the calendar's timezone; refuse naive datetimes."""
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("datetimes given to the law engine must be timezone-aware")
        return moment.astimezone(self.tz)

    def start_of_day(self, day: date) -> datetime:
        """Return local midnight at the start of the day, as an aware datetime."""
        return datetime(day.year, day.month, day.day, tzinfo=self.tz)

    def end_of_day(self, day: date) -> datetime:
        """Return 23:59:59 local time on the day: the last moment of a due day."""
        return datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=self.tz)

    def add_working_hours(self, start: datetime, hours: timedelta) -> datetime:
        """Return the moment when this much time has run on working days only (AZ art. 24.3).

        Hours are elapsed time, so a daylight-saving change is counted as it happens.
        """
        moment = self.local(start).astimezone(UTC)
        remaining = hours
        for _ in range(_MAX_SEARCH_DAYS):
            local_day = moment.astimezone(self.tz).date()
            day_end = self.start_of_day(local_day + timedelta(days=1)).astimezone(UTC)
            if self.is_working_day(local_day):
                available = day_end - moment
                if remaining <= available:
                    return (moment + remaining).astimezone(self.tz)
                remaining -= available
            moment = day_end
        raise ValueError("no working time within ten years; check the calendar")

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Return the time from start to end that falls on working days."""
        moment = self.local(start).astimezone(UTC)
        end_utc = self.local(end).astimezone(UTC)
        total = timedelta(0)
        while moment < end_utc:
            local_day = moment.astimezone(self.tz).date()
            day_end = self.start_of_day(local_day + timedelta(days=1)).astimezone(UTC)
            stop = min(day_end, end_utc)
            if self.is_working_day(local_day):
                total += stop - moment
            moment = stop
        return total


def calendar_for(
    pack: RulePack,
    extra_days_off: Iterable[date] | Mapping[date, str] = frozenset(),
    extra_working_days: Iterable[date] = frozenset(),
) -> WorkingCalendar:
    """Return the working-day calendar of a law, with an administrator's exceptions on top.

    `extra_days_off` may map each date to the reason shown in explanations (e.g. an election).
    """
    return WorkingCalendar(
        pack.holidays,
        pack.timezone,
        weekend=pack.weekend,
        extra_days_off=extra_days_off,
        extra_working_days=extra_working_days,
    )
