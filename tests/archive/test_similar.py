"""Similar published requests: for the citizen before filing, for the officer while drafting."""

import pytest

from tests.archive.seed import build_archive
from tests.factories import file_request


@pytest.fixture
def archive(app):
    return build_archive()


def test_fragment_lists_similar_published_requests_only(archive, client):
    html = client.get("/archive/similar?q=Vergi güzəştləri haqqında").get_data(as_text=True)
    assert "Vergi güzəştləri 2025" in html
    assert archive.unpublished.reference not in html  # "Vergi borcu" is not published
    assert client.get("/archive/similar?q=").get_data(as_text=True).strip() == ""


def test_fragment_shows_at_most_five(archive, client):
    from tests.archive.seed import publish

    for n in range(7):
        publish(archive, f"Vergi güzəştləri {n}", "Vergi güzəştləri barədə.", "Cavab.")
    html = client.get("/archive/similar?q=vergi güzəştləri").get_data(as_text=True)
    assert html.count("<li>") == 5


def test_citizen_sees_similar_requests_on_the_suggestion_step(archive, login):
    client = login(archive.citizen)
    first = client.get("/requests/new").get_data(as_text=True)
    assert 'id="similar-requests"' in first and "js/similar.js" in first
    assert "Vergi güzəştləri 2025" not in first
    page = client.post(
        "/requests/new",
        data={
            "subject": "Vergi güzəştləri",
            "body": "Sahibkarlara güzəştlər.",
            "agency_id": "0",
            "urgency": "",
        },
    ).get_data(as_text=True)
    assert "Vergi güzəştləri 2025" in page
    assert f'href="/r/{archive.published[0].reference}"' in page


def test_officer_sees_similar_answers_of_their_own_agency_while_drafting(archive, login):
    req = file_request(
        archive.citizen,
        archive.agency,
        subject="Şəhər büdcəsi 2026",
        body="Məktəb və şəhər büdcəsi barədə informasiya.",
    )
    page = login(archive.officer).get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    assert "Şəhər büdcəsinin xərcləri cədvəldə verilir." in page
    assert "Məktəb təmiri" not in page  # the education ministry's answer
