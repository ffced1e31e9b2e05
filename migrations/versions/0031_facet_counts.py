"""The whole archive's facets counted with the index, so that the empty query reads a few rows.

Each change of the search index now also counts its documents by agency, outcome, year and
topic in ``search_term`` (keys starting with U+E001), in the same transaction; this counts an
index built before that, once.

Revision ID: 0031
Revises: 0030
"""

import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

MARK = "\ue001"
FACETS = (("agency", "agency_id"), ("outcome", "outcome"), ("year", "year"), ("topic", "topic"))


def _delete(conn):
    conn.execute(
        sa.text("DELETE FROM search_term WHERE term >= :lo AND term < :hi"),
        {"lo": MARK, "hi": MARK + "\U0010ffff"},
    )


def upgrade():
    conn = op.get_bind()
    _delete(conn)
    for name, column in FACETS:
        conn.execute(
            sa.text(
                "INSERT INTO search_term (term, docs) SELECT"
                f" :mark || CAST({column} AS TEXT), count(*) FROM search_document"
                f" WHERE {column} IS NOT NULL GROUP BY {column}"
            ),
            {"mark": f"{MARK}{name}="},
        )


def downgrade():
    _delete(op.get_bind())
