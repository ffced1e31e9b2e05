"""An agency's statistics as the scheduler last counted them, for its public page."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from foi.extensions import db
from foi.models.base import UTCDateTime


class AgencyFigures(db.Model):
    """One row per agency: its figures (JSON, counts only) and when they were counted."""

    __tablename__ = "agency_figures"

    agency_id: Mapped[int] = mapped_column(Integer, ForeignKey("agency.id"), primary_key=True)
    counted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    figures: Mapped[str] = mapped_column(Text)
