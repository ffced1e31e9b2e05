"""Only pairs of common words are indexed after a re-index; every phrase is still found."""

import pytest

from foi.search import indexing, terms


def ids(results):
    return [h.request_id for h in results.hits]


@pytest.fixture
def reindexed(monkeypatch, backend, conn, doc):
    """Re-index an archive where "su" and "içməli" are common and "kənd" is not."""
    monkeypatch.setattr(terms, "PAIR_MIN_SAMPLE", 10)
    monkeypatch.setattr(indexing, "PAIR_SAMPLE", 20)
    common = [doc(i, f"Sorğu {i}", "İçməli su təchizatı barədə") for i in range(1, 21)]
    rare = [
        doc(21, "Kənd", "Kənd su xətti"),
        doc(22, "Kənd", "Su kənd xətti"),
    ]
    backend.reindex(conn, iter(common + rare))
    return backend


def test_a_reindex_lists_the_common_words_and_pairs_only_them(reindexed, conn):
    listed = terms.pair_words(conn)
    assert {"icmeli", "su", "techizati", "barede"} <= listed
    assert "kend" not in listed  # in 2 of the 20 sampled documents: below the share


def test_phrases_are_found_whether_or_not_their_pair_is_indexed(reindexed, search):
    assert ids(search('"içməli su"', per_page=50)) == list(range(20, 0, -1))
    assert search('"içməli su"').total == 20
    assert ids(search('"kənd su"')) == [21]  # "kənd" is no pair word: positions decide
    assert ids(search('"su kənd"')) == [22]
    assert search('"su içməli"').total == 0


def test_excluding_a_phrase_honours_the_list(reindexed, search):
    assert ids(search('xətti -"kənd su"')) == [22]
    assert ids(search('xətti -"su kənd"')) == [21]


def test_documents_published_after_the_reindex_follow_the_list(
    reindexed, backend, conn, doc, search
):
    backend.index(conn, doc(30, "Yeni", "Kənd su içməli su"))
    assert sorted(ids(search('"kənd su"'))) == [21, 30]
    assert 30 in ids(search('"içməli su"'))
    backend.remove(conn, 30)  # removed as it was indexed: nothing of it is left to match
    assert ids(search('"kənd su"')) == [21]
    assert 30 not in ids(search('"içməli su"'))
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 0)"
        )


def test_a_small_archive_indexes_every_pair(backend, conn, doc, search):
    backend.reindex(conn, iter([doc(1, "Su", "İçməli su"), doc(2, "Kənd", "Kənd su")]))
    assert terms.pair_words(conn) is None
    assert ids(search('"kənd su"')) == [2]
