"""Word statistics: kept in step with the index, and never changing what a query finds."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from foi.search import terms


def ids(results):
    """Return the ids found among this module's documents (the filler starts at 9000)."""
    return sorted(hit.request_id for hit in results.hits if hit.request_id < 9000)


def docs_with(conn, word):
    return conn.execute(
        sa.text("SELECT docs FROM search_term WHERE term = :t"), {"t": word}
    ).scalar()


def test_statistics_count_documents_per_word_form(add, doc, backend, conn):
    add(doc(1, "Şəhər büdcəsi", "büdcəsi büdcəsi"), doc(2, "Kənd büdcəsi"), doc(3, "Park"))
    assert docs_with(conn, "büdcəsi") == 2  # a document counts once, however often it says it
    assert docs_with(conn, "budcesi") == 2  # the folded spelling too
    assert docs_with(conn, "şəhər") == 1 and docs_with(conn, "seher") == 1
    backend.remove(conn, 1)
    assert docs_with(conn, "büdcəsi") == 1
    assert docs_with(conn, "seher") == 0
    add(doc(2, "Kənd yolu"))  # indexed again with new words
    assert docs_with(conn, "büdcəsi") == 0 and docs_with(conn, "yolu") == 1


def test_reindex_counts_everything_afresh(add, doc, backend, conn):
    add(doc(1, "Köhnə söz"))
    backend.reindex(conn, [doc(i, "Kitabxana", "kitab") for i in range(1, 4)])
    assert docs_with(conn, "kitabxana") == 3
    assert docs_with(conn, "köhnə") in (None, 0)


def test_prefix_covering_many_words_still_finds_them_all(add, doc, search, monkeypatch):
    monkeypatch.setattr(terms, "MAX_EXPANSION", 3)
    add(
        *[
            doc(i, f"Vergi{suffix}")
            for i, suffix in enumerate(["", "si", "lər", "ləri", "nin", "yə", "dən"], start=1)
        ]
    )
    assert ids(search("vergi*")) == list(range(1, 8))  # more words than the expansion holds
    assert ids(search("vergil*")) == [3, 4]  # few words: expanded
    assert ids(search("VERGİL*")) == [3, 4]
    assert ids(search("vergix*")) == []


def test_prefix_expansion_follows_words_indexed_after_the_last_search(add, doc, search):
    add(doc(1, "Təmir işləri"))
    assert ids(search("təmi*")) == [1]
    add(doc(2, "Təmizlik"), doc(3, "Temir"))
    assert ids(search("təmi*")) == [1, 2, 3]  # "Temir" folds to the same prefix
    assert ids(search("təmiz*")) == [2]


def test_phrase_needs_its_pairs_in_order_and_in_one_field(add, doc, search):
    add(
        doc(1, "Su təchizatı", "Kənd yerlərində içməli su təchizatı layihəsi."),
        doc(2, "Təchizatı su", "Layihəsi içməli su; sonra təchizatı."),
        doc(3, "Kənd içməli", "su təchizatı"),
    )
    assert ids(search('"içməli su təchizatı"')) == [1]
    assert ids(search('"icmeli su techizati"')) == [1]
    assert ids(search('"su təchizatı"')) == [1, 3]
    assert ids(search('"içməli su"')) == [1, 2]
    assert ids(search('"kənd içməli su"')) == []  # title and text are not one phrase
    assert ids(search("su-təch*")) == [1, 3]  # a phrase ending in a prefix


@pytest.mark.parametrize("year, expected", [(2024, [1]), (2025, [2, 3]), (2026, [])])
def test_year_filter_keeps_documents_published_at_the_edges(add, doc, search, year, expected):
    add(
        doc(1, "Budget", published_at=datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC)),
        doc(2, "Budget", published_at=datetime(2025, 1, 1, 0, 0, 0, tzinfo=UTC)),
        doc(3, "Budget", published_at=datetime(2025, 12, 31, 23, 59, 59, tzinfo=UTC)),
    )
    assert ids(search("budget", year=year)) == expected
    assert ids(search("budget", year=year, sort="newest")) == expected


def test_very_long_texts_and_words_are_indexed(add, doc, backend, search):
    filler = " ".join(f"söz{i}" for i in range(17_000))
    add(doc(1, "Hesabat", f"{filler} sonuncu bənd", attachments_text="x" * 300 + " əlavə"))
    assert ids(search("sonuncu")) == [1]
    assert ids(search("söz16999")) == [1]
    assert ids(search("əlavə")) == [1]
    if backend.name == "sqlite":  # PostgreSQL leaves out "words" over 200 characters
        assert ids(search("xxxx*")) == [1]


def test_a_query_with_a_common_and_a_rare_word_is_ranked(add, doc, backend, search):
    backend.candidate_limit = 5
    add(*[doc(i, f"Request {i}", "informasiya") for i in range(1, 13)])
    add(
        doc(20, "Informasiya arxiv", "arxiv", published_at=datetime(2020, 1, 1, tzinfo=UTC)),
        doc(21, "Request", "informasiya arxiv"),
    )
    results = search("informasiya arxiv")
    assert results.capped is False and results.total == 2
    assert [h.request_id for h in results.hits] == [20, 21]


QUERIES = [
    "vergi",
    "vergi*",
    "təmi*",
    '"su təchizatı"',
    "su-təch*",
    "vergi -torpaq",
    "torpaq OR su",
    "informasiya",
    "informasiya arxiv",
    "-vergi*",
    "",
]


@pytest.mark.parametrize(
    "plan",
    [
        {"bitmap_limit": -1},  # PostgreSQL: the GIN index over the newest rows only
        {"walk_share": 0.0},  # PostgreSQL: walking newest first, every row checked
    ],
)
def test_results_do_not_depend_on_how_the_query_is_planned(
    add, doc, backend, search, monkeypatch, plan
):
    add(
        doc(1, "Torpaq vergisi", "Kənd təsərrüfatı torpaqlarına görə vergi. informasiya"),
        doc(2, "Su təchizatı", "İçməli su təchizatı layihəsi, təmir işləri. informasiya"),
        doc(3, "Arxiv", "informasiya arxiv, təmizlik", agency_id=2),
        doc(4, "Vergi", "vergi vergi; su təchizatı sonra", agency_id=2),
    )

    def found():
        # Newest first: relevance may weigh an expanded prefix a little differently.
        return {q: [h.request_id for h in search(q, sort="newest").hits] for q in QUERIES}

    expected = found()
    # Fetch another way, and leave prefixes to the index's own prefix search.
    for name, value in plan.items():
        monkeypatch.setattr(backend, name, value, raising=False)
    monkeypatch.setattr(terms, "MAX_EXPANSION", 0)
    assert found() == expected
    assert expected["vergi*"] == [4, 1] and expected['"su təchizatı"'] == [4, 2, 9004]


def test_newest_matches_of_a_middling_word_come_from_the_newest_rows(
    add, doc, backend, search, monkeypatch
):
    backend.candidate_limit = 5
    add(*[doc(i, f"Request {i}", "informasiya" if i % 3 else "başqa") for i in range(1, 30)])
    expected = [h.request_id for h in search("informasiya", per_page=10).hits]
    assert expected == [29, 28, 26, 25, 23]
    # PostgreSQL: the GIN index over just the newest rows that should hold enough matches.
    for name, value in {"walk_share": 1.0, "bitmap_limit": -1, "window_factor": 1.0}.items():
        monkeypatch.setattr(backend, name, value, raising=False)
    results = search("informasiya", per_page=10)
    assert [h.request_id for h in results.hits] == expected and results.capped
