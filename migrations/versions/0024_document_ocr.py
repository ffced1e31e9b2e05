"""Text recognition of scans: the OCR state of a file, and the upload it replaced.

Revision ID: 0024
Revises: 0023
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("ocr_state", sa.String(length=12), nullable=False, server_default=""))
        batch.add_column(sa.Column("uploaded_sha256", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("uploaded_mime", sa.String(length=120), nullable=True))


def downgrade():
    with op.batch_alter_table("document") as batch:
        batch.drop_column("uploaded_mime")
        batch.drop_column("uploaded_sha256")
        batch.drop_column("ocr_state")
