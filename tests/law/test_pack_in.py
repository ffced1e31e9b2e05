"""Worked examples for India's Right to Information Act 2005, s.7(1).

Due: 30 days from receipt, the day of receipt excluded (General Clauses Act s.9); 48 hours
where the information concerns the life or liberty of a person (proviso). The Act moves no
deadline off a holiday (see docs/law.md). Counted by hand.
"""

import pytest

from foi.law import ClockEvent, complaint_deadlines, complaint_window, deadlines

from .conftest import at, day

TZ = "Asia/Kolkata"

ORDINARY = [
    ("2025-11-04T10:00", "2025-12-04", "s7(1) thirty days"),
    ("2025-11-02T10:00", "2025-12-02", "s7(1) Sunday receipt"),
    ("2025-12-02T10:00", "2026-01-01", "s7(1) year end"),
    ("2026-01-30T10:00", "2026-03-01", "s7(1) February, due on a Sunday, not moved"),
    ("2024-01-30T10:00", "2024-02-29", "s7(1) leap year"),
    ("2025-07-16T10:00", "2025-08-15", "s7(1) due on Independence Day, not moved"),
    ("2025-12-27T10:00", "2026-01-26", "s7(1) due on Republic Day, not moved"),
    ("2025-12-31T18:00Z", "2026-01-30", "s7(1) 18:00 UTC is 23:30 IST 31 Dec"),
    ("2025-03-31T10:00", "2025-04-30", "s7(1) month end"),
]


@pytest.mark.parametrize("received, due, why", ORDINARY, ids=[r[2] for r in ORDINARY])
def test_thirty_days_from_receipt(packs, received, due, why):
    pack, cal = packs("in")
    assert deadlines(pack, cal, at(received, TZ)).due_at.date() == day(due)


LIFE = [
    ("2025-11-07T15:00", "2025-11-09T15:00", "s7(1) proviso 48 clock hours over a weekend"),
    ("2025-11-04T20:00Z", "2025-11-07T01:30", "s7(1) proviso from 01:30 IST"),
]


@pytest.mark.parametrize("received, due, why", LIFE, ids=[r[2] for r in LIFE])
def test_life_or_liberty_within_48_hours(packs, received, due, why):
    pack, cal = packs("in")
    assert deadlines(pack, cal, at(received, TZ), urgency="life").due_at == at(due, TZ)


EVENTS = [
    ([("transferred", "2025-11-07T10:00")], "2025-12-07", "s6(3) transferee's 30 days"),
    ([("transferred", "2025-11-11T10:00")], "2025-12-11", "s6(3) late transfer"),
    (
        [("paused", "2025-11-10T10:00"), ("resumed", "2025-11-17T10:00")],
        "2025-12-10",
        "s7(3)(a) fee intimation to payment excluded",
    ),
]


@pytest.mark.parametrize("events, due, why", EVENTS, ids=[r[2] for r in EVENTS])
def test_clock_events(packs, events, due, why):
    pack, cal = packs("in")
    result = deadlines(
        pack,
        cal,
        at("2025-11-03T10:00", TZ),
        [ClockEvent(kind, at(when, TZ)) for kind, when in events],
    )
    assert result.due_at.date() == day(due)


def test_late_transfer_is_flagged(packs):
    pack, cal = packs("in")
    result = deadlines(
        pack,
        cal,
        at("2025-11-03T10:00", TZ),
        [ClockEvent("transferred", at("2025-11-11T10:00", TZ))],
    )
    assert "transfer on 11 Nov 2025 came after the 5 days allowed (RTI Act 2005 s.6(3))" in (
        result.explain()
    )


def test_first_appeal_30_days_or_45_with_reasons(packs):
    """s.19(6): 30 days, extendable to 45 in all."""
    pack, cal = packs("in")
    assert complaint_deadlines(pack, cal, at("2025-11-04T10:00", TZ)).due_at.date() == (
        day("2025-12-04")
    )
    assert complaint_deadlines(
        pack, cal, at("2025-11-04T10:00", TZ), extended=True
    ).due_at.date() == day("2025-12-19")


def test_first_appeal_must_be_lodged_within_30_days(packs):
    """s.19(1): 30 days from the decision or from the expiry of the period."""
    pack, cal = packs("in")
    assert complaint_window(pack, cal, at("2025-12-04T10:00", TZ)).due_at.date() == (
        day("2026-01-03")
    )
