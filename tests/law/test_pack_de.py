"""Worked examples for the German IFG, § 7 Abs. 5: one month (§§ 187(1), 188(2)-(3) BGB).

A period ending on a Saturday, Sunday or nationwide public holiday ends on the next working
day (§ 31 Abs. 3 VwVfG, § 193 BGB). Counted by hand.
"""

import pytest

from foi.law import ClockEvent, ExtensionNotAllowed, calendar_for, deadlines, get_pack

from .conftest import at, day

TZ = "Europe/Berlin"

ORDINARY = [
    ("2025-11-04T10:00", "2025-12-04", "188(2) same day next month"),
    ("2025-01-31T10:00", "2025-02-28", "188(3) no 31 Feb, last day of month"),
    ("2026-01-31T10:00", "2026-03-02", "188(3) 28 Feb 2026 is Saturday, 193 to Monday"),
    ("2024-01-31T10:00", "2024-02-29", "188(3) leap year"),
    ("2025-03-03T10:00", "2025-04-03", "188(2) across the start of summer time"),
    ("2025-10-02T10:00", "2025-11-03", "193 Sunday 2 Nov, across the end of summer time"),
    ("2025-09-03T10:00", "2025-10-06", "193 German Unity Day then weekend"),
    ("2025-11-25T10:00", "2025-12-29", "193 Christmas days then weekend"),
    ("2025-12-31T10:00", "2026-02-02", "188(3) and 193 year end, 31 Jan 2026 Saturday"),
    ("2026-03-03T10:00", "2026-04-07", "193 Good Friday, weekend, Easter Monday"),
    ("2025-05-09T10:00", "2025-06-10", "193 Whit Monday"),
    ("2025-04-29T10:00", "2025-05-30", "193 Ascension Day"),
    ("2025-11-04T23:30Z", "2025-12-05", "187(1) 23:30 UTC is 00:30 next day in Berlin"),
    ("2025-05-31T10:00", "2025-06-30", "188(3) June has no 31st"),
    ("2025-04-01T10:00", "2025-05-02", "193 Labour Day"),
    ("2025-05-19T10:00", "2025-06-19", "193 Corpus Christi is regional, not moved"),
]


@pytest.mark.parametrize("received, due, why", ORDINARY, ids=[r[2] for r in ORDINARY])
def test_one_month_with_roll_forward(packs, received, due, why):
    pack, cal = packs("de")
    assert deadlines(pack, cal, at(received, TZ)).due_at.date() == day(due)


def test_summer_time_offsets(packs):
    pack, cal = packs("de")
    assert deadlines(pack, cal, at("2025-03-03T10:00", TZ)).due_at.isoformat() == (
        "2025-04-03T23:59:59+02:00"
    )
    assert deadlines(pack, cal, at("2025-10-02T10:00", TZ)).due_at.isoformat() == (
        "2025-11-03T23:59:59+01:00"
    )


def test_regional_holiday_added_by_the_administrator_rolls_forward():
    """§ 193 BGB at the place of the authority: Corpus Christi in Bavaria."""
    pack = get_pack("de")
    cal = calendar_for(pack, extra_days_off={day("2025-06-19"): "Fronleichnam (Bayern)"})
    result = deadlines(pack, cal, at("2025-05-19T10:00", TZ))
    assert result.due_at.date() == day("2025-06-20")
    assert "§ 31 Abs. 3 VwVfG" in result.article


def test_roll_forward_is_explained(packs):
    pack, cal = packs("de")
    text = deadlines(pack, cal, at("2025-09-03T10:00", TZ)).explain()
    assert "3 Oct 2025 is a day off, so the period ends on the next working day" in text


def test_the_ifg_has_no_extension(packs):
    pack, cal = packs("de")
    with pytest.raises(ExtensionNotAllowed, match="provides no extension"):
        deadlines(
            pack,
            cal,
            at("2025-11-04T10:00", TZ),
            [ClockEvent("extended", at("2025-11-10T10:00", TZ), days=5)],
        )
