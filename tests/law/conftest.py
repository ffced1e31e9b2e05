"""Helpers for the law tests: aware datetimes in a law's timezone, in one short call."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from foi.law import calendar_for, get_pack


def at(text: str, tz: str) -> datetime:
    """Return an aware datetime from 'YYYY-MM-DD[THH:MM]' (or with an offset/Z) in tz."""
    moment = datetime.fromisoformat(text)  # Python 3.11 reads a trailing Z
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))


def day(text: str) -> date:
    """Return a date from 'YYYY-MM-DD'."""
    return date.fromisoformat(text)


@pytest.fixture(scope="session")
def packs():
    """Return a function giving (pack, calendar) for a law code."""
    cache = {}

    def get(code: str):
        if code not in cache:
            pack = get_pack(code)
            cache[code] = (pack, calendar_for(pack))
        return cache[code]

    return get
