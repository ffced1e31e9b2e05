"""A database lease so that only one scheduler acts at a time; another takes over if it dies."""
from datetime import datetime, timedelta

from sqlalchemy import select

from foi.extensions import db
from foi.models import SchedulerLock

LEASE = timedelta(minutes=3)


def lease_acquire(holder: str, now: datetime, name: str = "scheduler") -> bool:
    """Take or renew the lease; True when ``holder`` may act until the lease expires."""
    lock = db.session.execute(select(SchedulerLock).where(SchedulerLock.name == name)
                              .with_for_update()).scalar_one_or_none()
    if lock is None:
        db.session.add(SchedulerLock(name=name, holder=holder, expires_at=now + LEASE))
    elif lock.holder == holder or lock.expires_at <= now:
        lock.holder, lock.expires_at = holder, now + LEASE
    else:
        db.session.rollback()
        return False
    try:
        db.session.commit()
    except Exception:  # another scheduler inserted the row first
        db.session.rollback()
        return False
    return True
