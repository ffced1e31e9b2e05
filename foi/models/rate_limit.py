"""Rate-limit counters in the database, for sites that run without Redis."""

from sqlalchemy import Float, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from foi.extensions import db


class RateLimitCounter(db.Model):
    """One fixed window of one limit for one client: how many hits, and when it ends.

    Written only through ``foi.ratelimits.sql_storage`` (one atomic upsert per hit), so that
    every web worker and host on the database counts into the same row.
    """

    __tablename__ = "rate_limit_counter"
    __table_args__ = (Index("ix_rate_limit_counter_expires_at", "expires_at"),)

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    # Seconds since the epoch, as the `limits` package counts time (time.time()).
    expires_at: Mapped[float] = mapped_column(Float)
