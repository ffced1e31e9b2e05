"""A database lease so that only one scheduler acts at a time; another takes over if it dies.

The lease is a row (name, holder, expires_at). Taking or renewing it is one conditional UPDATE
("mine, or expired") so two schedulers can never both win; a holder that dies stops renewing,
and once ``expires_at`` passes the next scheduler to ask takes over.
"""
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, or_, update
from sqlalchemy.exc import IntegrityError, OperationalError

from foi.extensions import db
from foi.models import SchedulerLock

LEASE = timedelta(minutes=3)


def lease_acquire(holder: str, now: datetime, name: str = "scheduler",
                  lease: timedelta = LEASE) -> bool:
    """Take or renew the lease; return True when ``holder`` may act until it expires."""
    db.session.rollback()  # decide on fresh data, outside any earlier transaction
    lock = SchedulerLock.__table__
    try:
        taken = db.session.execute(
            update(lock).where(lock.c.name == name,
                               or_(lock.c.holder == holder, lock.c.expires_at <= now))
            .values(holder=holder, expires_at=now + lease)).rowcount
        if not taken:
            db.session.execute(insert(lock).values(name=name, holder=holder,
                                                   expires_at=now + lease))
        db.session.commit()
    except (IntegrityError, OperationalError):  # the row exists and is someone else's
        db.session.rollback()
        return False
    return True


def lease_release(holder: str, name: str = "scheduler") -> None:
    """Give the lease up at a clean shutdown so the next scheduler need not wait."""
    lock = SchedulerLock.__table__
    db.session.execute(delete(lock).where(lock.c.name == name, lock.c.holder == holder))
    db.session.commit()


def lease_holder(name: str = "scheduler") -> tuple[str, datetime] | None:
    """Return who holds the lease and until when, or None."""
    row = db.session.get(SchedulerLock, name)
    return (row.holder, row.expires_at) if row else None
