"""Migration 0005: the search tables of this code going up, and back to what 0004 left."""

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from foi import create_app
from foi.extensions import db
from foi.search import SearchQuery, get_backend
from tests.search.conftest import make_doc


def columns(conn, table):
    return {c["name"] for c in sa.inspect(conn).get_columns(table)}


def test_search_speed_migration_goes_down_and_up(spare_database_url):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=spare_database_url)
    with app.app_context():
        upgrade()
        with db.engine.begin() as conn:
            get_backend(conn).index(conn, make_doc(1, "Şəhər büdcəsi"))
            assert "search_term" in sa.inspect(conn).get_table_names()

        downgrade(revision="0004")
        with db.engine.connect() as conn:
            assert "search_term" not in sa.inspect(conn).get_table_names()
            if conn.dialect.name == "postgresql":
                # The older code's index is still whole: same words, the pairs gone.
                assert "pairs" not in columns(conn, "search_document")
                found = conn.exec_driver_sql(
                    "SELECT request_id FROM search_document WHERE tsv @@ 'budcesi'"
                ).all()
                assert found == [(1,)]
            else:
                fts = conn.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE name = 'search_fts'"
                ).scalar()
                assert "pairs" not in fts
                assert conn.exec_driver_sql("SELECT count(*) FROM search_document").scalar() == 0

        upgrade()
        with db.engine.begin() as conn:
            backend = get_backend(conn)
            assert backend.query(conn, SearchQuery(q="büdcəsi")).total == 0  # reindex needed
            backend.reindex(conn, [make_doc(1, "Şəhər büdcəsi")])
            assert backend.query(conn, SearchQuery(q='"seher budcesi"')).total == 1
        db.engine.dispose()
