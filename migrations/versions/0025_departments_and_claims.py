"""Departments of an agency: requests routed to one, officers who belong to one.

Revision ID: 0025
Revises: 0026
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "department",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("name_az", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("name_ru", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_department_agency_id_agency")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_department")),
        sa.UniqueConstraint("agency_id", "name_az", name="uq_department_agency_name"),
    )
    op.create_index("ix_department_agency_id", "department", ["agency_id"])
    for table in ("info_request", "user_account"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("department_id", sa.Integer(), nullable=True))
            batch.create_foreign_key(
                f"fk_{table}_department_id_department", "department", ["department_id"], ["id"]
            )
            batch.create_index(f"ix_{table}_department_id", ["department_id"])


def downgrade():
    for table in ("info_request", "user_account"):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_department_id")
            batch.drop_constraint(f"fk_{table}_department_id_department", type_="foreignkey")
            batch.drop_column("department_id")
    op.drop_index("ix_department_agency_id", table_name="department")
    op.drop_table("department")
