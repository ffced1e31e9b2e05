"""Fixtures for search tests: a fresh search schema per test and a document factory."""

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from foi.search import SearchBackend, SearchDocument, get_backend

# Unrelated requests, so that word statistics (bm25 / ts_rank) look like a real archive's.
FILLER = (
    ("Məktəb binasının təmiri", "Rayon məktəblərinin təmirinə ayrılan vəsait barədə məlumat."),
    ("Road maintenance contracts", "Copies of contracts for road maintenance signed last year."),
    ("Xəstəxana avadanlığı", "Xəstəxanaya alınmış tibbi avadanlığın siyahısı və qiyməti."),
    ("Park lighting", "How many street lamps were replaced in the central park?"),
    ("Su təchizatı", "Kəndlərdə içməli su təchizatı layihəsinin smetası."),
    ("Школьные автобусы", "Сколько школьных автобусов закуплено в прошлом году?"),
)

START = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def search_engine(database_url):
    """Return an engine on the test database; the search tables are dropped at the end."""
    engine = sa.create_engine(database_url)
    with engine.begin() as connection:
        get_backend(connection).create_schema(connection)
    yield engine
    with engine.begin() as connection:
        get_backend(connection).drop_schema(connection)
    engine.dispose()


@pytest.fixture
def conn(search_engine):
    """Return a connection inside a transaction that is rolled back after the test."""
    with search_engine.connect() as connection:
        connection.begin()
        # A no-op unless other tests dropped the tables (say, a migration's downgrade).
        get_backend(connection).create_schema(connection)
        yield connection
        connection.rollback()


@pytest.fixture
def backend(conn) -> SearchBackend:
    return get_backend(conn)


def make_doc(
    request_id: int,
    title: str = "",
    body: str = "",
    *,
    answer: str = "",
    attachments_text: str = "",
    agency_id: int = 1,
    outcome: str = "granted",
    topic: str | None = None,
    published_at: datetime | None = None,
) -> SearchDocument:
    """Return a search document; by default request N was published N days after START."""
    return SearchDocument(
        request_id=request_id,
        reference=f"AZ-2025-{request_id:06d}",
        title=title,
        body=body,
        answer=answer,
        attachments_text=attachments_text,
        agency_id=agency_id,
        outcome=outcome,
        topic=topic,
        published_at=published_at or START + timedelta(days=request_id),
    )


@pytest.fixture
def add(conn, backend):
    """Return a function indexing documents given as make_doc arguments, plus filler."""
    for offset, (title, body) in enumerate(FILLER):
        backend.index(
            conn,
            make_doc(
                9000 + offset,
                title,
                body,
                agency_id=99,
                outcome="refused",
                topic="other",
                published_at=START - timedelta(days=400 + offset),
            ),
        )

    def add(*docs: SearchDocument) -> None:
        for doc in docs:
            backend.index(conn, doc)

    return add


@pytest.fixture
def search(conn, backend):
    """Return a function running a query and giving back the results."""
    from foi.search import SearchQuery

    def search(q: str = "", **kwargs):
        return backend.query(conn, SearchQuery(q=q, **kwargs))

    return search


@pytest.fixture
def doc():
    """Return the document factory."""
    return make_doc
