"""Properties that must hold for every law and every day (hypothesis)."""

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from foi.law import ClockEvent, calendar_for, deadlines, get_pack

# Laws whose due date always falls on a working day: counted in working days (az, uk, us)
# or rolled forward off days off (de). India's 30 calendar days are not moved (s.7(1)).
WORKING_DAY_LAWS = ("az", "uk", "us", "de")
ALL_LAWS = ("az", "uk", "us", "de", "in")
EXTENDABLE = {"az": 7, "uk": 20, "us": 10}

_CALENDARS = {code: (get_pack(code), calendar_for(get_pack(code))) for code in ALL_LAWS}

moments = st.datetimes(
    min_value=datetime(2020, 1, 1),
    max_value=datetime(2030, 12, 31),
    timezones=st.just(UTC),
)
settings.register_profile("law", max_examples=150, deadline=None)
settings.load_profile("law")


@given(code=st.sampled_from(WORKING_DAY_LAWS), received=moments, on_receipt=st.booleans())
def test_due_date_is_a_working_day(code, received, on_receipt):
    pack, cal = _CALENDARS[code]
    pack = pack.with_options(registered_on_receipt=on_receipt)
    due = deadlines(pack, cal, received).due_at
    assert cal.is_working_day(due.date())


@given(
    code=st.sampled_from(ALL_LAWS),
    first=moments,
    gap=st.timedeltas(min_value=timedelta(0), max_value=timedelta(40)),
    urgency=st.sampled_from([None, "life", "timeliness"]),
)
def test_later_receipt_never_gives_an_earlier_due_date(code, first, gap, urgency):
    pack, cal = _CALENDARS[code]
    if urgency is not None and urgency not in pack.urgent:
        urgency = None
    early = deadlines(pack, cal, first, urgency=urgency).due_at
    late = deadlines(pack, cal, first + gap, urgency=urgency).due_at
    assert late >= early


@given(code=st.sampled_from(sorted(EXTENDABLE)), received=moments, data=st.data())
def test_an_extension_never_shortens(code, received, data):
    pack, cal = _CALENDARS[code]
    plain = deadlines(pack, cal, received)
    small = data.draw(st.integers(1, EXTENDABLE[code]))
    large = data.draw(st.integers(small, EXTENDABLE[code]))
    when = received + timedelta(hours=1)
    one = deadlines(pack, cal, received, [ClockEvent("extended", when, days=small)])
    two = deadlines(pack, cal, received, [ClockEvent("extended", when, days=large)])
    assert plain.due_at < one.due_at <= two.due_at
    assert cal.is_working_day(two.due_at.date())


@given(
    code=st.sampled_from(ALL_LAWS),
    received=moments,
    pause_after=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20)),
    pause_for=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=30)),
    kinds=st.sampled_from(
        [("paused", "resumed"), ("clarification_requested", "clarification_received")]
    ),
    urgency=st.sampled_from([None, "life", "timeliness"]),
)
def test_pause_then_resume_never_loses_days(code, received, pause_after, pause_for, kinds, urgency):
    pack, cal = _CALENDARS[code]
    if urgency is not None and urgency not in pack.urgent:
        urgency = None
    plain = deadlines(pack, cal, received, urgency=urgency)
    stop = received + pause_after
    events = [ClockEvent(kinds[0], stop), ClockEvent(kinds[1], stop + pause_for)]
    paused = deadlines(pack, cal, received, events, urgency=urgency)
    assert paused.due_at >= plain.due_at
    assert paused.paused_working_days >= 0


@given(code=st.sampled_from(ALL_LAWS), received=moments)
def test_explanation_ends_with_the_due_date_in_every_language(code, received):
    pack, cal = _CALENDARS[code]
    result = deadlines(pack, cal, received)
    for lang in ("en", "az", "ru"):
        assert result.explain(lang)
    assert str(result.due_at.day) in result.explanation_lines("en")[-1]
