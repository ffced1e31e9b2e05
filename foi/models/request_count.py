"""How many requests each agency holds in each status: the counts public pages show."""

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from foi.extensions import db


class RequestCount(db.Model):
    """One row per agency, status and moderation state, kept by ``foi.services.counters``.

    The home page and the agency directory read these few rows instead of counting the
    requests table, so their cost does not grow with the archive.
    """

    __tablename__ = "request_count"

    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    #: Hidden by moderation: out of the archive, though still published.
    hidden: Mapped[bool] = mapped_column(Boolean, primary_key=True, default=False)
    n: Mapped[int] = mapped_column(Integer, default=0)
