"""Reminder schedule in a narrow table of its own instead of ``info_request.next_reminder_at``.

On PostgreSQL, moving an indexed column of ``info_request`` after each notice rewrote all seven
of its indexes; ``reminder_schedule`` (request, next moment) has two small ones. A request
without a row is not waiting for a notice (the old column's NULL). Existing moments are copied
across, and back on downgrade.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

WAITING = sa.text("next_reminder_at IS NOT NULL")


def upgrade():
    op.create_table(
        "reminder_schedule",
        sa.Column("request_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("next_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["info_request.id"], ondelete="CASCADE",
                                name=op.f("fk_reminder_schedule_request_id_info_request")),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_reminder_schedule")),
    )
    op.execute("INSERT INTO reminder_schedule (request_id, next_at) "
               "SELECT id, next_reminder_at FROM info_request WHERE next_reminder_at IS NOT NULL")
    # Built after the copy: one sort instead of a million index insertions.
    op.create_index("ix_reminder_schedule_next_at", "reminder_schedule",
                    ["next_at", "request_id"])
    op.drop_index("ix_info_request_next_reminder", table_name="info_request")
    with op.batch_alter_table("info_request") as batch_op:
        batch_op.drop_column("next_reminder_at")


def downgrade():
    with op.batch_alter_table("info_request") as batch_op:
        batch_op.add_column(sa.Column("next_reminder_at", sa.DateTime(timezone=True),
                                      nullable=True))
    op.execute("UPDATE info_request SET next_reminder_at = (SELECT s.next_at "
               "FROM reminder_schedule AS s WHERE s.request_id = info_request.id) "
               "WHERE id IN (SELECT request_id FROM reminder_schedule)")
    op.create_index("ix_info_request_next_reminder", "info_request", ["next_reminder_at"],
                    sqlite_where=WAITING, postgresql_where=WAITING)
    op.drop_index("ix_reminder_schedule_next_at", table_name="reminder_schedule")
    op.drop_table("reminder_schedule")
