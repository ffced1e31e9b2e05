"""The reminder sweep's schedule: when to look next at each request still waiting for a notice.

A narrow table of its own rather than a column of ``info_request``: the sweep moves a request's
moment after every notice, and on PostgreSQL changing an indexed column rewrites every index of
the row's table (no HOT update). Here that is two small indexes instead of the seven of
``info_request``. A row exists only while a notice may still be due for the current deadline.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from foi.extensions import db
from foi.models.base import UTCDateTime


class ReminderSchedule(db.Model):
    """The moment the reminder sweep should next look at one request."""

    __tablename__ = "reminder_schedule"
    # The sweep reads ``next_at <= now ORDER BY next_at, request_id``: straight from the index.
    __table_args__ = (Index("ix_reminder_schedule_next_at", "next_at", "request_id"),)

    request_id: Mapped[int] = mapped_column(
        ForeignKey("info_request.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    next_at: Mapped[datetime] = mapped_column(UTCDateTime)
