"""Transfers between agencies as rows, so that the sending agency's statistics count them.

A transferred request belongs to the receiving agency; until now only the ``transferred``
event (with the sending agency's name) remembered who passed it on, so statistics could not
count it at the sender without reading every event. Existing transfers are copied from those
events: the sending agency found by its Azerbaijani name, the receiving one by its id.

Revision ID: 0017
Revises: 0019
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "request_transfer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("request_id", sa.Integer(), sa.ForeignKey("info_request.id"), nullable=False),
        sa.Column("from_agency_id", sa.Integer(), sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("to_agency_id", sa.Integer(), sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_request_transfer_request_id", "request_transfer", ["request_id"])
    op.create_index(
        "ix_request_transfer_from", "request_transfer", ["from_agency_id", "request_id"]
    )
    conn = op.get_bind()
    by_name = dict(conn.execute(sa.text("SELECT name_az, id FROM agency")).all())
    rows = []
    for request_id, at, data_json in conn.execute(
        sa.text(
            "SELECT request_id, at, data_json FROM request_event "
            "WHERE kind = 'transferred' ORDER BY id"
        )
    ):
        data = json.loads(data_json or "{}")
        source, target = by_name.get(data.get("from_agency")), data.get("to_agency_id")
        if source is not None and target is not None:  # else nobody can be credited with it
            rows.append(
                {"request_id": request_id, "from_agency_id": source, "to_agency_id": target, "at": at}
            )
    if rows:
        # Plain SQL: the event's stored time is copied as it is (text on SQLite).
        conn.execute(
            sa.text(
                "INSERT INTO request_transfer (request_id, from_agency_id, to_agency_id, at) "
                "VALUES (:request_id, :from_agency_id, :to_agency_id, :at)"
            ),
            rows,
        )


def downgrade():
    op.drop_table("request_transfer")
