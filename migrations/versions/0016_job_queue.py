"""Jobs of the task queue (the truth about each job), and Huey's own tables on PostgreSQL.

On PostgreSQL without Redis the queue lives in the database (Huey's PostgresHuey); its tables
are created here, from Huey's own statements, so that migrations alone build the schema.
SQLite keeps the queue in a file of its own (``FOI_QUEUE_PATH``), Redis in Redis.

Revision ID: 0016
Revises: 0021
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0021"
branch_labels = None
depends_on = None

HUEY_TABLES = ("huey_kv", "huey_schedule", "huey_task", "huey_counter")


def upgrade():
    op.create_table(
        "job",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("args_json", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("progress", sa.Float(), nullable=False),
        sa.Column("stage", sa.String(length=80), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("worker", sa.String(length=120), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("result_json", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column(
            "user_id",
            sa.Integer(),
            sa.ForeignKey("user_account.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_job_status_lease", "job", ["status", "lease_until"])
    op.create_index("ix_job_user", "job", ["user_id", "created_at"])
    if op.get_bind().dialect.name == "postgresql":
        from huey.storage import PostgresStorage

        for statement in PostgresStorage("foi", create_tables=False).ddl:
            op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table in HUEY_TABLES:
            op.execute(f"DROP TABLE IF EXISTS {table}")
    op.drop_index("ix_job_user", table_name="job")
    op.drop_index("ix_job_status_lease", table_name="job")
    op.drop_table("job")
