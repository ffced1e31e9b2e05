"""When the content anonymous visitors read last changed: the Last-Modified of public pages."""

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from foi.extensions import db
from foi.models.base import UTCDateTime


class PublicChange(db.Model):
    """One row per kind of public content (``archive``), bumped in the changing transaction."""

    __tablename__ = "public_change"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
