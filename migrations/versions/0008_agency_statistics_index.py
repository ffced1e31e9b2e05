"""Agency statistics read from one index: an agency's requests with the columns they count.

``ix_info_request_queue`` finds an agency's requests, but each one is then read from the table,
and an agency's rows lie all over it: at 200,000 requests every agency's page read nearly the
whole table. This index holds every column ``agency_statistics`` reads, so SQLite (a covering
index) and PostgreSQL (an index-only scan) count without visiting the table.

On PostgreSQL the index is built ``CONCURRENTLY``, outside the migration's transaction: a plain
CREATE INDEX holds a lock that blocks every write to ``info_request`` while it reads the whole
table (a minute at a million requests), so the site could not file or answer meanwhile. A
concurrent build that failed halfway leaves an INVALID index behind; it is dropped first, so
running the migration again finishes the job instead of keeping the broken one.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

NAME = "ix_info_request_statistics"
COLUMNS = ["agency_id", "answered_at", "received_at", "due_at", "status", "outcome"]


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        op.create_index(NAME, "info_request", COLUMNS)
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
            op.drop_index(NAME, table_name="info_request", postgresql_concurrently=True)
        op.create_index(
            NAME, "info_request", COLUMNS, postgresql_concurrently=True, if_not_exists=True
        )


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        op.drop_index(NAME, table_name="info_request")
        return
    with op.get_context().autocommit_block():
        op.drop_index(
            NAME, table_name="info_request", postgresql_concurrently=True, if_exists=True
        )
