"""Search at a million answers: word pairs, word statistics, words split as the query splits them.

The FTS5 table (SQLite) and search_document (PostgreSQL) gain ``pairs``; FTS5 now holds words as
:mod:`foi.search.tokens` splits them; both back ends gain ``search_term`` (documents per word
form). An index built by the older code cannot be updated in place (SQLite deletes contentless
rows by their old tokens; the pairs come from the texts), so the search tables are dropped and
created empty: run ``flask foi reindex`` right after this upgrade to make the archive searchable
again. Downgrading keeps a PostgreSQL index (only the pairs go) and empties a SQLite one.

Revision ID: 0005
Revises: 0004
"""
import logging

from alembic import op

from foi.search import get_backend

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")


def _recreate() -> None:
    bind = op.get_bind()
    backend = get_backend(bind)
    backend.drop_schema(bind)
    backend.create_schema(bind)
    published = bind.exec_driver_sql(
        "SELECT 1 FROM info_request WHERE status = 'published' LIMIT 1").first()
    if published:
        log.warning("The archive's search index is empty now: run `flask foi reindex`.")


def upgrade():
    _recreate()


def downgrade():
    bind = op.get_bind()
    bind.exec_driver_sql("DROP TABLE IF EXISTS search_term")
    if bind.dialect.name == "postgresql":
        # The words of tsv are what the older code wrote: only the pairs go.
        bind.exec_driver_sql("DROP INDEX IF EXISTS search_document_pairs")
        bind.exec_driver_sql("ALTER TABLE search_document DROP COLUMN IF EXISTS pairs")
        bind.exec_driver_sql("ALTER TABLE search_document ALTER COLUMN tsv SET STORAGE EXTENDED")
        return
    # The older FTS5 table held the raw texts: it is created as it was, and empty.
    bind.exec_driver_sql("DROP TABLE IF EXISTS search_fts")
    bind.exec_driver_sql(
        "CREATE VIRTUAL TABLE search_fts USING fts5(title_exact, title_folded, text_exact,"
        " text_folded, content='', tokenize='unicode61 remove_diacritics 0')")
    bind.exec_driver_sql("DELETE FROM search_text")
    bind.exec_driver_sql("DELETE FROM search_document")
    log.warning("The archive's search index is empty now: run `flask foi reindex`.")
