"""The archive page never claims an exact count it did not make."""
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
    page = client.get("/archive?q=təchizatı").get_data(as_text=True)
    assert "More than 2 requests found" in page
