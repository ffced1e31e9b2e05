"""Requests received off-line in the figures: receipts posted in time, requests by channel."""

import io
from datetime import UTC, date, datetime, timedelta

import pytest

from foi.extensions import db
from foi.services import offline
from foi.services.compliance import compliance, period_of_year
from tests.documents.factories import text_pdf
from tests.factories import make_agency, make_user

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
    receipt = offline.waiting_letters(req)[0]
    assert receipt.kind == "receipt"
    offline.letter_posted_record(
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
    assert offline.waiting_letters(never)[0].kind == "receipt"


def test_a_receipt_posted_in_time_shows_on_the_agencys_page(office, client):
    _post_receipt(office["officer"], _enter(office["officer"]), date(2026, 3, 2))
    db.session.commit()
    page = client.get("/agencies/vergi").get_data(as_text=True)
    row = page.split('data-figure="acknowledged_on_time"')[1].split("</tr>")[0]
    assert '<td class="num">1</td>' in row
