"""Requests received off-line in the figures: receipts posted in time, requests by channel."""

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest

from foi.extensions import db
from foi.models.request import CHANNELS
from foi.services import answering, offline, post_letters
from foi.services.compliance import compliance, period_of_year
from foi.services.reports import report_render
from tests.documents.factories import text_pdf
from tests.documents_web.helpers import pdf_text
from tests.factories import file_request, make_agency, make_user

SCAN = text_pdf(["Dear Tax Service, please send the school repair budget."])
# Monday 2 March 2026, 09:00 in Baku: the receipt's 24 hours end on Tuesday at 09:00.
RECEIVED = datetime(2026, 3, 2, 5, tzinfo=UTC)
LATER = date(2026, 3, 20)


@pytest.fixture
def office(app):
    agency = make_agency(slug="vergi", name_az="Vergi Xidməti", name_en="Tax Service")
    return dict(agency=agency, officer=make_user("officer", agency))


def _enter(officer, **values):
    arguments = dict(
        actor=officer,
        channel="post",
        received_at=RECEIVED,
        name="Səbinə Quliyeva",
        postal_address="Nizami küçəsi 12, Bakı AZ1000",
        subject="Məktəb təmiri",
        body="2025-ci ildə məktəblərin təmirinə xərclənən vəsait barədə məlumat verin.",
        uploads=[(io.BytesIO(SCAN), "mektub.pdf")],
        now=RECEIVED + timedelta(hours=1),
    )
    arguments.update(values)
    return offline.offline_request_record(**arguments)


def _post_receipt(officer, req, posted_on: date) -> None:
    receipt = post_letters.waiting_letters(req)[0]
    assert receipt.kind == "receipt"
    post_letters.letter_posted_record(
        actor=officer, req=req, event_id=receipt.event.id, posted_on=posted_on, today=LATER
    )


def _acknowledged(agency):
    start, end = period_of_year(2026)
    return compliance(agency, start=start, end=end, now=RECEIVED + timedelta(days=30))


def test_a_receipt_posted_by_the_end_of_its_24_hours_counts_as_acknowledged_on_time(office):
    officer = office["officer"]
    next_day, two_days_later, never = _enter(officer), _enter(officer), _enter(officer)
    _post_receipt(officer, next_day, date(2026, 3, 3))  # by Tuesday, when the 24 hours end
    _post_receipt(officer, two_days_later, date(2026, 3, 4))
    db.session.commit()
    figures = _acknowledged(office["agency"])
    assert figures.received == 3
    # Posted on the Tuesday: in time. Posted on Wednesday, or not posted at all: not.
    assert figures.acknowledged_on_time == 1
    assert post_letters.waiting_letters(never)[0].kind == "receipt"


def test_a_receipt_posted_in_time_shows_on_the_agencys_page(office, client):
    _post_receipt(office["officer"], _enter(office["officer"]), date(2026, 3, 2))
    db.session.commit()
    page = client.get("/agencies/vergi").get_data(as_text=True)
    row = page.split('data-figure="acknowledged_on_time"')[1].split("</tr>")[0]
    assert '<td class="num">1</td>' in row


# --- Requests by channel in the CSV and the annual report --------------------------------


@pytest.fixture
def mixed(office):
    """Vergi received one request online, two by post (one passed on) and one by phone."""
    other = make_agency(slug="statistika", name_az="Statistika Komitəsi", name_en="Statistics")
    officer = office["officer"]
    file_request(make_user("citizen"), office["agency"], now=RECEIVED)
    _enter(officer)
    passed_on = _enter(officer)
    _enter(officer, channel="phone", uploads=[])
    answering.request_transfer(
        actor=officer, req=passed_on, agency_id=other.id, reason="Onlarda var."
    )
    db.session.commit()
    return office["agency"], other


def test_the_statistics_csv_splits_each_agencys_requests_by_channel(mixed, client):
    response = client.get("/statistics.csv?year=2026")
    rows = {
        row["agency"]: row for row in csv.DictReader(io.StringIO(response.text.lstrip("\ufeff")))
    }
    vergi, statistika, everyone = rows["vergi"], rows["statistika"], rows[""]
    channels = [f"received_{c}" for c in CHANNELS]
    assert channels[0] == "received_online" and "received_in_person" in channels
    assert (vergi["received_online"], vergi["received_post"], vergi["received_phone"]) == (
        "1",
        "2",
        "1",
    )
    assert vergi["received_fax"] == "0"
    # The request passed on counts at both agencies, as "received" does: the split adds up.
    assert statistika["received_post"] == statistika["received"] == "1"
    for row in (vergi, statistika, everyone):
        assert sum(int(row[c]) for c in channels) == int(row["received"])
    assert everyone["received_post"] == "3"


@pytest.mark.parametrize(
    ("lang", "heading", "by_post"),
    [
        ("en", "Requests received, by how they arrived", "By post"),
        ("az", "Daxil olan sorğular, daxil olma yoluna görə", "Poçtla"),
        ("ru", "Полученные запросы по способу поступления", "По почте"),
    ],
)
def test_the_annual_report_splits_the_requests_by_channel(mixed, lang, heading, by_post):
    vergi, _other = mixed
    report = report_render(year=2026, agency=vergi, lang=lang, today=date(2027, 1, 15))
    text = " ".join(pdf_text(report.data).split())
    assert heading in text
    assert f"{by_post} 2 50" in text  # two of the four received, by post: 50 %
    country = report_render(year=2026, lang=lang, today=date(2027, 1, 15))
    assert f"{by_post} 3 60" in " ".join(pdf_text(country.data).split())  # 3 of 5, at both
