"""Files attached to a request or to its response; the bytes live in the content-addressed store."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow

FROM_REQUESTER, FROM_AGENCY = "request", "response"

# Text recognition of a scan (foi.services.ocr): waiting for the queue, read, unreadable, or
# not run because this site has no OCR installed. "" for a file that is not a scan.
OCR_WAITING, OCR_DONE, OCR_UNREADABLE, OCR_OFF = "waiting", "done", "unreadable", "off"


class Document(db.Model):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_request.id"), index=True)
    source: Mapped[str] = mapped_column(String(12))  # FROM_REQUESTER or FROM_AGENCY
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # Released files become public when the response is published, unless held for review.
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    held_reason: Mapped[str] = mapped_column(Text, default="")
    # What the archive serves when it differs from the upload: a photo re-encoded without its
    # metadata (foi.documents.photos). The original stays for the agency and the requester.
    public_sha256: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text, default="")  # extracted for search
    # Indexed for the scheduler's OCR sweep, which looks for the few files still waiting.
    ocr_state: Mapped[str] = mapped_column(String(12), default="", index=True)
    # The file as uploaded, when OCR replaced it by a PDF with a text layer (``sha256``, ``mime``):
    # kept as evidence of what was received, and what the hidden-data check inspects.
    uploaded_sha256: Mapped[str | None] = mapped_column(String(64))
    uploaded_mime: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Hidden by an administrator's moderation: nobody but administrators may open it.
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_reason: Mapped[str] = mapped_column(String(20), default="")

    request = relationship("InfoRequest", back_populates="documents")
