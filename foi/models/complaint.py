"""Complaints to the oversight body about a request: the second clock."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow

# Status of a complaint; the oversight body's deadline runs while it is lodged or extended.
LODGED, EXTENDED, DECIDED = "lodged", "extended", "decided"
COMPLAINT_STATUSES = (LODGED, EXTENDED, DECIDED)
PENDING_STATUSES = (LODGED, EXTENDED)

# What the oversight body found.
UPHELD, PARTLY_UPHELD, REJECTED = "upheld", "partly_upheld", "rejected"
COMPLAINT_OUTCOMES = (UPHELD, PARTLY_UPHELD, REJECTED)


class Complaint(db.Model):
    """A requester's complaint about an overdue or refused request, and its decision."""

    __tablename__ = "complaint"
    __table_args__ = (Index("ix_complaint_pending", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_request.id"), index=True)
    lodged_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    lodged_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: Why the requester complains: "overdue", "refused" or "partial" (the request's state).
    ground: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default=LODGED)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    extended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(20))
    decision: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    request = relationship("InfoRequest", backref=backref("complaints", order_by="Complaint.id"))
    lodged_by = relationship("User", foreign_keys=[lodged_by_id])
    decided_by = relationship("User", foreign_keys=[decided_by_id])

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING_STATUSES
