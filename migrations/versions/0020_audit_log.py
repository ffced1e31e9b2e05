"""The administrators' audit log: client addresses on events, and the site's own entries.

Request and account events get the client's address; ``audit_entry`` holds what has no history
of its own (the calendar, the outbox, the agency directory, dismissed moderation flags).

The new columns are nullable without a default: adding them rewrites no table, on a million
events as on none, and older rows simply have no address.

Revision ID: 0020
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade():
    for table in ("request_event", "account_event"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("address", sa.String(length=45), nullable=True))
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=45), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("object_type", sa.String(length=20), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=True),
        sa.Column("object_label", sa.String(length=200), nullable=False),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["user_account.id"], name=op.f("fk_audit_entry_actor_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_index("ix_audit_entry_at", "audit_entry", ["at"])


def downgrade():
    op.drop_table("audit_entry")
    for table in ("request_event", "account_event"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("address")
