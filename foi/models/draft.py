"""A request the citizen is still writing: kept for its author only, never a request yet.

A draft is a row of its own, not a state of ``info_request``: it has no reference, no agency's
clock, no history, and is never counted, queued, indexed or published. Sending it files an
ordinary request (``foi.services.filing.request_file``) and deletes the draft in the same
transaction. Its attachments are listed in ``request_draft_file``; the bytes live in the
content-addressed file store like every upload.
"""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow


class RequestDraft(db.Model):
    __tablename__ = "request_draft"
    __table_args__ = (Index("ix_request_draft_owner", "owner_id", "updated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    # The agencies chosen so far, in the order chosen: "12,7" (the first is the main one).
    agency_ids: Mapped[str] = mapped_column(String(200), default="")
    urgency: Mapped[str | None] = mapped_column(String(20))
    publish_name: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Last saved by its author; the sweep deletes drafts not touched for FOI_DRAFT_KEEP_DAYS.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # When the author was warned of the deletion; cleared when the draft is saved again.
    warned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    owner = relationship("User")
    files = relationship(
        "RequestDraftFile",
        order_by="RequestDraftFile.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def agency_id_list(self) -> list[int]:
        """Return the chosen agencies' ids, the main one first."""
        return [int(x) for x in self.agency_ids.split(",") if x.strip().isdigit()]


class RequestDraftFile(db.Model):
    """One attachment of a draft: what a ``Document`` of the request will be when it is sent."""

    __tablename__ = "request_draft_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(
        ForeignKey("request_draft.id", ondelete="CASCADE"), index=True
    )
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)


class RequestGroup(db.Model):
    """Requests filed together: one text sent to several agencies at once.

    Each member is an ordinary request with its own reference, deadline and history; the
    group only lets the requester and the archive show them side by side.
    """

    __tablename__ = "request_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
