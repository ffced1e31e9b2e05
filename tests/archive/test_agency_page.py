"""An agency's public page: its published answers, how it answers, a chart with a table."""

from datetime import UTC, datetime, timedelta

import pytest

from foi.extensions import db
from foi.services.agency_stats import agency_statistics
from tests.archive.seed import build_archive


@pytest.fixture
def archive(app):
    return build_archive()


def _set_times(req, received, answered, due):
    req.received_at, req.answered_at, req.due_at = received, answered, due
    db.session.commit()


def test_statistics_count_received_on_time_median_and_outcomes_by_year(archive):
    tax = archive.agency
    first, second = archive.published[0], archive.published[1]
    late = archive.unpublished
    day = timedelta(days=1)
    _set_times(
        first,
        datetime(2024, 3, 1, tzinfo=UTC),
        datetime(2024, 3, 5, tzinfo=UTC),
        datetime(2024, 3, 12, tzinfo=UTC),
    )
    _set_times(
        second,
        datetime(2025, 6, 1, tzinfo=UTC),
        datetime(2025, 6, 11, tzinfo=UTC),
        datetime(2025, 6, 10, tzinfo=UTC),
    )
    _set_times(
        late,
        datetime(2025, 7, 1, tzinfo=UTC),
        datetime(2025, 7, 1, tzinfo=UTC) + 6 * day,
        datetime(2025, 7, 10, tzinfo=UTC),
    )

    stats = agency_statistics(tax)
    figures = stats.compliance
    assert figures.received == 3 and stats.published == 2
    assert (figures.answered_on_time, figures.answered_late) == (2, 1)
    assert figures.on_time_percent == 67
    assert figures.median_working_days_to_answer == 4  # 3, 4 and 8 working days
    assert stats.outcomes_by_year == {
        2024: {"given": 1, "partial": 0, "refused": 0, "not_held": 0},
        2025: {"given": 1, "partial": 1, "refused": 0, "not_held": 0},
    }


def test_agency_without_answers_has_no_percentages(app):
    from tests.factories import make_agency

    figures = agency_statistics(make_agency()).compliance
    assert figures.received == 0 and figures.on_time_percent is None
    assert figures.median_working_days_to_answer is None


def test_agency_page_shows_statistics_chart_and_table_alternative(archive, client):
    page = client.get(f"/agencies/{archive.agency.slug}").get_data(as_text=True)
    assert 'data-stat="received">3<' in page
    assert "2 answers published" in page
    assert "<svg" in page and 'role="img"' in page
    assert "<table" in page and "<caption>" in page  # the same figures for screen readers
    assert "Vergi güzəştləri 2025" in page and "Şəhər büdcəsi" in page
    assert "Məktəb təmiri" not in page  # another agency's answer
    assert f'href="/archive/feed.atom?agency={archive.agency.id}"' in page


def test_agency_page_without_answers_has_no_chart(app, client):
    from tests.factories import make_agency

    agency = make_agency(slug="bos")
    page = client.get("/agencies/bos").get_data(as_text=True)
    assert "<svg viewBox" not in page and 'data-stat="received">0<' in page
    assert agency.name_az in page or agency.name_en in page


def test_an_agency_with_a_request_overdue_for_weeks_is_not_shown_answering_on_time(app, client):
    """It used to say "100% answered on time": only answers were counted, never the unanswered."""
    from foi.law import calendar_for, get_pack
    from foi.services import answering
    from tests.factories import file_request, make_agency, make_user

    agency = make_agency(slug="gecikir", name_en="Slow Agency")
    officer, citizen = make_user("officer", agency), make_user("citizen")
    answered = file_request(citizen, agency, subject="Cavablanmış sorğu")
    answering.request_answer(actor=officer, req=answered, outcome="given", text="Budur.")
    forgotten = file_request(citizen, agency, subject="Unudulmuş sorğu")
    # Its 7 working days ran out 30 working days ago, and nobody answered.
    calendar = calendar_for(get_pack("az"))
    today = calendar.local(datetime.now(UTC)).date()
    due_day = today
    while calendar.working_days_between(due_day, today) < 30:
        due_day -= timedelta(days=1)
    forgotten.due_at = datetime.combine(due_day, datetime.max.time(), tzinfo=UTC) - timedelta(
        hours=6
    )
    forgotten.received_at = forgotten.due_at - timedelta(days=10)
    db.session.commit()

    page = client.get("/agencies/gecikir").get_data(as_text=True)
    assert 'data-stat="on-time">50%<' in page
    assert 'data-stat="on-time">100%<' not in page
    assert 'data-stat="overdue">1<' in page
    assert "Still open, overdue" in page and "How these figures are counted" in page


def test_the_page_reads_the_schedulers_count_and_says_when_it_was_made(archive, client, app):
    """Counting an agency's requests grows with the archive: the page shows the last count."""
    from foi.extensions import cache
    from foi.jobs.sweeps import sweep_statistics
    from tests.factories import file_request

    slug, counted = archive.agency.slug, datetime(2026, 12, 3, 8, 30, tzinfo=UTC)
    assert sweep_statistics(app, counted) == 2  # both agencies, counted for the first time
    assert sweep_statistics(app, counted + timedelta(minutes=5)) == 0  # not yet stale
    file_request(archive.citizen, archive.agency, subject="Yeni sorğu")
    db.session.commit()

    page = client.get(f"/agencies/{slug}").get_data(as_text=True)
    assert 'data-stat="received">3<' in page  # the new request waits for the next count
    assert "2 answers published" in page
    assert "Counted 03/12/2026, 12:30." in page  # Asia/Baku, the reader's format

    later = counted + timedelta(seconds=app.config["STATISTICS_SECONDS"])
    assert sweep_statistics(app, later) == 2
    cache.clear()  # a kept copy of the page lives PAGE_CACHE_SECONDS (a minute) at most
    page = client.get(f"/agencies/{slug}").get_data(as_text=True)
    assert 'data-stat="received">4<' in page and "Counted 03/12/2026, 12:40." in page


def test_a_count_kept_gives_back_the_figures_counted(archive, app):
    from foi.services.agency_stats import agency_figures, agency_figures_refresh

    late = archive.unpublished
    _set_times(
        late,
        datetime(2025, 7, 1, tzinfo=UTC),
        datetime(2025, 7, 9, tzinfo=UTC),
        datetime(2025, 7, 5, tzinfo=UTC),
    )
    counted = datetime(2026, 12, 3, 8, 30, tzinfo=UTC)
    agency_figures_refresh(now=counted, max_age=timedelta(minutes=10))
    db.session.expire_all()

    assert agency_figures(archive.agency) == (
        agency_statistics(archive.agency, now=counted),
        counted,
    )
