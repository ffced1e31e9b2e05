"""Ranking, ordering, filters, facets, pagination and snippets of a result page."""

from datetime import UTC, datetime

from markupsafe import Markup


def ids(results):
    return [hit.request_id for hit in results.hits]


def test_title_match_ranks_above_body_match(add, doc, search):
    add(
        doc(1, "Hospital equipment", "A list of purchases; one line mentions school budget."),
        doc(2, "School budget", "The budget of every school in the district for 2024."),
    )
    assert ids(search("school budget")) == [2, 1]
    assert ids(search("school budget", sort="newest")) == [2, 1]
    assert search("school budget").hits[0].score > search("school budget").hits[1].score


def test_newest_sort_orders_by_publication_time(add, doc, search):
    add(
        doc(1, "Water supply", "water", published_at=datetime(2026, 3, 1, tzinfo=UTC)),
        doc(
            2,
            "Water supply water water",
            "water water",
            published_at=datetime(2024, 3, 1, tzinfo=UTC),
        ),
        doc(3, "Water", "water", published_at=datetime(2025, 3, 1, tzinfo=UTC)),
    )
    assert ids(search("water", sort="newest")) == [1, 3, 2]
    assert ids(search("", sort="relevance"))[:3] == [1, 3, 2]


def test_empty_query_lists_everything_newest_first(add, doc, search):
    add(doc(1, "First"), doc(2, "Second"))
    results = search("")
    assert results.total == 8  # two documents and six of filler
    assert ids(search("", agency_id=1)) == [2, 1]


def test_filters_and_facets_describe_the_current_query(add, doc, search):
    add(
        doc(
            1,
            "Bridge repair",
            agency_id=1,
            outcome="granted",
            topic="roads",
            published_at=datetime(2024, 5, 1, tzinfo=UTC),
        ),
        doc(
            2,
            "Bridge signs",
            agency_id=2,
            outcome="refused",
            topic="roads",
            published_at=datetime(2025, 5, 1, tzinfo=UTC),
        ),
        doc(
            3,
            "Bridge lighting",
            agency_id=2,
            outcome="granted",
            topic=None,
            published_at=datetime(2025, 6, 1, tzinfo=UTC),
        ),
        doc(
            4,
            "School meals",
            agency_id=2,
            outcome="granted",
            topic="schools",
            published_at=datetime(2025, 7, 1, tzinfo=UTC),
        ),
    )
    results = search("bridge")
    assert results.total == 3
    assert results.facets == {
        "agency": {2: 2, 1: 1},
        "outcome": {"granted": 2, "refused": 1},
        "year": {2025: 2, 2024: 1},
        "topic": {"roads": 2},
    }
    filtered = search("bridge", agency_id=2, outcome="granted")
    assert ids(filtered) == [3]
    assert filtered.facets["agency"] == {2: 1}
    assert ids(search("bridge", year=2024)) == [1]
    assert ids(search("", topic="roads")) == [2, 1]
    assert ids(search("bridge", topic="schools")) == []


def test_pagination_walks_every_hit_once(add, doc, search):
    add(*[doc(i, f"Budget report {i}", "budget") for i in range(1, 46)])
    pages = [search("budget", page=n, per_page=20) for n in (1, 2, 3, 4)]
    assert [len(p.hits) for p in pages] == [20, 20, 5, 0]
    assert all(p.total == 45 and p.pages == 3 for p in pages)
    seen = [rid for p in pages for rid in ids(p)]
    assert sorted(seen) == list(range(1, 46))


def test_nonsense_paging_is_brought_into_range(add, doc, search):
    add(doc(1, "Budget"))
    results = search("budget", page=-3, per_page=-5, sort="bogus")
    assert results.page == 1 and results.per_page == 1 and ids(results) == [1]


def test_snippet_escapes_html_and_marks_matches(add, doc, search):
    add(doc(1, "<b>Tender</b>", "Protocol <script>alert('x')</script> of the tender & bids."))
    hit = search("tender").hits[0]
    assert isinstance(hit.snippet, Markup)
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "&amp;" in hit.snippet
    assert "<mark>tender</mark>" in hit.snippet
    assert hit.title == "<b>Tender</b>"  # plain text: the template escapes it


def test_snippet_comes_from_the_answer_or_attachment_that_matched(add, doc, search):
    add(
        doc(
            1,
            "Contracts",
            "Please send the contracts.",
            answer="See the annex.",
            attachments_text="Annex 3: the contractor Azərinşaat received 2.5 million manat.",
        )
    )
    hit = search("azerinsaat").hits[0]
    assert "<mark>Azərinşaat</mark>" in hit.snippet


def test_hit_carries_the_public_fields(add, doc, search):
    published = datetime(2025, 9, 1, 12, 30, tzinfo=UTC)
    add(doc(7, "Budget", agency_id=3, outcome="partial", topic="finance", published_at=published))
    hit = search("budget").hits[0]
    assert (hit.request_id, hit.reference, hit.agency_id, hit.outcome, hit.topic) == (
        7,
        "AZ-2025-000007",
        3,
        "partial",
        "finance",
    )
    assert hit.published_at == published and hit.published_at.tzinfo is not None


def test_very_common_word_is_listed_newest_first_without_scoring(add, doc, backend, search):
    backend.candidate_limit = 5
    add(*[doc(i, f"Request {i}", "informasiya") for i in range(1, 13)])
    add(
        doc(
            20,
            "informasiya informasiya",
            "informasiya informasiya",
            published_at=datetime(2020, 1, 1, tzinfo=UTC),
        )
    )
    results = search("informasiya", per_page=3)
    assert results.capped is True
    assert results.total == 5  # a lower bound: "5+"
    assert sum(results.facets["agency"].values()) == 5  # facets of the newest five
    assert results.pages == 2
    assert ids(results) == [12, 11, 10]
    assert ids(search("informasiya", page=2, per_page=3)) == [9, 8]


def test_listing_without_words_keeps_an_exact_total(add, doc, backend, search):
    backend.candidate_limit = 5
    add(*[doc(i, f"Request {i}", agency_id=4) for i in range(1, 13)])
    results = search("", agency_id=4)
    assert results.capped is True and results.total == 12
    assert ids(results)[:2] == [12, 11]


def test_rare_word_is_ranked_by_relevance(add, doc, backend, search):
    backend.candidate_limit = 5
    add(*[doc(i, f"Request {i}", "informasiya") for i in range(1, 13)])
    add(
        doc(20, "Arxiv arxiv", "arxiv", published_at=datetime(2020, 1, 1, tzinfo=UTC)),
        doc(21, "Request", "arxiv"),
    )
    assert ids(search("arxiv")) == [20, 21]
