"""Standard replies: an agency's reply templates in az, en and ru.

Revision ID: 0022
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "reply_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("ground", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("text_az", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("text_ru", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_reply_template_agency_id_agency")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reply_template")),
    )
    op.create_index("ix_reply_template_agency", "reply_template", ["agency_id", "kind"])


def downgrade():
    op.drop_table("reply_template")
