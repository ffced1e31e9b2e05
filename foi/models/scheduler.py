"""A lease that lets exactly one scheduler process act at a time."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from foi.extensions import db
from foi.models.base import UTCDateTime


class SchedulerLock(db.Model):
    __tablename__ = "scheduler_lock"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(120))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # When the holder last finished every sweep: the operators' "is mail going out" signal.
    last_sweep_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
