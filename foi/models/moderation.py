"""Moderation: a request or an upload flagged as spam or abuse, and the administrator's decision.

A flag stays open until an administrator decides it: ``hidden`` (the request or file is taken
out of the public archive and the agency's queue; ``hidden_at`` of ``info_request`` or
``document`` says so), ``restored`` (shown again) or ``dismissed`` (nothing was wrong).
Filing past the rate limits opens a flag with no person behind it (``flagged_by_id`` empty,
reason ``rate_limit``).
"""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow

SPAM, ABUSIVE, PERSONAL_DATA, RATE_LIMIT, OTHER = (
    "spam",
    "abusive",
    "personal_data",
    "rate_limit",
    "other",
)
#: The reasons a person can give; RATE_LIMIT is the system's own.
FLAG_REASONS = (SPAM, ABUSIVE, PERSONAL_DATA, OTHER)
HIDDEN, RESTORED, DISMISSED = "hidden", "restored", "dismissed"


class ModerationFlag(db.Model):
    __tablename__ = "moderation_flag"
    __table_args__ = (Index("ix_moderation_flag_open", "resolved_at", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_request.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    flagged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    resolution: Mapped[str] = mapped_column(String(12), default="")
    # A hidden released file stops being public; restoring it puts back what it was.
    was_public: Mapped[bool] = mapped_column(Boolean, default=False)

    request = relationship("InfoRequest")
    document = relationship("Document")
    flagged_by = relationship("User", foreign_keys=[flagged_by_id])
    resolved_by = relationship("User", foreign_keys=[resolved_by_id])

    @property
    def is_open(self) -> bool:
        """Tell whether the flag still waits for an administrator."""
        return self.resolved_at is None
