"""Worked examples for the UK Freedom of Information Act 2000, s.10.

Due: the 20th working day following the date of receipt (s.10(1)); a working day excludes
weekends, Christmas Day, Good Friday and a bank holiday in any part of the UK (s.10(6)). The
day of receipt is day 0 even when it is not a working day (ICO LTT47). Counted by hand.
"""

import pytest

from foi.law import ClockEvent, deadlines

from .conftest import at, day

TZ = "Europe/London"

ORDINARY = [
    ("2025-11-03T10:00", "2025-12-02", "s10(6) St Andrew's Day observed Mon 1 Dec (Scotland)"),
    ("2025-11-01T10:00", "2025-11-28", "s10(1) Saturday receipt is day 0"),
    ("2025-06-30T10:00", "2025-07-29", "s10(6) Battle of the Boyne observed 14 Jul (NI)"),
    ("2025-07-28T10:00", "2025-08-27", "s10(6) Scottish 4 Aug and English 25 Aug"),
    ("2025-12-15T10:00", "2026-01-16", "s10(6) Christmas, Boxing Day, 1-2 Jan, year end"),
    ("2025-04-08T10:00", "2025-05-09", "s10(6) Good Friday, Easter Monday, May Day"),
    ("2025-03-14T10:00", "2025-04-14", "s10(6) St Patrick's Day 17 Mar (NI)"),
    ("2025-03-21T10:00", "2025-04-22", "s10(1) clocks go forward 30 Mar, Easter"),
    ("2025-10-06T10:00", "2025-11-03", "s10(1) clocks go back 26 Oct"),
    ("2025-06-30T23:30Z", "2025-07-30", "s10(1) 23:30 UTC is 00:30 BST on 1 Jul"),
    ("2025-05-16T10:00", "2025-06-16", "s10(6) Spring bank holiday 26 May"),
    ("2026-12-14T10:00", "2027-01-15", "s10(6) substitute Boxing Day 28 Dec, Scots 4 Jan 2027"),
    ("2026-11-20T10:00", "2026-12-21", "s10(6) St Andrew's Day Mon 30 Nov 2026"),
    ("2025-04-18T10:00", "2025-05-20", "s10(1) received on Good Friday, day 0"),
]


@pytest.mark.parametrize("received, due, why", ORDINARY, ids=[r[2] for r in ORDINARY])
def test_twentieth_working_day_following_receipt(packs, received, due, why):
    pack, cal = packs("uk")
    result = deadlines(pack, cal, at(received, TZ))
    assert result.due_at.date() == day(due)
    assert result.due_at.time().isoformat() == "23:59:59"


def test_due_date_in_summer_time_carries_the_bst_offset(packs):
    """s.10(1): received in GMT, due after the clocks go forward."""
    pack, cal = packs("uk")
    result = deadlines(pack, cal, at("2025-03-21T10:00", TZ))
    assert result.due_at.isoformat() == "2025-04-22T23:59:59+01:00"


def test_due_date_after_clocks_go_back_is_in_gmt(packs):
    pack, cal = packs("uk")
    result = deadlines(pack, cal, at("2025-10-06T10:00", TZ))
    assert result.due_at.isoformat() == "2025-11-03T23:59:59+00:00"


def test_regional_bank_holiday_is_named_with_its_region(packs):
    pack, cal = packs("uk")
    text = deadlines(pack, cal, at("2025-11-03T10:00", TZ)).explain()
    assert "1 Dec 2025 is a day off (Saint Andrew's Day (observed) (Scotland))" in text


CLOCK = [
    # s.1(3): a request for clarification; the 20 days run again from the answer.
    (
        [
            ("clarification_requested", "2025-11-05T10:00"),
            ("clarification_received", "2025-11-10T10:00"),
        ],
        "2025-12-09",
        "s1(3) clarification",
    ),
    # s.10(2): days between the fees notice and payment are not counted.
    (
        [("paused", "2025-11-07T10:00"), ("resumed", "2025-11-17T10:00")],
        "2025-12-10",
        "s10(2) fees notice then payment",
    ),
]


@pytest.mark.parametrize("events, due, why", CLOCK, ids=[r[2] for r in CLOCK])
def test_clock_stops(packs, events, due, why):
    pack, cal = packs("uk")
    result = deadlines(
        pack,
        cal,
        at("2025-11-03T10:00", TZ),
        [ClockEvent(kind, at(when, TZ)) for kind, when in events],
    )
    assert result.due_at.date() == day(due)


def test_public_interest_extension_of_20_working_days(packs):
    """s.10(3) with the ICO's 20 further working days: 2 Dec 2025 becomes 5 Jan 2026."""
    pack, cal = packs("uk")
    result = deadlines(
        pack,
        cal,
        at("2025-11-03T10:00", TZ),
        [ClockEvent("extended", at("2025-11-20T10:00", TZ), days=20)],
    )
    assert result.due_at.date() == day("2026-01-05")
    assert result.original_due_at.date() == day("2025-12-02")
    assert result.extended
