"""The archive page never claims an exact count it did not make."""

from foi.extensions import cache
from foi.search.base import SearchBackend
from foi.services.answering import request_answer
from foi.services.publishing import response_approve
from tests.factories import file_request, make_agency, make_user


def test_a_capped_search_says_more_than_instead_of_a_false_total(app, client, monkeypatch):
    agency = make_agency()
    citizen, officer = make_user("citizen"), make_user("officer", agency)
    coordinator = make_user("coordinator", agency)
    for n in range(4):
        req = file_request(citizen, agency, subject=f"Su təchizatı {n}")
        request_answer(actor=officer, req=req, outcome="given", text="Su təchizatı cədvəli.")
        response_approve(actor=coordinator, req=req)

    page = client.get("/archive?q=təchizatı").get_data(as_text=True)
    assert "4 requests found" in page

    monkeypatch.setattr(SearchBackend, "candidate_limit", 2)
    cache.clear()  # the engine changed, not the archive: the page kept before is not current
    page = client.get("/archive?q=təchizatı").get_data(as_text=True)
    assert "More than 2 requests found" in page


def test_the_whole_archive_is_counted_by_agency_beyond_the_newest_matches(app, client, monkeypatch):
    import re

    tax = make_agency(slug="vergi", name_en="State Tax Service")
    schools = make_agency(slug="tehsil", name_en="Ministry of Education")
    citizen = make_user("citizen")
    published = ((schools, ["Məktəb təmiri"]), (tax, ["Vergi 1", "Vergi 2", "Vergi 3"]))
    for agency, subjects in published:
        officer, coordinator = make_user("officer", agency), make_user("coordinator", agency)
        for subject in subjects:
            req = file_request(citizen, agency, subject=subject)
            request_answer(actor=officer, req=req, outcome="given", text="Cavab.")
            response_approve(actor=coordinator, req=req)
    monkeypatch.setattr(SearchBackend, "candidate_limit", 2)  # the newest two are both tax's

    page = client.get("/archive").get_data(as_text=True)
    facet = r'<a href="([^"]+)">{}</a> <span class="muted">\((\d+)\)</span>'
    tax_link, tax_count = re.search(facet.format("State Tax Service"), page).groups()
    assert tax_count == "3"
    assert re.search(facet.format("Ministry of Education"), page).group(2) == "1"

    filtered = client.get(tax_link.replace("&amp;", "&")).get_data(as_text=True)
    assert "Vergi 3" in filtered and "Məktəb təmiri" not in filtered
    agency_page = client.get("/agencies/vergi").get_data(as_text=True)
    assert re.search(r"Published answers</dt>\s*<dd>3</dd>", agency_page)
