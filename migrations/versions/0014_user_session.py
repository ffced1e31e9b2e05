"""Logins kept on the server: ``user_session``, one row per login, named by the cookies.

A cookie opens the account only while its row has no ``ended_at``; logout, a new password, a
reset, a deactivation, a deletion or turning on the second factor set it, on every host at once.
Existing cookies (which name a user id, not a login) stop working: everyone logs in once more.

Revision ID: 0014
Revises: 0022
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "user_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("remember", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_agent", sa.String(length=200), nullable=False),
        sa.Column("ip", sa.String(length=45), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_user_session_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_session")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_user_session_token_hash")),
    )
    op.create_index("ix_user_session_user", "user_session", ["user_id", "ended_at"])


def downgrade():
    op.drop_index("ix_user_session_user", table_name="user_session")
    op.drop_table("user_session")
