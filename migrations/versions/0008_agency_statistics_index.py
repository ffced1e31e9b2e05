"""Agency statistics read from one index: an agency's requests with the columns they count.

``ix_info_request_queue`` finds an agency's requests, but each one is then read from the table,
and an agency's rows lie all over it: at 200,000 requests every agency's page read nearly the
whole table. This index holds every column ``agency_statistics`` reads, so SQLite (a covering
index) and PostgreSQL (an index-only scan) count without visiting the table.

Revision ID: 0008
Revises: 0007
"""
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_info_request_statistics", "info_request",
                    ["agency_id", "answered_at", "received_at", "due_at", "status", "outcome"])


def downgrade():
    op.drop_index("ix_info_request_statistics", table_name="info_request")
