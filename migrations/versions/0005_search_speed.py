"""Search at a million answers: word pairs, word statistics, words split as the query splits them.

The FTS5 table gains a ``pairs`` column and holds words as :mod:`foi.search.tokens` splits
them; both back ends gain ``search_term`` (documents per word form). An index built by the
older code cannot be updated in place (SQLite deletes contentless rows by their old tokens), so
the search tables are dropped and created empty: run ``flask foi reindex`` right after this
upgrade (about 1,000-2,000 requests a second) to make the archive searchable again.

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


def upgrade():
    bind = op.get_bind()
    backend = get_backend(bind)
    backend.drop_schema(bind)
    backend.create_schema(bind)
    log.warning("The search index is empty now: run `flask foi reindex`.")


def downgrade():
    # The older code reads the same tables and columns; the index it finds is empty.
    bind = op.get_bind()
    backend = get_backend(bind)
    backend.drop_schema(bind)
    backend.create_schema(bind)
    log.warning("The search index is empty now: run `flask foi reindex`.")
