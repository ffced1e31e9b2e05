"""Reminder schedule on requests (partial index), assignee index, outbox retry time.

``info_request.next_reminder_at`` is the moment the reminder sweep should next look at a request;
NULL when nothing more is due for its current deadline. The partial index holds only the rows
that still wait for a reminder, so a sweep with nothing due reads a handful of index entries
instead of every open request.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

WAITING = sa.text("next_reminder_at IS NOT NULL")


def upgrade():
    op.add_column("info_request", sa.Column("next_reminder_at", sa.DateTime(timezone=True),
                                            nullable=True))
    op.add_column("outbox", sa.Column("retried_at", sa.DateTime(timezone=True), nullable=True))
    # Open requests with a deadline are looked at by the first sweep after the upgrade.
    op.execute("UPDATE info_request SET next_reminder_at = received_at "
               "WHERE status = 'awaiting' AND due_at IS NOT NULL")
    op.create_index("ix_info_request_next_reminder", "info_request", ["next_reminder_at"],
                    sqlite_where=WAITING, postgresql_where=WAITING)
    op.create_index("ix_info_request_assignee", "info_request", ["assignee_id", "status"])


def downgrade():
    op.drop_index("ix_info_request_assignee", table_name="info_request")
    op.drop_index("ix_info_request_next_reminder", table_name="info_request")
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("retried_at")
    with op.batch_alter_table("info_request") as batch_op:
        batch_op.drop_column("next_reminder_at")
