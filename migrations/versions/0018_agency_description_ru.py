"""Agencies describe themselves in Russian too (Russian pages showed the English description).

Revision ID: 0018
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade():
    # A constant default: no table rewrite on PostgreSQL 11+, instant on SQLite.
    with op.batch_alter_table("agency") as batch:
        batch.add_column(sa.Column("description_ru", sa.Text(), nullable=False, server_default=""))


def downgrade():
    with op.batch_alter_table("agency") as batch:
        batch.drop_column("description_ru")
