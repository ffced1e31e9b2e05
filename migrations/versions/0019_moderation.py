"""Moderation: flags on requests and uploads, and what an administrator hid.

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade():
    for table in ("info_request", "document"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("hidden_at", sa.DateTime(timezone=True), nullable=True))
            batch.add_column(
                sa.Column("hidden_reason", sa.String(20), nullable=False, server_default="")
            )
    op.create_table(
        "moderation_flag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("flagged_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.Column("resolution", sa.String(length=12), nullable=False),
        sa.Column("was_public", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["info_request.id"],
            name=op.f("fk_moderation_flag_request_id_info_request"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_moderation_flag_document_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["flagged_by_id"], ["user_account.id"],
            name=op.f("fk_moderation_flag_flagged_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_id"], ["user_account.id"],
            name=op.f("fk_moderation_flag_resolved_by_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_flag")),
    )
    op.create_index("ix_moderation_flag_request_id", "moderation_flag", ["request_id"])
    op.create_index("ix_moderation_flag_open", "moderation_flag", ["resolved_at", "created_at"])


def downgrade():
    op.drop_table("moderation_flag")
    for table in ("info_request", "document"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("hidden_reason")
            batch.drop_column("hidden_at")
