"""The legal clock under Azerbaijani law: pauses, restarts, extensions, transfers, complaints.

Received Tue 4 Nov 2025 10:00 Baku: ordinarily due Mon 17 Nov 2025 (arts. 24.1, 24.5), with
Mon-Tue 10-11 Nov off (Victory Day and Flag Day observed). Counted by hand.
"""

from datetime import date

import pytest

from foi.law import (
    ClockEvent,
    ExtensionNotAllowed,
    complaint_deadlines,
    complaint_window,
    deadlines,
)

from .conftest import at, day

TZ = "Asia/Baku"
RECEIVED = "2025-11-04T10:00"


def event(kind, when, **kw):
    return ClockEvent(kind, at(when, TZ), **kw)


def run(packs, events=(), **kw):
    pack, cal = packs("az")
    return deadlines(pack, cal, at(RECEIVED, TZ), events, **kw)


CASES = [
    ([event("extended", "2025-11-10T10:00", days=7)], "2025-11-26", "art25 full 7 days"),
    (
        [
            event("extended", "2025-11-10T10:00", days=3),
            event("extended", "2025-11-14T10:00", days=4),
        ],
        "2025-11-26",
        "art25 two extensions",
    ),
    (
        [event("extended", "2025-11-10T10:00", until=date(2025, 11, 20))],
        "2025-11-20",
        "art25 extension to a date",
    ),
    (
        [event("extended", "2025-11-10T10:00", until=date(2025, 11, 22))],
        "2025-11-21",
        "art25 extension to a Saturday stops on the Friday",
    ),
    (
        [
            event("clarification_requested", "2025-11-06T10:00"),
            event("clarification_received", "2025-11-14T10:00"),
        ],
        "2025-11-25",
        "art24.4-24.6 corrected request restarts 7 days",
    ),
    (
        [event("paused", "2025-11-06T10:00"), event("resumed", "2025-11-14T10:00")],
        "2025-11-21",
        "generic pause keeps the 5 days left",
    ),
    (
        [event("transferred", "2025-11-13T10:00")],
        "2025-11-24",
        "art23.1 competent holder's own 7 days",
    ),
    (
        [
            event("paused", "2025-11-06T10:00"),
            event("extended", "2025-11-07T10:00", days=2),
            event("resumed", "2025-11-14T10:00"),
        ],
        "2025-11-25",
        "art25 extension while stopped adds to the 5 days left",
    ),
    ([event("resumed", "2025-11-06T10:00")], "2025-11-17", "resume without pause ignored"),
    ([event("unknown_kind", "2025-11-06T10:00")], "2025-11-17", "unknown kinds ignored"),
    (
        [event("paused", "2025-11-18T10:00"), event("resumed", "2025-11-25T10:00")],
        "2025-11-17",
        "a pause after the due date changes nothing",
    ),
]


@pytest.mark.parametrize("events, due, why", CASES, ids=[c[2] for c in CASES])
def test_events_move_the_due_date(packs, events, due, why):
    assert run(packs, events).due_at.date() == day(due)


def test_extension_is_flagged_with_its_article(packs):
    result = run(packs, [event("extended", "2025-11-10T10:00", days=7)])
    assert result.extended
    assert result.original_due_at.date() == day("2025-11-17")
    assert result.article == "Art. 25"
    assert result.extension_working_days == 7
    assert "extended by 7 working days to 26 Nov 2025 (Art. 25)" in result.explain()


def test_extension_beyond_seven_working_days_is_refused(packs):
    with pytest.raises(ExtensionNotAllowed) as caught:
        run(
            packs,
            [
                event("extended", "2025-11-10T10:00", days=5),
                event("extended", "2025-11-12T10:00", days=3),
            ],
        )
    assert str(caught.value) == (
        "Art. 25 allows at most 7 working days of extension in all (until 26 Nov 2025); "
        "3 asked, 2 still possible."
    )


def test_extension_after_the_due_date_is_refused(packs):
    with pytest.raises(ExtensionNotAllowed, match="already ended on 17 Nov 2025"):
        run(packs, [event("extended", "2025-11-18T10:00", days=2)])


def test_extension_to_an_earlier_date_is_refused(packs):
    with pytest.raises(ExtensionNotAllowed, match="must move the due date"):
        run(packs, [event("extended", "2025-11-10T10:00", until=date(2025, 11, 14))])


def test_refused_extension_is_explained_instead_when_not_strict(packs):
    result = run(packs, [event("extended", "2025-11-10T10:00", days=9)], strict=False)
    assert result.due_at.date() == day("2025-11-17")
    assert not result.extended
    assert "extension (9 working days) ignored: beyond what the law allows" in result.explain()


def test_extension_of_an_urgent_period_is_refused(packs):
    with pytest.raises(ExtensionNotAllowed):
        run(packs, [event("extended", "2025-11-04T12:00", days=1)], urgency="life")


def test_pending_clarification_projects_a_fresh_period_from_now(packs):
    """Art. 24.6: while the corrected request is awaited, 7 days would start again."""
    result = run(
        packs,
        [event("clarification_requested", "2025-11-06T10:00")],
        now=at("2025-11-20T09:00", TZ),
    )
    assert result.paused
    assert result.due_at.date() == day("2025-12-01")
    # 7, 12, 13, 14, 17, 18, 19, 20 Nov: eight working days with the clock stopped.
    assert result.paused_working_days == 8
    assert "the clock is stopped since 6 Nov 2025" in result.explain()


def test_pending_generic_pause_without_now_resumes_at_once(packs):
    result = run(packs, [event("paused", "2025-11-06T10:00")])
    assert result.paused
    assert result.due_at.date() == day("2025-11-17")


def test_paused_days_are_counted(packs):
    result = run(packs, [event("paused", "2025-11-06T10:00"), event("resumed", "2025-11-14")])
    assert result.paused_working_days == 4  # 7, 12, 13, 14 Nov
    assert not result.paused


def test_late_clarification_request_is_flagged(packs):
    """Art. 24.4: what is missing must be pointed out within 5 working days (by 13 Nov)."""
    result = run(packs, [event("clarification_requested", "2025-11-14T10:00")])
    assert "request for details on 14 Nov 2025 came after the 5 working days allowed" in (
        result.explain()
    )


def test_urgent_pause_keeps_hours_left(packs):
    result = run(
        packs,
        [event("paused", "2025-11-05T10:00"), event("resumed", "2025-11-06T10:00")],
        urgency="life",
    )
    assert result.due_at == at("2025-11-07T10:00", TZ)


def test_working_days_left_and_overdue(packs):
    result = run(packs)
    assert result.working_days_left(at("2025-11-04T12:00", TZ)) == 7
    assert result.working_days_left(at("2025-11-12T08:00", TZ)) == 3
    assert result.working_days_left(at("2025-11-17T08:00", TZ)) == 0
    assert result.working_days_left(at("2025-11-19T08:00", TZ)) == -2
    assert not result.is_overdue(at("2025-11-17T23:59", TZ))
    assert result.is_overdue(at("2025-11-18T00:00", TZ))
    # The same moment in another timezone gives the same answer.
    assert result.is_overdue(at("2025-11-17T20:00Z", TZ))


def test_naive_datetimes_are_refused(packs):
    from datetime import datetime

    pack, cal = packs("az")
    with pytest.raises(ValueError, match="timezone-aware"):
        deadlines(pack, cal, datetime(2025, 11, 4, 10))


def test_ombudsman_complaint_clock(packs):
    """Constitutional Law on the Ombudsman art. 13-1.1: 10 working days, +10 with notice."""
    pack, cal = packs("az")
    plain = complaint_deadlines(pack, cal, at(RECEIVED, TZ))
    longer = complaint_deadlines(pack, cal, at(RECEIVED, TZ), extended=True)
    assert plain.due_at.date() == day("2025-11-20")
    assert longer.due_at.date() == day("2025-12-04")
    assert longer.extended and longer.original_due_at == plain.due_at
    assert "13-1.1" in longer.article


def test_complaint_to_the_ombudsman_within_a_year(packs):
    pack, cal = packs("az")
    assert complaint_window(pack, cal, at(RECEIVED, TZ)).due_at.date() == day("2026-11-04")


def test_latest_extension_date_is_reported(packs):
    assert run(packs).latest_due_at.date() == day("2025-11-26")
