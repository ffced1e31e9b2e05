"""Dates, numbers and plural forms are written the way each language writes them."""

from datetime import UTC, date, datetime

import pytest
from flask import render_template_string
from flask_babel import force_locale, ngettext


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("az", "27 noyabr 2026"),
        ("en", "27 November 2026"),
        ("ru", "27 ноября 2026"),
    ],
)
def test_date_filter_writes_the_month_in_the_language(app, lang, expected):
    with app.test_request_context(), force_locale(lang):
        assert expected in render_template_string("{{ d|date('long') }}", d=date(2026, 11, 27))


def test_datetime_filter_shows_baku_time(app):
    moment = datetime(2026, 11, 27, 6, 30, tzinfo=UTC)  # 10:30 in Baku (UTC+4)
    with app.test_request_context(), force_locale("az"):
        assert "10:30" in render_template_string("{{ t|datetime('short') }}", t=moment)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("az", "1.234.567,5"),
        ("en", "1,234,567.5"),
        ("ru", "1\xa0234\xa0567,5"),
    ],
)
def test_number_filter_groups_digits_per_language(app, lang, expected):
    with app.test_request_context(), force_locale(lang):
        assert render_template_string("{{ n|number }}", n=1234567.5) == expected


@pytest.mark.parametrize(
    ("num", "expected"),
    [
        (1, "остался 1 рабочий день"),
        (3, "осталось 3 рабочих дня"),
        (5, "осталось 5 рабочих дней"),
        (21, "остался 21 рабочий день"),
        (22, "осталось 22 рабочих дня"),
        (11, "осталось 11 рабочих дней"),
    ],
)
def test_russian_uses_three_plural_forms(app, num, expected):
    with app.test_request_context(), force_locale("ru"):
        assert (
            ngettext("due in %(num)d working day", "due in %(num)d working days", num) == expected
        )


def test_azerbaijani_counts_with_the_singular_noun(app):
    with app.test_request_context(), force_locale("az"):
        assert (
            ngettext("due in %(num)d working day", "due in %(num)d working days", 3)
            == "3 iş günü qalıb"
        )
