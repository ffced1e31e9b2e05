"""Search index tables of the archive (SQLite FTS5 or PostgreSQL tsvector + GIN).

Revision ID: 0002
Revises: 0001
"""
from alembic import op

from foi.search import get_backend

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    get_backend(bind).create_schema(bind)


def downgrade():
    bind = op.get_bind()
    get_backend(bind).drop_schema(bind)
