"""The audit trail of accounts: who changed which account, when, and what."""
import json
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow

# What happened to the account; ``data`` holds the details (e.g. the fields changed).
INVITED, UPDATED, DEACTIVATED, REACTIVATED = "invited", "updated", "deactivated", "reactivated"
PASSWORD_SET, PASSWORD_CHANGED, EMAIL_CHANGED = "password_set", "password_changed", "email_changed"
PROFILE_CHANGED, DELETED = "profile_changed", "deleted"


class AccountEvent(db.Model):
    """One change to an account. Never updated or deleted, like a request's history."""

    __tablename__ = "account_event"
    __table_args__ = (Index("ix_account_event_user", "user_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: The person who made the change: an administrator, or the account's owner.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    kind: Mapped[str] = mapped_column(String(40))
    data_json: Mapped[str] = mapped_column(Text, default="{}")

    actor = relationship("User", foreign_keys=[actor_id])
    user = relationship("User", foreign_keys=[user_id])

    @property
    def data(self) -> dict:
        return json.loads(self.data_json or "{}")

    @data.setter
    def data(self, value: dict) -> None:
        self.data_json = json.dumps(value, ensure_ascii=False, default=str)
