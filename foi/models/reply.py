"""An agency's standard reply: a text in az, en and ru that officers start their letters from."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow

# The officer's forms a reply can fill; a refusal fills the answer form with its ground.
CLARIFY, EXTEND, TRANSFER, REFUSAL, ANSWER = "clarify", "extend", "transfer", "refusal", "answer"
MESSAGE = "message"  # a message to the requester that does not touch the clock
KINDS = (CLARIFY, EXTEND, TRANSFER, REFUSAL, ANSWER, MESSAGE)


class ReplyTemplate(db.Model):
    __tablename__ = "reply_template"
    __table_args__ = (Index("ix_reply_template_agency", "agency_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    kind: Mapped[str] = mapped_column(String(10))  # one of KINDS
    # The refusal ground's code in the agency's rule pack; "" for the other kinds.
    ground: Mapped[str] = mapped_column(String(60), default="")
    name: Mapped[str] = mapped_column(String(200))
    text_az: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    text_ru: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    agency = relationship("Agency")

    def text(self, lang: str) -> str:
        """Return the text in ``lang``, the Azerbaijani one for other languages."""
        return getattr(self, f"text_{lang}", None) or self.text_az
