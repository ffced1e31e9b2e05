"""The audit trail of accounts: who changed which account, when, and what."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import JSONData, UTCDateTime, utcnow

# What happened to the account; ``data`` holds the details (e.g. the fields changed).
INVITED, UPDATED, DEACTIVATED, REACTIVATED = "invited", "updated", "deactivated", "reactivated"
PASSWORD_SET, PASSWORD_CHANGED, EMAIL_CHANGED = "password_set", "password_changed", "email_changed"
PROFILE_CHANGED, DELETED = "profile_changed", "deleted"
SECOND_FACTOR_ENABLED, SECOND_FACTOR_DISABLED = "second_factor_enabled", "second_factor_disabled"
SECOND_FACTOR_RESET = "second_factor_reset"  # by an administrator
RECOVERY_CODES_RENEWED, RECOVERY_CODE_USED = "recovery_codes_renewed", "recovery_code_used"
PASSKEY_ADDED, PASSKEY_REMOVED = "passkey_added", "passkey_removed"
LOGIN_UNLOCKED = "login_unlocked"  # by its owner, with the link e-mailed when the login locked


class AccountEvent(JSONData, db.Model):
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
    # The client's IP address when a person acted through the site (none for the scheduler).
    address: Mapped[str | None] = mapped_column(String(45))

    actor = relationship("User", foreign_keys=[actor_id])
    user = relationship("User", foreign_keys=[user_id])
