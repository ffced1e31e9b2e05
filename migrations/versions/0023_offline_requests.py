"""Requests received off-line: their channel, and the requester's contact details.

A request entered by staff from a letter, a call or a visit has no requester account until its
person registers, so ``info_request.requester_id`` may be empty; ``request_contact`` holds the
name and addresses (private).

Revision ID: 0023
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    # A constant default: no table rewrite on PostgreSQL 11+; every existing request is online.
    with op.batch_alter_table("info_request") as batch:
        batch.add_column(
            sa.Column("channel", sa.String(length=12), nullable=False, server_default="online")
        )
        batch.alter_column("requester_id", existing_type=sa.Integer(), nullable=True)
    op.create_table(
        "request_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("postal_address", sa.String(length=500), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["info_request.id"], name=op.f("fk_request_contact_request_id_info_request")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_contact")),
        sa.UniqueConstraint("request_id", name=op.f("uq_request_contact_request_id")),
    )
    op.create_index(op.f("ix_request_contact_email"), "request_contact", ["email"])


def downgrade():
    op.drop_index(op.f("ix_request_contact_email"), table_name="request_contact")
    op.drop_table("request_contact")
    # A request without an account cannot live in the older schema: refuse, lose nothing.
    orphans = op.get_bind().scalar(
        sa.text("SELECT count(*) FROM info_request WHERE requester_id IS NULL")
    )
    if orphans:
        raise RuntimeError(
            f"{orphans} requests received off-line have no requester account; "
            "the schema before 0023 cannot hold them."
        )
    with op.batch_alter_table("info_request") as batch:
        batch.drop_column("channel")
        batch.alter_column("requester_id", existing_type=sa.Integer(), nullable=False)
