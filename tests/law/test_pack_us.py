"""Worked examples for the US FOIA, 5 U.S.C. § 552(a)(6).

Due: 20 days excepting Saturdays, Sundays and legal public holidays after receipt
((a)(6)(A)(i)); +10 working days in unusual circumstances ((a)(6)(B)(i)). Counted by hand.
"""

import pytest

from foi.law import ClockEvent, calendar_for, deadlines, get_pack

from .conftest import at, day

TZ = "America/New_York"

ORDINARY = [
    ("2025-11-03T10:00", "2025-12-03", "a6Ai Veterans Day and Thanksgiving"),
    ("2025-03-03T10:00", "2025-03-31", "a6Ai daylight saving starts 9 Mar"),
    ("2025-10-24T10:00", "2025-11-24", "a6Ai daylight saving ends 2 Nov, Veterans Day"),
    ("2025-12-15T10:00", "2026-01-14", "a6Ai Christmas and New Year, year end"),
    ("2026-01-09T10:00", "2026-02-09", "a6Ai Martin Luther King Jr. Day 19 Jan 2026"),
    ("2025-06-16T10:00", "2025-07-16", "a6Ai Juneteenth and Independence Day"),
    ("2025-11-15T10:00", "2025-12-15", "a6Ai Saturday receipt"),
    ("2025-11-04T03:00Z", "2025-12-03", "a6Ai 03:00 UTC is 22:00 the day before in New York"),
    ("2025-11-26T10:00", "2025-12-26", "a6Ai Thanksgiving and Christmas"),
    ("2025-11-11T10:00", "2025-12-10", "a6Ai received on Veterans Day"),
    ("2025-08-29T10:00", "2025-09-29", "a6Ai Labor Day"),
]


@pytest.mark.parametrize("received, due, why", ORDINARY, ids=[r[2] for r in ORDINARY])
def test_twenty_working_days_after_receipt(packs, received, due, why):
    pack, cal = packs("us")
    assert deadlines(pack, cal, at(received, TZ)).due_at.date() == day(due)


def test_offsets_follow_daylight_saving(packs):
    pack, cal = packs("us")
    assert deadlines(pack, cal, at("2025-03-03T10:00", TZ)).due_at.isoformat() == (
        "2025-03-31T23:59:59-04:00"
    )
    assert deadlines(pack, cal, at("2025-10-24T10:00", TZ)).due_at.isoformat() == (
        "2025-11-24T23:59:59-05:00"
    )


def test_executive_order_closure_as_extra_day_off():
    """a6Ai: 9 Jan 2025 (national day of mourning) entered by the administrator."""
    pack = get_pack("us")
    cal = calendar_for(pack, extra_days_off={day("2025-01-09"): "National Day of Mourning"})
    assert deadlines(pack, cal, at("2025-01-06T10:00", TZ)).due_at.date() == day("2025-02-05")


EVENTS = [
    ([("extended", "2025-11-20T10:00", 10)], "2025-12-17", "a6Bi unusual circumstances +10"),
    (
        [
            ("clarification_requested", "2025-11-06T10:00", None),
            ("clarification_received", "2025-11-17T10:00", None),
        ],
        "2025-12-11",
        "a6Aii(I) tolling resumes with 17 days left",
    ),
    (
        [("transferred", "2025-03-28T10:00", None)],
        "2025-04-14",
        "a6Aii clock starts no later than 10 working days after first receipt",
    ),
    (
        [("transferred", "2025-03-05T10:00", None)],
        "2025-04-02",
        "a6Aii transfer within 10 days starts on receipt by the right component",
    ),
]


@pytest.mark.parametrize("events, due, why", EVENTS, ids=[r[2] for r in EVENTS])
def test_clock_events(packs, events, due, why):
    pack, cal = packs("us")
    received = "2025-03-03T10:00" if events[0][0] == "transferred" else "2025-11-03T10:00"
    result = deadlines(
        pack,
        cal,
        at(received, TZ),
        [ClockEvent(kind, at(when, TZ), days=n) for kind, when, n in events],
    )
    assert result.due_at.date() == day(due)


def test_no_urgent_period_in_the_statute(packs):
    from foi.law import UrgencyNotAvailable

    pack, cal = packs("us")
    with pytest.raises(UrgencyNotAvailable, match="no 'life' urgent period"):
        deadlines(pack, cal, at("2025-11-03T10:00", TZ), urgency="life")
