"""Someone signed in follows a public request, an agency or a search, to be told by e-mail."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow

REQUEST, AGENCY, SEARCH = "request", "agency", "search"
KINDS = (REQUEST, AGENCY, SEARCH)


class Follow(db.Model):
    __tablename__ = "follow"
    __table_args__ = (
        UniqueConstraint("user_id", "kind", "target"),
        Index("ix_follow_target", "kind", "target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    kind: Mapped[str] = mapped_column(String(10))  # REQUEST, AGENCY or SEARCH
    # The request's or the agency's id, or the search as a query string (q=...&agency=...).
    target: Mapped[str] = mapped_column(String(600))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A search's e-mail lists what was published since then.
    last_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user = relationship("User")
