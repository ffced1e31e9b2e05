"""Working-day calendars: weekends, holidays from `holidays`, Cabinet swaps, exceptions."""

import subprocess
import sys

import pytest

from foi.law import calendar_for, get_pack

from .conftest import day


@pytest.fixture(scope="module")
def az():
    return calendar_for(get_pack("az"))


@pytest.fixture(scope="module")
def uk():
    return calendar_for(get_pack("uk"))


DAYS = [
    ("az", "2025-06-21", True, "AZ Cabinet swap: Saturday 21 Jun 2025 worked"),
    ("az", "2025-06-27", False, "AZ Cabinet swap: Friday 27 Jun 2025 off"),
    ("az", "2025-03-10", True, "AZ Cabinet swap: Monday 10 Mar 2025 worked"),
    ("az", "2024-12-29", True, "AZ Sunday 29 Dec 2024 worked"),
    ("az", "2025-01-20", False, "AZ mourning day (never moved)"),
    ("az", "2025-11-12", True, "AZ Constitution Day is a working commemoration"),
    ("az", "2025-11-10", False, "AZ LC 105.5 Victory Day moved from Saturday"),
    ("uk", "2025-07-14", False, "UK NI Battle of the Boyne observed"),
    ("uk", "2025-08-04", False, "UK Scottish summer bank holiday"),
    ("uk", "2025-03-17", False, "UK NI St Patrick's Day"),
    ("uk", "2025-11-03", True, "UK ordinary Monday"),
    ("us", "2025-11-11", False, "US Veterans Day"),
    ("us", "2025-12-24", True, "US Christmas Eve is not a legal public holiday"),
    ("de", "2025-10-03", False, "DE German Unity Day"),
    ("de", "2025-10-31", True, "DE Reformation Day is regional"),
    ("in", "2025-08-15", False, "IN Independence Day"),
]


@pytest.mark.parametrize("code, when, working, why", DAYS, ids=[d[3] for d in DAYS])
def test_is_working_day(code, when, working, why):
    assert calendar_for(get_pack(code)).is_working_day(day(when)) is working


def test_add_working_days_skips_days_off(az):
    assert az.add_working_days(day("2025-11-04"), 7) == day("2025-11-17")
    assert az.add_working_days(day("2025-11-17"), -7) == day("2025-11-04")
    assert az.add_working_days(day("2025-11-08"), 0) == day("2025-11-08")


def test_working_days_between_counts_end_not_start(az):
    assert az.working_days_between(day("2025-11-04"), day("2025-11-17")) == 7
    assert az.working_days_between(day("2025-11-17"), day("2025-11-04")) == -7


def test_days_off_between_gives_reasons_in_each_language(az):
    days = az.days_off_between(day("2025-11-08"), day("2025-11-11"))
    assert [d for d, _ in days] == [day(f"2025-11-{n:02}") for n in (8, 9, 10, 11)]
    assert days[2][1] == "Victory Day (observed)"
    assert az.days_off_between(day("2025-11-10"), day("2025-11-10"), "ru") == [
        (day("2025-11-10"), "День Победы (перенесён)")
    ]


def test_administrator_exceptions_win_over_holidays():
    pack = get_pack("az")
    cal = calendar_for(
        pack,
        extra_days_off={day("2025-11-13"): "Election day"},
        extra_working_days={day("2025-11-10")},
    )
    assert not cal.is_working_day(day("2025-11-13"))
    assert cal.is_working_day(day("2025-11-10"))
    assert cal.days_off_between(day("2025-11-13"), day("2025-11-13")) == [
        (day("2025-11-13"), "Election day")
    ]


def test_a_day_cannot_be_both_off_and_working():
    with pytest.raises(ValueError, match="both off and working"):
        calendar_for(
            get_pack("az"),
            extra_days_off={day("2025-11-13")},
            extra_working_days={day("2025-11-13")},
        )


def test_uk_working_day_is_off_in_any_part_of_the_uk(uk):
    reasons = dict(uk.days_off_between(day("2025-12-01"), day("2025-12-01")))
    assert reasons[day("2025-12-01")] == "Saint Andrew's Day (observed) (Scotland)"


def test_importing_the_law_builds_no_calendar():
    code = (
        "import foi.law, foi.law.calendar as c;"
        "foi.law.get_pack('az'); foi.law.calendar_for(foi.law.get_pack('uk'));"
        "print(c._holiday_year.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"
