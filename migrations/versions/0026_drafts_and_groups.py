"""Drafts of requests (``request_draft``, ``request_draft_file``) and requests sent together.

A draft is a table of its own, never an ``info_request``: it reaches no state machine, count,
queue or deadline. ``request_group`` ties the requests one text was sent with to several
agencies; ``info_request.group_id`` names it.

Revision ID: 0026
Revises: 0024
"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "request_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("agency_ids", sa.String(length=200), nullable=False),
        sa.Column("urgency", sa.String(length=20), nullable=True),
        sa.Column("publish_name", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("warned_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["user_account.id"], name=op.f("fk_request_draft_owner_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_draft")),
    )
    op.create_index("ix_request_draft_owner", "request_draft", ["owner_id", "updated_at"])
    op.create_index(op.f("ix_request_draft_updated_at"), "request_draft", ["updated_at"])
    op.create_table(
        "request_draft_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("mime", sa.String(length=120), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["draft_id"],
            ["request_draft.id"],
            name=op.f("fk_request_draft_file_draft_id_request_draft"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_draft_file")),
    )
    op.create_index(op.f("ix_request_draft_file_draft_id"), "request_draft_file", ["draft_id"])
    op.create_table(
        "request_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_group")),
    )
    with op.batch_alter_table("info_request") as batch:
        batch.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_info_request_group_id_request_group"), "request_group", ["group_id"], ["id"]
        )
        batch.create_index(op.f("ix_info_request_group_id"), ["group_id"])


def downgrade():
    with op.batch_alter_table("info_request") as batch:
        batch.drop_index(op.f("ix_info_request_group_id"))
        batch.drop_constraint(op.f("fk_info_request_group_id_request_group"), type_="foreignkey")
        batch.drop_column("group_id")
    op.drop_table("request_group")
    op.drop_index(op.f("ix_request_draft_file_draft_id"), table_name="request_draft_file")
    op.drop_table("request_draft_file")
    op.drop_index(op.f("ix_request_draft_updated_at"), table_name="request_draft")
    op.drop_index("ix_request_draft_owner", table_name="request_draft")
    op.drop_table("request_draft")
