"""Requests counted by agency and status, so that public pages read counts instead of rows.

Revision ID: 0015
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "request_count",
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_request_count_agency_id_agency")
        ),
        sa.PrimaryKeyConstraint("agency_id", "status", "hidden", name=op.f("pk_request_count")),
    )
    # From now on every flush keeps them (foi/services/counters.py); count what exists once.
    op.execute(
        "INSERT INTO request_count (agency_id, status, hidden, n) "
        "SELECT agency_id, status, hidden_at IS NOT NULL, count(*) FROM info_request "
        "GROUP BY agency_id, status, hidden_at IS NOT NULL"
    )


def downgrade():
    op.drop_table("request_count")
