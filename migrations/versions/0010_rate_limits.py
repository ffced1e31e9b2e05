"""Rate-limit counters shared by every web worker when there is no Redis.

Revision ID: 0010
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "rate_limit_counter",
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_limit_counter")),
    )
    with op.batch_alter_table("rate_limit_counter") as batch_op:
        batch_op.create_index("ix_rate_limit_counter_expires_at", ["expires_at"], unique=False)


def downgrade():
    with op.batch_alter_table("rate_limit_counter") as batch_op:
        batch_op.drop_index("ix_rate_limit_counter_expires_at")
    op.drop_table("rate_limit_counter")
