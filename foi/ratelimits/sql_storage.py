"""A storage for the `limits` package over a SQL table, so workers share counters without Redis.

Registered for the ``foi+sql://`` scheme. It implements the fixed-window interface: each hit is
one atomic ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` (SQLite 3.35+ and PostgreSQL),
so two workers hitting the same key at once both count, and neither reads a stale number.
The statement runs on its own connection and commits at once, outside the request's session.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from limits.storage import Storage
from sqlalchemy import case, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from foi.models.rate_limit import RateLimitCounter

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
PRUNE_EVERY = 60.0  # seconds between deletions of windows that have ended


class SQLStorage(Storage):
    """Fixed-window counters in the ``rate_limit_counter`` table.

    ``engine`` is an :class:`~sqlalchemy.engine.Engine` or a function returning one (the app's,
    looked up when a request first counts: the storage is built before the app has one).
    ``clock`` returns seconds since the epoch; tests give their own.
    """

    STORAGE_SCHEME = ["foi+sql"]

    def __init__(
        self,
        uri: str = "foi+sql://",
        *,
        engine: Engine | Callable[[], Engine],
        clock: Callable[[], float] = time.time,
        wrap_exceptions: bool = False,
        **options,
    ):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._engine = engine
        self._clock = clock
        self._pruned_at = 0.0

    @property
    def base_exceptions(self) -> type[Exception]:
        return SQLAlchemyError

    @property
    def engine(self) -> Engine:
        return self._engine if isinstance(self._engine, Engine) else self._engine()

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add ``amount`` to the key's window, starting a new window if the old one ended."""
        now = self._clock()
        table = RateLimitCounter.__table__
        engine = self.engine
        insert = _INSERTS[engine.dialect.name]
        ended = table.c.expires_at <= now
        statement = insert(table).values(key=key, count=amount, expires_at=now + expiry)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                # Both read the row as it was before this statement: the window's end moves
                # only when the old window has ended, and then the count starts again.
                "count": case((ended, amount), else_=table.c.count + amount),
                "expires_at": case((ended, now + expiry), else_=table.c.expires_at),
            },
        ).returning(table.c.count)
        # Its own connection and commit: a hit counts even when the request's use case rolls
        # back, and no counter waits for a page's transaction.
        with engine.begin() as conn:
            count = conn.execute(statement).scalar_one()
            if now - self._pruned_at > PRUNE_EVERY:
                self._pruned_at = now
                conn.execute(delete(table).where(table.c.expires_at < now))
        return count

    def get(self, key: str) -> int:
        """Return the key's count in its current window (0 once the window has ended)."""
        table = RateLimitCounter.__table__
        with self.engine.connect() as conn:
            count = conn.execute(
                select(table.c.count).where(table.c.key == key, table.c.expires_at > self._clock())
            ).scalar()
        return count or 0

    def get_expiry(self, key: str) -> float:
        """Return when the key's window ends, in seconds since the epoch (now if none)."""
        now = self._clock()
        table = RateLimitCounter.__table__
        with self.engine.connect() as conn:
            ends = conn.execute(
                select(table.c.expires_at).where(table.c.key == key, table.c.expires_at > now)
            ).scalar()
        return ends or now

    def check(self) -> bool:
        """Say whether the database answers."""
        try:
            with self.engine.connect() as conn:
                conn.execute(select(1))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        """Forget every counter; return how many there were."""
        with self.engine.begin() as conn:  # its own commit, like a hit
            return conn.execute(delete(RateLimitCounter.__table__)).rowcount

    def clear(self, key: str) -> None:
        """Forget one key's counter."""
        table = RateLimitCounter.__table__
        with self.engine.begin() as conn:  # its own commit, like a hit
            conn.execute(delete(table).where(table.c.key == key))
