"""Every archive search has an Atom feed and a CSV export with public fields only."""

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest

from tests.archive.seed import build_archive

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def archive(app):
    return build_archive()


def test_search_page_links_to_its_feed_and_csv_with_the_same_words(archive, client):
    page = client.get("/archive?q=büdcə&outcome=partial").get_data(as_text=True)
    assert 'href="/archive/feed.atom?q=b%C3%BCdc%C9%99&amp;outcome=partial"' in page
    assert 'href="/archive/export.csv?q=b%C3%BCdc%C9%99&amp;outcome=partial"' in page
    assert 'type="application/atom+xml"' in page


def test_feed_lists_matching_answers_newest_first_as_valid_atom(archive, client):
    response = client.get("/archive/feed.atom?q=informasiya")
    assert response.mimetype == "application/atom+xml"
    root = ET.fromstring(response.data)
    assert root.tag == f"{ATOM}feed"
    titles = [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
    # Both requests mentioning "informasiya", the later one first; the tax one is not there.
    assert titles == ["Məktəb təmiri", "Şəhər büdcəsi"]
    entry = next(root.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}link").get("href").endswith(f"/r/{archive.published[2].reference}")
    assert "2 milyon manat" in entry.findtext(f"{ATOM}summary")
    assert root.findtext(f"{ATOM}updated")


def test_feed_of_an_agency_holds_only_its_answers(archive, client):
    root = ET.fromstring(client.get(f"/archive/feed.atom?agency={archive.other_agency.id}").data)
    assert [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")] == ["Məktəb təmiri"]


def test_csv_export_opens_in_excel_and_holds_public_fields_of_every_match(archive, client):
    response = client.get("/archive/export.csv?q=informasiya")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.data.startswith("\ufeff".encode())  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert {r["subject"] for r in rows} == {"Şəhər büdcəsi", "Məktəb təmiri"}
    school = next(r for r in rows if r["subject"] == "Məktəb təmiri")
    assert school["agency_slug"] == "tehsil" and school["outcome"] == "given"
    assert school["url"].endswith(f"/r/{school['reference']}")
    assert school["requester"] == ""  # the requester did not agree to be named
    assert "email" not in rows[0] and "body" not in rows[0]


def test_csv_export_without_words_lists_the_whole_archive(archive, client):
    text = client.get("/archive/export.csv").data.decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(text)))) == 3


def test_csv_export_keeps_the_topic_filter_of_the_search(archive, client):
    text = client.get("/archive/export.csv?topic=education").data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["subject"] for r in rows] == ["Məktəb təmiri"]


def test_csv_cells_cannot_run_as_spreadsheet_formulas(archive, client):
    from tests.archive.seed import publish

    publish(archive, '=HYPERLINK("http://evil.example")', "Formula informasiya.", "Cavab.")
    text = client.get("/archive/export.csv?q=formula").data.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["subject"].startswith("'=")


def test_feed_stays_well_formed_xml_whatever_the_subject_says(archive, client):
    from tests.archive.seed import publish

    publish(archive, 'Tags <b> & "quotes" ]]>', "Markup informasiya.", "A < B & C.")
    root = ET.fromstring(client.get("/archive/feed.atom?q=markup").data)
    assert [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")] == [
        'Tags <b> & "quotes" ]]>'
    ]


def test_csv_export_of_more_than_a_page_lists_every_answer_once_in_the_archive_order(app, client):
    from foi.models.agency import PUBLISH_ON_ANSWER
    from foi.services.answering import request_answer
    from tests.factories import file_request, make_agency, make_user

    agency = make_agency(publish_mode=PUBLISH_ON_ANSWER)
    citizen, officer = make_user("citizen"), make_user("officer", agency)
    for k in range(130):
        # Some say the word more often, so that the most relevant are not simply the newest.
        req = file_request(
            citizen, agency, subject=f"Sorğu {k}", body="Büdcə xərcləri. " + "büdcə " * (k % 7)
        )
        request_answer(actor=officer, req=req, outcome="given", text="Cavab.")

    orders = {}
    for words in ("", "büdcə"):
        shown, page = [], 1
        while found := re.findall(
            r'<h3><a href="/r/([^"]+)">',
            client.get(f"/archive?q={words}&page={page}").get_data(as_text=True),
        ):
            shown += found
            page += 1
        text = client.get(f"/archive/export.csv?q={words}").data.decode("utf-8-sig")
        exported = [row["reference"] for row in csv.DictReader(io.StringIO(text))]
        assert len(exported) == len(set(exported)) == 130
        assert exported == shown
        orders[words] = exported
    assert orders[""] != orders["büdcə"]  # newest first, then most relevant first


def test_search_page_filters_and_counts_by_topic(archive, client):
    page = client.get("/archive?q=informasiya").get_data(as_text=True)
    assert "By topic" in page and "?q=informasiya&amp;topic=education" in page
    filtered = client.get("/archive?q=informasiya&topic=education").get_data(as_text=True)
    assert "Məktəb təmiri" in filtered and "Şəhər büdcəsi" not in filtered
    assert 'value="education" selected' in filtered
