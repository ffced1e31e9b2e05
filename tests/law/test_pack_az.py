"""Worked examples for Azerbaijan, Law on the Right to Obtain Information (2005).

Each row was counted by hand against the 2024-2026 calendar of the `holidays` package
(Labour Code art. 105.5-105.6 moves, Cabinet swaps). Ordinary period: 7 working days counted
from the working day after registration (arts. 24.1, 24.5); a request is registered the day it
arrives (pack default).
"""

import pytest

from foi.law import calendar_for, deadlines, get_pack

from .conftest import at, day

TZ = "Asia/Baku"

ORDINARY = [
    # received, due date, why (article in the id)
    ("2025-11-04T10:00", "2025-11-17", "art24.1-24.5 Victory/Flag days observed 10-11 Nov"),
    ("2025-11-03T09:00", "2025-11-14", "art24.1 weekend and observed holidays inside"),
    ("2025-11-07T17:00", "2025-11-20", "art24.5 Friday receipt, count from Wednesday"),
    ("2025-11-08T12:00", "2025-11-20", "art24.5 Saturday receipt registered on receipt"),
    ("2025-12-24T10:00", "2026-01-07", "art24.1 year end, 31 Dec and 1-2 Jan off"),
    ("2025-03-19T10:00", "2025-04-09", "art24.1 Novruz, Cabinet swap to 27-28 Mar, Bayram"),
    ("2025-03-07T10:00", "2025-03-18", "art24.1 Mon 10 Mar 2025 made a working day"),
    ("2025-06-19T10:00", "2025-07-01", "art24.1 Sat 21 Jun 2025 is a working day"),
    ("2024-12-27T10:00", "2025-01-10", "art24.1 Sat-Sun 28-29 Dec 2024 worked, year end"),
    ("2025-01-27T10:00", "2025-02-06", "art24.1 municipal election day 29 Jan off"),
    ("2025-01-17T10:00", "2025-01-30", "art24.1 mourning day 20 Jan and election day"),
    ("2026-03-19T10:00", "2026-04-08", "art24.1 Novruz and Ramazan overlap 2026 (LC 105.6)"),
    ("2026-05-25T10:00", "2026-06-08", "art24.1 Qurban Bayrami and Independence Day 2026"),
    ("2025-11-04T21:30Z", "2025-11-18", "art24.5 21:30 UTC is 01:30 next day in Baku"),
]


@pytest.mark.parametrize("received, due, why", ORDINARY, ids=[r[2] for r in ORDINARY])
def test_ordinary_period_due_at_end_of_seventh_working_day(packs, received, due, why):
    pack, cal = packs("az")
    result = deadlines(pack, cal, at(received, TZ))
    assert result.due_at.date() == day(due)
    assert result.due_at.strftime("%H:%M:%S%z") == "23:59:59+0400"
    assert result.article == "Art. 24.1, 24.5"


def test_administrator_day_off_pushes_the_due_date():
    """Art. 24.1 with an extra rest day (e.g. a newly declared election day) on 13 Nov 2025."""
    pack = get_pack("az")
    cal = calendar_for(pack, extra_days_off={day("2025-11-13"): "Election day"})
    result = deadlines(pack, cal, at("2025-11-04T10:00", TZ))
    assert result.due_at.date() == day("2025-11-18")
    assert "Election day" in result.explain()


def test_administrator_working_saturday_counts():
    """Art. 24.1 with Sat 15 Nov 2025 made a working day by the administrator."""
    pack = get_pack("az")
    cal = calendar_for(pack, extra_working_days={day("2025-11-15")})
    result = deadlines(pack, cal, at("2025-11-04T10:00", TZ))
    assert result.due_at.date() == day("2025-11-15")


REGISTERED_NEXT_WORKING_DAY = [
    ("2025-11-08T12:00", "2025-11-21", "art24.5 Saturday receipt registered Wed 12 Nov"),
    ("2025-11-04T19:00", "2025-11-18", "art24.5 after office hours registered next day"),
    ("2025-11-04T10:00", "2025-11-17", "art24.5 within office hours, same as default"),
]


@pytest.mark.parametrize(
    "received, due, why",
    REGISTERED_NEXT_WORKING_DAY,
    ids=[r[2] for r in REGISTERED_NEXT_WORKING_DAY],
)
def test_registration_on_next_working_day_option(packs, received, due, why):
    pack, cal = packs("az")
    strict = pack.with_options(registered_on_receipt=False)
    assert deadlines(strict, cal, at(received, TZ)).due_at.date() == day(due)


URGENT = [
    ("timeliness", "2025-11-07T15:00", "2025-11-08T15:00", "art24.2 24 clock hours"),
    ("timeliness", "2025-12-31T20:00", "2026-01-01T20:00", "art24.2 holidays not skipped"),
    ("life", "2025-11-07T15:00", "2025-11-13T15:00", "art24.3 skips weekend and holidays"),
    ("life", "2025-11-08T12:00", "2025-11-14T00:00", "art24.3 Saturday receipt"),
    ("life", "2025-11-04T10:00", "2025-11-06T10:00", "art24.3 two plain working days"),
    ("life", "2025-01-28T09:00", "2025-01-31T09:00", "art24.3 voting day 29 Jan not counted"),
]


@pytest.mark.parametrize("urgency, received, due, why", URGENT, ids=[r[3] for r in URGENT])
def test_urgent_periods_are_counted_in_hours(packs, urgency, received, due, why):
    pack, cal = packs("az")
    result = deadlines(pack, cal, at(received, TZ), urgency=urgency)
    assert result.due_at == at(due, TZ)
    assert result.article == pack.urgent[urgency].article


def test_explanation_names_the_days_off_in_three_languages(packs):
    pack, cal = packs("az")
    result = deadlines(pack, cal, at("2025-11-04T10:00", TZ))
    assert result.explain("en") == (
        "7 working days from 5 Nov 2025 (Art. 24.1, 24.5); 10–11 Nov 2025 are days off "
        "(Victory Day (observed), National Flag Day (observed)); due 17 Nov 2025"
    )
    assert "10–11 noyabr 2025 istirahət günləridir" in result.explain("az")
    assert "Zəfər Günü" in result.explain("az")
    assert result.explain("ru").startswith("7 рабочих дней начиная с 5 ноября 2025")
    assert "День Победы (перенесён)" in result.explain("ru")


def test_explanation_mentions_a_working_saturday(packs):
    pack, cal = packs("az")
    text = deadlines(pack, cal, at("2025-06-19T10:00", TZ)).explain()
    assert "21 Jun 2025 is a working day" in text
    assert "26–27 Jun 2025 are days off" in text


def test_refusal_grounds_cite_articles_in_three_languages(packs):
    pack, _ = packs("az")
    private = pack.refusal_ground("private_data")
    assert private.article == "Art. 38.2"
    assert set(private.title) == {"az", "en", "ru"}
    assert "court" in pack.refusal_requirements["en"]
    assert pack.refusal_article == "Art. 21.3"
