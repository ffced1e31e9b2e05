"""The scheduler's last successful sweep, kept on its lease row for /metrics and /readyz.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("scheduler_lock") as batch:
        batch.add_column(sa.Column("last_sweep_at", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("scheduler_lock") as batch:
        batch.drop_column("last_sweep_at")
