"""The scheduler's OCR sweep finds the few files still waiting for their text by an index.

Without it the sweep (``foi.services.ocr.documents_ocr_sweep``, every minute) would read the
whole ``document`` table. On PostgreSQL the index is built ``CONCURRENTLY``, outside the
migration's transaction, so that uploads are not blocked while it reads the table; an INVALID
index left by an interrupted build is dropped first (as in 0008).

Revision ID: 0028
Revises: 0025
"""

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0025"
branch_labels = None
depends_on = None

NAME = "ix_document_ocr_state"


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        op.create_index(NAME, "document", ["ocr_state"])
        return
    with op.get_context().autocommit_block():
        invalid = op.get_bind().scalar(
            sa.text(
                "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "WHERE c.relname = :name AND NOT i.indisvalid"
            ),
            {"name": NAME},
        )
        if invalid:
            op.drop_index(NAME, table_name="document", postgresql_concurrently=True)
        op.create_index(
            NAME, "document", ["ocr_state"], postgresql_concurrently=True, if_not_exists=True
        )


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        op.drop_index(NAME, table_name="document")
        return
    with op.get_context().autocommit_block():
        op.drop_index(NAME, table_name="document", postgresql_concurrently=True, if_exists=True)
