"""The public calculator answers "when must they answer?" for every law, without JavaScript."""

import pytest

from foi.law import pack_codes


def page(client, lang="en", **args):
    response = client.get(
        "/deadline-calculator", query_string=args, headers={"Accept-Language": lang}
    )
    return response.status_code, response.get_data(as_text=True)


def test_az_ordinary_request_shows_due_date_article_and_skipped_holiday(client):
    # Received Wed 18 Mar 2026: Novruz and Ramadan Bayram (20-30 Mar, with the days moved
    # by Labour Code art. 105.5) are skipped; due Tue 7 Apr (art. 24.1, 24.5).
    status, html = page(client, law="az", received="2026-03-18T10:00")
    assert status == 200
    assert "Art. 24.1, 24.5" in html
    assert "Working days counted" in html
    assert "Spring Festival" in html  # Novruz, as the holidays package names it in English
    assert "Eid al-Fitr (observed)" in html
    assert "Due: Tuesday, April 7, 2026" in html
    assert "Azerbaijan" in html or "+04" in html or "GMT+04:00" in html


def test_explanation_matches_the_cli_due_date(client, app):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from foi.law import calendar_for, deadlines, get_pack

    pack = get_pack("az")
    expected = deadlines(
        pack, calendar_for(pack), datetime(2026, 3, 18, 10, tzinfo=ZoneInfo("Asia/Baku"))
    )
    status, html = page(client, law="az", received="2026-03-18T10:00")
    for line in expected.explanation_lines("en"):
        assert f"<li>{line}</li>" in html


@pytest.mark.parametrize("lang, words", [("ru", "рабочих дней"), ("az", "iş günü")])
def test_the_explanation_is_in_the_readers_language(client, lang, words):
    _, html = page(client, lang=lang, law="az", received="2026-03-18T10:00")
    assert words in html


def test_urgent_life_period_counts_hours_on_working_days(client):
    status, html = page(client, law="az", received="2026-02-06T15:00", urgency="life")
    assert status == 200
    assert "Art. 24.3" in html
    assert "48 hours on working days" in html


def test_only_the_laws_own_urgent_periods_are_offered(client):
    _, az = page(client, law="az")
    _, uk = page(client, law="uk")
    _, india = page(client, law="in")
    assert 'value="timeliness"' in az and 'value="life"' in az
    assert 'value="life"' not in uk and 'value="timeliness"' not in uk
    assert 'value="life"' in india and 'value="timeliness"' not in india


def test_an_urgency_the_law_lacks_is_refused_next_to_the_field(client):
    status, html = page(client, law="uk", received="2026-02-06T15:00", urgency="life")
    assert status == 400
    assert 'id="urgency-error"' in html or "Not a valid choice" in html or "no such" in html


def test_extension_days_are_added_within_the_laws_ceiling(client):
    _, plain = page(client, law="us", received="2026-02-02T10:00")
    status, extended = page(client, law="us", received="2026-02-02T10:00", extend_days="10")
    assert status == 200
    assert "20 working days + 10 working days" in extended
    assert "Working days counted" in extended

    status, html = page(client, law="us", received="2026-02-02T10:00", extend_days="11")
    assert status == 400
    assert 'id="extend_days-error"' in html
    assert "from 1 to 10" in html
    assert 'value="11"' in html  # what was typed is shown again


def test_a_law_without_extensions_does_not_offer_one(client):
    _, html = page(client, law="de")
    assert 'name="extend_days"' not in html
    assert "allows no extension" in html


@pytest.mark.parametrize("bad", ["yesterday", "2026-13-40T10:00", "", "99999-01-01"])
def test_bad_dates_are_shown_again_with_the_error_next_to_the_field(client, bad):
    status, html = page(client, law="az", received=bad)
    assert status == 400
    assert 'id="received-error"' in html
    assert 'aria-invalid="true"' in html
    assert f'value="{bad}"' in html or bad == ""
    assert "There is a problem" in html


@pytest.mark.parametrize("code", pack_codes())
def test_every_law_gives_an_answer_in_its_own_timezone(client, code):
    status, html = page(client, law=code, received="2026-06-01T09:00")
    assert status == 200, html[:300]
    assert "How we counted" in html


def test_uk_due_date_is_shown_in_london_time(client):
    _, html = page(client, law="uk", received="2026-06-01T09:00")
    assert "Europe/London" in html
    assert "British Summer Time" in html or "GMT" in html or "United Kingdom" in html


def test_the_page_works_without_javascript_and_with_a_first_visit(client):
    status, html = page(client)
    assert status == 200
    assert "<script" not in html.split("</header>")[-1].split("<footer")[0]
    assert 'type="datetime-local"' in html
    assert 'method="get"' in html
