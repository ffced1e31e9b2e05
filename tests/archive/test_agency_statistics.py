"""How an agency answers, counted by the database: worked examples, checked by hand."""
import statistics
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from foi.extensions import db
from foi.services.agency_stats import agency_statistics
from foi.services.answering import request_answer
from foi.services.filing import request_withdraw
from foi.services.publishing import response_approve, response_decline
from tests.factories import file_request, make_agency, make_user

DAY = timedelta(days=1)


@pytest.fixture
def people(app):
    agency = make_agency(slug="vergi", name_az="Dövlət Vergi Xidməti", name_en="State Tax Service")
    return {"agency": agency, "citizen": make_user("citizen"),
            "officer": make_user("officer", agency),
            "coordinator": make_user("coordinator", agency)}


def _request(people, subject: str, *, outcome: str | None = None, then: str | None = None,
             agency=None):
    """File a request through the services; answer it with ``outcome``, then publish, decline
    or withdraw it as ``then`` says."""
    agency = agency or people["agency"]
    req = file_request(people["citizen"], agency, subject=subject, body=f"{subject}: məlumat.")
    officer = people["officer"] if agency is people["agency"] else make_user("officer", agency)
    if outcome:
        request_answer(actor=officer, req=req, outcome=outcome, text="Cavab.",
                       grounds=["private_data"] if outcome == "refused" else [])
    coordinator = people["coordinator"]
    if then == "publish":
        response_approve(actor=coordinator, req=req)
    elif then == "decline":
        response_decline(actor=coordinator, req=req, reason="Şəxsi məlumat var.")
    elif then == "withdraw":
        request_withdraw(requester=people["citizen"], req=req, reason="Artıq lazım deyil.")
    return req


def _times(req, received: datetime, answered: datetime | None, due: datetime | None):
    """Put the request at these moments (the services stamp the real clock)."""
    req.received_at, req.answered_at, req.due_at = received, answered, due
    db.session.commit()


def test_statistics_of_a_worked_example_over_three_years(people, client):
    utc = UTC
    on_time = _request(people, "Vergi güzəştləri", outcome="given", then="publish")
    _times(on_time, datetime(2023, 2, 1, tzinfo=utc), datetime(2023, 2, 8, 12, tzinfo=utc),
           datetime(2023, 2, 15, tzinfo=utc))                                    # 7.5 days
    late = _request(people, "Yoxlama aktları", outcome="refused", then="publish")
    _times(late, datetime(2023, 12, 20, tzinfo=utc), datetime(2024, 1, 10, tzinfo=utc),
           datetime(2024, 1, 5, tzinfo=utc))                                     # 21 days, late
    # Answered at 23:30 UTC on New Year's Eve (already 2025 in Baku): a 2024 answer.
    new_year = _request(people, "Büdcə icrası", outcome="partial", then="publish")
    _times(new_year, datetime(2024, 12, 20, 10, tzinfo=utc),
           datetime(2024, 12, 31, 23, 30, tzinfo=utc), datetime(2025, 1, 10, tzinfo=utc))
    # Answered while the clock was stopped (no due date): on time. Not approved, so unpublished.
    unpublished = _request(people, "Gizli borc siyahısı", outcome="given")
    _times(unpublished, datetime(2025, 3, 1, tzinfo=utc), datetime(2025, 3, 4, tzinfo=utc), None)
    # Answered exactly at the due moment: on time; publication declined.
    declined = _request(people, "Arxiv sənədləri", outcome="not_held", then="decline")
    _times(declined, datetime(2025, 6, 1, tzinfo=utc), datetime(2025, 6, 3, tzinfo=utc),
           datetime(2025, 6, 3, tzinfo=utc))
    waiting = _request(people, "Gözləyən sorğu")
    _times(waiting, datetime(2025, 7, 1, tzinfo=utc), None, datetime(2025, 7, 20, tzinfo=utc))
    withdrawn = _request(people, "Geri götürülmüş sorğu", then="withdraw")
    _times(withdrawn, datetime(2025, 7, 2, tzinfo=utc), None, datetime(2025, 7, 21, tzinfo=utc))
    elsewhere = _request(people, "Başqa qurum", outcome="given", agency=make_agency())
    _times(elsewhere, datetime(2024, 1, 1, tzinfo=utc), datetime(2024, 3, 1, tzinfo=utc),
           datetime(2024, 1, 10, tzinfo=utc))

    stats = agency_statistics(people["agency"])

    assert (stats.received, stats.answered, stats.answered_on_time, stats.published) == (7, 5, 4, 3)
    assert stats.on_time_percent == 80
    assert stats.median_days == 7.5  # of 2, 3, 7.5, 11.6 and 21 days
    none = {"given": 0, "partial": 0, "refused": 0, "not_held": 0}
    assert stats.outcomes_by_year == {
        2023: {**none, "given": 1},
        2024: {**none, "refused": 1, "partial": 1},
        2025: {**none, "given": 1, "not_held": 1},
    }
    page = client.get("/agencies/vergi").get_data(as_text=True)
    assert 'data-stat="received">7<' in page and 'data-stat="published">3<' in page
    assert "Vergi güzəştləri" in page
    assert "Gizli borc siyahısı" not in page  # counted, never shown
    assert "Arxiv sənədləri" not in page and "Gözləyən sorğu" not in page


def test_years_are_utc_whatever_the_database_session_time_zone(people):
    req = _request(people, "Yeni il", outcome="given", then="publish")
    _times(req, datetime(2024, 12, 30, tzinfo=UTC),
           datetime(2024, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC), None)
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("SET LOCAL TIME ZONE 'Asia/Baku'"))  # 2025 there already
    try:
        assert list(agency_statistics(people["agency"]).outcomes_by_year) == [2024]
    finally:
        db.session.rollback()


def _answered_after(people, durations: list[timedelta], *, fractions: list[int] | None = None
                    ) -> list[float]:
    """Answer one request per duration, each received a day apart at the given microseconds
    past the second; return the durations in days."""
    for k, took in enumerate(durations):
        req = _request(people, f"Sorğu {k}", outcome="given", then="publish")
        received = datetime(2025, 1, 6 + k, 9, 15, 30, (fractions or [250_000] * 9)[k], tzinfo=UTC)
        _times(req, received, received + took, None)
    return [d.total_seconds() / 86400 for d in durations]


ROUNDS_UP = timedelta(days=1.05)  # 1.05 days round to 1.1; a microsecond less, to 1.0
US = timedelta(microseconds=1)


def test_median_of_an_odd_count_is_the_middle_answer_to_the_microsecond(people):
    # The middle answer is a microsecond short of rounding up: a median found only to the
    # millisecond could take a neighbour instead.
    days = _answered_after(people, [ROUNDS_UP - 2 * US, ROUNDS_UP, ROUNDS_UP - US])
    assert round(statistics.median(days), 1) == 1.0
    assert agency_statistics(people["agency"]).median_days == 1.0


def test_median_is_exact_when_a_request_was_received_a_moment_before_a_whole_second(people):
    # Received at hh:mm:30.9996: rounding that moment to the millisecond would make the
    # second answer look a second shorter than the first, and the first the middle one.
    days = _answered_after(
        people, [ROUNDS_UP - timedelta(seconds=0.3), ROUNDS_UP + 500 * US,
                 ROUNDS_UP + timedelta(seconds=5)], fractions=[0, 999_600, 0])
    assert round(statistics.median(days), 1) == 1.1
    assert agency_statistics(people["agency"]).median_days == 1.1


def test_median_of_an_even_count_averages_the_two_middle_answers_as_python_does(people):
    # The two middle answers took 2793 and 2823 minutes: their exact mean is 1.95 days (1.9),
    # but Python's statistics.median gives 1.9500000000000002 days, which rounds to 2.0.
    minutes = [1000, 2793, 2823, 9000]
    days = _answered_after(people, [timedelta(minutes=m) for m in minutes])
    assert round(statistics.median(days), 1) == 2.0
    assert agency_statistics(people["agency"]).median_days == 2.0


def test_median_of_one_answer_is_that_answer(people):
    _answered_after(people, [timedelta(days=3, hours=12)])
    stats = agency_statistics(people["agency"])
    assert stats.median_days == 3.5 and stats.outcomes_by_year == {
        2025: {"given": 1, "partial": 0, "refused": 0, "not_held": 0}}
