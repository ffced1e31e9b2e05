"""Accounts: the audit trail of account changes, and failed logins for throttling.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "account_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["user_account.id"],
                                name=op.f("fk_account_event_actor_id_user_account")),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"],
                                name=op.f("fk_account_event_user_id_user_account")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_event")),
    )
    with op.batch_alter_table("account_event") as batch_op:
        batch_op.create_index("ix_account_event_user", ["user_id", "at"], unique=False)

    op.create_table(
        "login_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("ip", sa.String(length=45), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempt")),
    )
    with op.batch_alter_table("login_attempt") as batch_op:
        batch_op.create_index("ix_login_attempt_email", ["email", "at"], unique=False)
        batch_op.create_index("ix_login_attempt_ip", ["ip", "at"], unique=False)
        batch_op.create_index("ix_login_attempt_at", ["at"], unique=False)


def downgrade():
    with op.batch_alter_table("login_attempt") as batch_op:
        batch_op.drop_index("ix_login_attempt_at")
        batch_op.drop_index("ix_login_attempt_ip")
        batch_op.drop_index("ix_login_attempt_email")
    op.drop_table("login_attempt")
    with op.batch_alter_table("account_event") as batch_op:
        batch_op.drop_index("ix_account_event_user")
    op.drop_table("account_event")
