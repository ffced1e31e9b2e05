"""Failed logins, counted in the database so that every web worker sees the same numbers."""

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow


class LoginAttempt(db.Model):
    """One failed login for an e-mail address (as typed) from an IP address.

    Rows live only as long as they can still count (see ``foi.services.accounts``): the login
    path itself deletes older ones, so the table stays small without a sweep.
    """

    __tablename__ = "login_attempt"
    __table_args__ = (
        Index("ix_login_attempt_email", "email", "at"),
        Index("ix_login_attempt_ip", "ip", "at"),
        Index("ix_login_attempt_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    email: Mapped[str] = mapped_column(String(254))
    ip: Mapped[str] = mapped_column(String(45))  # an IPv6 address at its longest
