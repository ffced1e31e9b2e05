"""Keeping the index in step with publication: index, replace, remove, reindex, similar."""

from foi.search import SearchQuery, get_backend


def ids(results):
    return [hit.request_id for hit in results.hits]


def test_indexing_again_replaces_the_old_text(add, doc, search):
    add(doc(1, "Budget", "old wording"))
    add(doc(1, "Budget", "new wording"))
    assert ids(search("new")) == [1]
    assert ids(search("old")) == []
    assert search("budget").total == 1


def test_removed_request_is_no_longer_found(add, doc, backend, conn, search):
    add(doc(1, "Şəhər büdcəsi"), doc(2, "Şəhər nəqliyyatı"))
    backend.remove(conn, 1)
    backend.remove(conn, 12345)  # not indexed: nothing happens
    assert ids(search("şəhər")) == [2]
    assert ids(search("büdcəsi")) == []


def test_reindex_replaces_everything_and_reports_progress(add, doc, backend, conn, search):
    add(doc(1, "Stale document"))
    backend.batch_size = 4
    steps = []
    count = backend.reindex(
        conn, (doc(i, f"Fresh {i}", "kitabxana") for i in range(1, 11)), progress=steps.append
    )
    assert count == 10
    assert steps == [4, 4, 2]
    assert ids(search("stale")) == []
    assert search("kitabxana").total == 10
    assert search("").total == 10  # filler is gone too: reindex is the whole archive


def test_index_is_part_of_the_callers_transaction(conn, backend, doc):
    backend.index(conn, doc(1, "Uncommitted"))
    conn.rollback()
    conn.begin()
    backend.create_schema(conn)
    assert backend.query(conn, SearchQuery(q="uncommitted")).total == 0


def test_get_backend_follows_the_database(conn):
    assert get_backend(conn).name == conn.dialect.name


def test_schema_can_be_dropped_and_created_again(conn, backend, doc):
    backend.index(conn, doc(1, "Before"))
    backend.create_schema(conn)  # a second call changes nothing
    assert backend.query(conn, SearchQuery(q="before")).total == 1
    backend.drop_schema(conn)
    backend.drop_schema(conn)
    backend.create_schema(conn)
    assert backend.query(conn, SearchQuery(q="before")).total == 0
    backend.index(conn, doc(1, "After"))
    assert backend.query(conn, SearchQuery(q="after")).total == 1


def test_similar_requests_for_a_subject_being_typed(add, doc, backend, conn):
    add(
        doc(1, "Məktəblərin təmiri üçün ayrılan vəsait", agency_id=1),
        doc(2, "Məktəb avtobusları", agency_id=2),
        doc(3, "Bakı məktəblərinin təmiri 2024", agency_id=2),
        doc(4, "Xəstəxana tikintisi", agency_id=1),
    )
    similar = backend.similar(conn, "Məktəblərin təmiri haqqında məlumat")
    assert [h.request_id for h in similar][:2] in ([1, 3], [3, 1])
    assert 4 not in [h.request_id for h in similar]
    assert [h.request_id for h in backend.similar(conn, "məktəblərin təmiri", agency_id=2)] == [3]
    assert len(backend.similar(conn, "məktəb* təmiri vəsait", limit=1)) == 1
    assert backend.similar(conn, "və") == []
    assert backend.similar(conn, '"*: NEAR(') == []
