"""Photos published without metadata, and the second factor of accounts.

- ``document.public_sha256``: where the copy of a released photo saved again without its
  metadata is stored; the archive serves it instead of the original.
- ``second_factor`` (an account's TOTP key and the last time step used), ``recovery_code``
  (argon2 hashes of one-time codes) and ``trusted_device`` (SHA-256 of the token of a browser
  remembered for 30 days).

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    # A nullable column without a default: no table rewrite, old code keeps working meanwhile.
    op.add_column("document", sa.Column("public_sha256", sa.String(length=64), nullable=True))

    op.create_table(
        "second_factor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_step", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"],
                                name=op.f("fk_second_factor_user_id_user_account")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_second_factor")),
        sa.UniqueConstraint("user_id", name=op.f("uq_second_factor_user_id")),
    )
    op.create_table(
        "recovery_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=200), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"],
                                name=op.f("fk_recovery_code_user_id_user_account")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_code")),
    )
    op.create_index("ix_recovery_code_user", "recovery_code", ["user_id"], unique=False)
    op.create_table(
        "trusted_device",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"],
                                name=op.f("fk_trusted_device_user_id_user_account")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_device")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_trusted_device_token_hash")),
    )
    op.create_index("ix_trusted_device_user", "trusted_device", ["user_id"], unique=False)


def downgrade():
    op.drop_index("ix_trusted_device_user", table_name="trusted_device")
    op.drop_table("trusted_device")
    op.drop_index("ix_recovery_code_user", table_name="recovery_code")
    op.drop_table("recovery_code")
    op.drop_table("second_factor")
    with op.batch_alter_table("document") as batch:
        batch.drop_column("public_sha256")
