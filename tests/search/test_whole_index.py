"""The whole archive's total and facets, kept with the index so the empty query reads a few rows.

Whatever changed the index (a publication, a withdrawal, a new version of an answer, a full
re-index), the kept counts must equal a count of every indexed document.
"""

from datetime import UTC, datetime

import sqlalchemy as sa

from foi.search.values import FACETS


def _counted(conn) -> tuple[int, dict]:
    """Count every indexed document by facet, the slow way the kept counts replace."""
    rows = conn.exec_driver_sql("SELECT agency_id, outcome, year, topic FROM search_document").all()
    facets: dict = {name: {} for name in FACETS}
    for row in rows:
        for name, value in zip(FACETS, row, strict=True):
            if value is not None:
                facets[name][value] = facets[name].get(value, 0) + 1
    return len(rows), facets


def _kept(backend, conn) -> tuple[int, dict]:
    whole = backend.whole_index(conn)
    return whole.total, whole.facets


def test_each_publication_and_withdrawal_is_counted_at_once(add, doc, backend, conn, search):
    add(
        doc(1, "Su", "Su təchizatı", agency_id=3, topic="water", outcome="given"),
        doc(2, "Yol", "Yol təmiri", agency_id=3, topic=None, outcome="refused"),
        doc(
            3,
            "Park",
            "Park",
            agency_id=4,
            topic="water",
            published_at=datetime(2021, 5, 1, tzinfo=UTC),
        ),
    )
    assert _kept(backend, conn) == _counted(conn)
    assert backend.whole_index(conn).facets["agency"][3] == 2
    assert backend.whole_index(conn).facets["year"][2021] == 1

    backend.index(conn, doc(2, "Yol", "Yol təmiri", agency_id=4, outcome="partial"))  # again
    backend.remove(conn, 1)
    backend.remove(conn, 12345)  # never indexed: nothing to count
    total, facets = _kept(backend, conn)
    assert (total, facets) == _counted(conn)
    assert 3 not in facets["agency"] and "given" not in facets["outcome"]  # none left: gone
    # The empty query's page reads these: its total and facets are exact at once.
    assert search("").total == total and search("").facets == facets


def test_a_full_reindex_counts_the_facets_again(doc, backend, conn):
    docs = [
        doc(i, f"Sənəd {i}", "mətn", agency_id=i % 3, topic=("tax", None)[i % 2])
        for i in range(1, 40)
    ]
    backend.batch_size = 7
    backend.reindex(conn, iter(docs))
    assert _kept(backend, conn) == _counted(conn)
    assert backend.whole_index(conn).total == 39
    counts = conn.execute(sa.text("SELECT count(*) FROM search_term")).scalar()
    backend.reindex(conn, iter(docs))  # twice: the same counts, nothing added on top
    assert conn.execute(sa.text("SELECT count(*) FROM search_term")).scalar() == counts
    assert _kept(backend, conn) == _counted(conn)
