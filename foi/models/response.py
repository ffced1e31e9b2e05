"""An agency's answer to a request."""

import json
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow


class Response(db.Model):
    __tablename__ = "response"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_request.id"), unique=True)
    outcome: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)  # what the requester receives
    public_body: Mapped[str | None] = mapped_column(Text)  # redacted text for the archive
    grounds_json: Mapped[str] = mapped_column(Text, default="[]")  # refusal ground codes
    officer_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    request = relationship("InfoRequest", back_populates="response")
    officer = relationship("User", foreign_keys=[officer_id])

    @property
    def grounds(self) -> list[str]:
        return json.loads(self.grounds_json or "[]")

    @grounds.setter
    def grounds(self, value: list[str]) -> None:
        self.grounds_json = json.dumps(list(value))

    @property
    def published_text(self) -> str:
        return self.public_body if self.public_body is not None else self.body
