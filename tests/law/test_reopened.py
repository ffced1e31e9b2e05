"""The oversight body reopens a request: its decision's date, or the law's period again."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from foi.law import ClockEvent, calendar_for, deadlines, get_pack

BAKU = ZoneInfo("Asia/Baku")
PACK = get_pack("az")
CAL = calendar_for(PACK)
RECEIVED = datetime(2026, 2, 2, 10, tzinfo=BAKU)  # due Wed 11 Feb (art. 24.1, 24.5)


def test_a_decision_with_a_date_sets_the_due_date_and_says_why():
    decided = datetime(2026, 2, 16, 10, tzinfo=BAKU)
    result = deadlines(
        PACK, CAL, RECEIVED, [ClockEvent("reopened", decided, until=date(2026, 2, 20))]
    )
    assert result.due_at == datetime(2026, 2, 20, 23, 59, 59, tzinfo=BAKU)
    assert "42.1.2" in result.article
    text = result.explain("en")
    assert "reopened on" in text and "the decision sets the answer for" in text
    assert "yenidən açılıb" in result.explain("az") and "вновь открыт" in result.explain("ru")


def test_a_decision_without_a_date_runs_the_whole_period_from_the_decision():
    decided = datetime(2026, 2, 16, 10, tzinfo=BAKU)  # Monday: 7 working days to Wed 25 Feb
    result = deadlines(PACK, CAL, RECEIVED, [ClockEvent("reopened", decided)])
    assert result.due_at.date() == date(2026, 2, 25)


def test_reopening_ends_a_stopped_clock():
    asked = datetime(2026, 2, 4, 10, tzinfo=BAKU)
    decided = datetime(2026, 2, 16, 10, tzinfo=BAKU)
    events = [
        ClockEvent("clarification_requested", asked),
        ClockEvent("reopened", decided, until=date(2026, 2, 23)),
    ]
    result = deadlines(PACK, CAL, RECEIVED, events)
    assert not result.paused and result.due_at.date() == date(2026, 2, 23)
