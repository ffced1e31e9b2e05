"""How an agency answers, counted by the database: worked examples, checked by hand."""

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
    return {
        "agency": agency,
        "citizen": make_user("citizen"),
        "officer": make_user("officer", agency),
        "coordinator": make_user("coordinator", agency),
    }


def _request(
    people, subject: str, *, outcome: str | None = None, then: str | None = None, agency=None
):
    """File a request through the services; answer it with ``outcome``, then publish, decline
    or withdraw it as ``then`` says."""
    agency = agency or people["agency"]
    req = file_request(people["citizen"], agency, subject=subject, body=f"{subject}: məlumat.")
    officer = people["officer"] if agency is people["agency"] else make_user("officer", agency)
    if outcome:
        request_answer(
            actor=officer,
            req=req,
            outcome=outcome,
            text="Cavab.",
            grounds=["private_data"] if outcome == "refused" else [],
        )
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
    _times(
        on_time,
        datetime(2023, 2, 1, tzinfo=utc),
        datetime(2023, 2, 8, 12, tzinfo=utc),
        datetime(2023, 2, 15, tzinfo=utc),
    )  # 7.5 days
    late = _request(people, "Yoxlama aktları", outcome="refused", then="publish")
    _times(
        late,
        datetime(2023, 12, 20, tzinfo=utc),
        datetime(2024, 1, 10, tzinfo=utc),
        datetime(2024, 1, 5, tzinfo=utc),
    )  # 21 days, late
    # Answered at 23:30 UTC on New Year's Eve (already 2025 in Baku): a 2024 answer.
    new_year = _request(people, "Büdcə icrası", outcome="partial", then="publish")
    _times(
        new_year,
        datetime(2024, 12, 20, 10, tzinfo=utc),
        datetime(2024, 12, 31, 23, 30, tzinfo=utc),
        datetime(2025, 1, 10, tzinfo=utc),
    )
    # Answered while the clock was stopped (no due date): on time. Not approved, so unpublished.
    unpublished = _request(people, "Gizli borc siyahısı", outcome="given")
    _times(unpublished, datetime(2025, 3, 1, tzinfo=utc), datetime(2025, 3, 4, tzinfo=utc), None)
    # Answered exactly at the due moment: on time; publication declined.
    declined = _request(people, "Arxiv sənədləri", outcome="not_held", then="decline")
    _times(
        declined,
        datetime(2025, 6, 1, tzinfo=utc),
        datetime(2025, 6, 3, tzinfo=utc),
        datetime(2025, 6, 3, tzinfo=utc),
    )
    waiting = _request(people, "Gözləyən sorğu")
    _times(waiting, datetime(2025, 7, 1, tzinfo=utc), None, datetime(2025, 7, 20, tzinfo=utc))
    withdrawn = _request(people, "Geri götürülmüş sorğu", then="withdraw")
    _times(withdrawn, datetime(2025, 7, 2, tzinfo=utc), None, datetime(2025, 7, 21, tzinfo=utc))
    elsewhere = _request(people, "Başqa qurum", outcome="given", agency=make_agency())
    _times(
        elsewhere,
        datetime(2024, 1, 1, tzinfo=utc),
        datetime(2024, 3, 1, tzinfo=utc),
        datetime(2024, 1, 10, tzinfo=utc),
    )

    stats = agency_statistics(people["agency"])

    figures = stats.compliance
    assert (figures.received, figures.answered_on_time, figures.refused_late) == (7, 4, 1)
    assert (figures.open_overdue, figures.withdrawn, stats.published) == (1, 1, 3)
    # Four of the six due by now came on time: the one still waiting past July counts against.
    assert figures.on_time_percent == 67
    # Working days from registration day to answer day: 5, 12 (the New Year's days off
    # skipped), 7 (answered on 1 January in Baku), 2 and 2.
    assert figures.median_working_days_to_answer == 5
    none = {"given": 0, "partial": 0, "refused": 0, "not_held": 0}
    assert stats.outcomes_by_year == {
        2023: {**none, "given": 1},
        2024: {**none, "refused": 1, "partial": 1},
        2025: {**none, "given": 1, "not_held": 1},
    }
    page = client.get("/agencies/vergi").get_data(as_text=True)
    assert 'data-stat="received">7<' in page and "3 answers published" in page
    assert 'data-stat="on-time">67%<' in page and 'data-stat="overdue">1<' in page
    assert "Vergi güzəştləri" in page
    assert "Gizli borc siyahısı" not in page  # counted, never shown
    assert "Arxiv sənədləri" not in page and "Gözləyən sorğu" not in page


def test_years_are_utc_whatever_the_database_session_time_zone(people):
    req = _request(people, "Yeni il", outcome="given", then="publish")
    _times(
        req,
        datetime(2024, 12, 30, tzinfo=UTC),
        datetime(2024, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),
        None,
    )
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("SET LOCAL TIME ZONE 'Asia/Baku'"))  # 2025 there already
    try:
        assert list(agency_statistics(people["agency"]).outcomes_by_year) == [2024]
    finally:
        db.session.rollback()
