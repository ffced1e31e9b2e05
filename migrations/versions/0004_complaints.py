"""Complaints to the oversight body: the second clock.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "complaint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("lodged_by_id", sa.Integer(), nullable=False),
        sa.Column("lodged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ground", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["request_id"], ["info_request.id"],
                                name=op.f("fk_complaint_request_id_info_request")),
        sa.ForeignKeyConstraint(["lodged_by_id"], ["user_account.id"],
                                name=op.f("fk_complaint_lodged_by_id_user_account")),
        sa.ForeignKeyConstraint(["decided_by_id"], ["user_account.id"],
                                name=op.f("fk_complaint_decided_by_id_user_account")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint")),
    )
    with op.batch_alter_table("complaint") as batch_op:
        batch_op.create_index("ix_complaint_pending", ["status", "due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_complaint_request_id"), ["request_id"],
                              unique=False)


def downgrade():
    with op.batch_alter_table("complaint") as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_request_id"))
        batch_op.drop_index("ix_complaint_pending")
    op.drop_table("complaint")
