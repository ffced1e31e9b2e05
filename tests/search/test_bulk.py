"""A re-index prepares the next batch on a helper thread and indexes the same thing."""


def test_reindex_in_batches_indexes_every_document_once(doc, backend, conn, search):
    backend.batch_size = 3
    docs = [
        doc(i, f"Kitabxana {i}", "Şəhər kitabxanalarının fondu", agency_id=i % 2 + 1)
        for i in range(1, 12)
    ]
    docs.append(doc(5, "Kitabxana 5", "yenilənmiş mətn"))  # a request given twice: last wins
    steps = []
    assert backend.reindex(conn, iter(docs), progress=steps.append) == 12
    assert steps == [3, 3, 3, 3]
    assert search("kitabxana").total == 11
    assert search('"seher kitabxanalarinin"').total == 10
    assert [h.request_id for h in search("yenilənmiş").hits] == [5]
    assert search("kitabxana", agency_id=2).total == 5  # 1, 3, 7, 9, 11: 5 moved to 1
    docs_with = conn.exec_driver_sql(
        "SELECT docs FROM search_term WHERE term = 'kitabxanalarının'"
    ).scalar()
    assert docs_with == 10


def test_reindex_keeps_tabs_newlines_and_backslashes_of_a_text(doc, backend, conn, search):
    # PostgreSQL's rows travel as COPY text, where these four characters are escaped.
    body = "Cədvəl:\tsətir 1\r\nsətir 2 C:\\qovluq\\fayl"
    backend.reindex(conn, [doc(1, "Tab\tbaşlıq", body)])
    (hit,) = search("qovluq").hits
    assert hit.title == "Tab\tbaşlıq"
    assert "C:\\<mark>qovluq</mark>\\fayl" in str(hit.snippet)
    assert [h.request_id for h in search("sətir").hits] == [1]
