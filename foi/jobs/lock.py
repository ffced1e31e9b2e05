"""A database lease so that only one scheduler acts at a time; another takes over if it dies.

The lease is a row (name, holder, expires_at). Taking or renewing it is one conditional UPDATE
("mine, or expired") so two schedulers can never both win; a holder that dies stops renewing,
and once ``expires_at`` passes the next scheduler to ask takes over.

The lease is short (15 s by default) so that a crash stops the mail for seconds, not minutes;
``Heartbeat`` renews it from its own thread every third of the lease, so a sweep that runs for
an hour keeps it, and a standby asks as often, so it takes over at most a third of a lease
after the old one ran out.
"""

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, or_, update
from sqlalchemy.exc import IntegrityError, OperationalError

from foi.extensions import db
from foi.models import SchedulerLock

LEASE = timedelta(seconds=15)
EXPIRED = datetime(1970, 1, 1, tzinfo=UTC)  # a released lease: anyone may take it at once

log = logging.getLogger("foi.jobs")


class LeaseBusy(Exception):
    """The database could not answer in time (SQLite busy): whether the lease is ours is unknown."""


def lease_try(
    holder: str, now: datetime, name: str = "scheduler", lease: timedelta = LEASE
) -> bool:
    """Take or renew the lease; return True when ``holder`` may act until ``now + lease``.

    Raises ``LeaseBusy`` when the database was too busy to say: the caller keeps what it
    believed, so a renewal stuck behind a long write neither loses nor invents the lease.
    """
    db.session.rollback()  # decide on fresh data, outside any earlier transaction
    lock = SchedulerLock.__table__
    try:
        taken = db.session.execute(
            update(lock)
            .where(lock.c.name == name, or_(lock.c.holder == holder, lock.c.expires_at <= now))
            .values(holder=holder, expires_at=now + lease)
        ).rowcount
        if not taken:
            db.session.execute(
                insert(lock).values(name=name, holder=holder, expires_at=now + lease)
            )
        # Commit point of its own: the other schedulers must see the lease at once, and it is
        # renewed from the heartbeat thread while a sweep's transaction is still open.
        db.session.commit()
    except IntegrityError:  # the row exists and is someone else's
        db.session.rollback()
        return False
    except OperationalError as exc:
        db.session.rollback()
        raise LeaseBusy(str(exc)) from exc
    return True


def lease_acquire(
    holder: str, now: datetime, name: str = "scheduler", lease: timedelta = LEASE
) -> bool:
    """Take or renew the lease; return True when ``holder`` may act until it expires."""
    try:
        return lease_try(holder, now, name, lease)
    except LeaseBusy:
        return False


def lease_release(holder: str, name: str = "scheduler") -> None:
    """Give the lease up at a clean shutdown so the next scheduler need not wait.

    The row stays (expired), so the time of the last sweep is still known while none runs.
    """
    lock = SchedulerLock.__table__
    db.session.execute(
        update(lock).where(lock.c.name == name, lock.c.holder == holder).values(expires_at=EXPIRED)
    )
    db.session.commit()  # the lease's own commit: a standby may take over at once


def lease_sweep_done(holder: str, now: datetime, name: str = "scheduler") -> None:
    """Record that ``holder`` finished every sweep at ``now`` (if it still holds the lease)."""
    lock = SchedulerLock.__table__
    db.session.execute(
        update(lock).where(lock.c.name == name, lock.c.holder == holder).values(last_sweep_at=now)
    )
    db.session.commit()  # the lease's own commit: /readyz reads the heartbeat from other hosts


def lease_holder(name: str = "scheduler") -> tuple[str, datetime] | None:
    """Return who holds the lease and until when, or None."""
    row = db.session.get(SchedulerLock, name)
    return (row.holder, row.expires_at) if row else None


class Heartbeat:
    """Hold the lease for ``holder``: renew it on a timer, know at any moment whether it is held.

    ``held()`` answers from what this process last heard from the database, measured on the
    same clock the lease is written with, so it turns False no later than another scheduler
    may take over, even if the renewals hang. ``on_change(active)`` is called when this process
    becomes active or stops being so.
    """

    def __init__(
        self,
        app,
        holder: str,
        clock: Callable[[], datetime],
        lease: timedelta = LEASE,
        on_change: Callable[[bool], None] | None = None,
        name: str = "scheduler",
    ):
        self.app, self.holder, self.clock, self.lease, self.name = app, holder, clock, lease, name
        self.on_change = on_change
        self._until: datetime | None = None
        self._active: bool | None = None  # unknown: the first beat reports either way
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def beat(self) -> bool:
        """Renew (or try to take) the lease once; return whether it is held now."""
        now = self.clock()
        try:
            with self.app.app_context():
                taken = lease_try(self.holder, now, self.name, self.lease)
        except LeaseBusy as exc:
            log.warning("lease renewal got no answer (%s); trying again", exc)
        else:
            self._until = now + self.lease if taken else None
        self._report()
        return self.held()

    def held(self) -> bool:
        """Return True while the lease is surely this process's."""
        return self._until is not None and self.clock() < self._until

    def _report(self) -> None:
        active = self.held()
        if active != self._active:
            self._active = active
            if active:
                log.info("scheduler %s active: holds the lease", self.holder)
            else:
                with self.app.app_context():
                    other = lease_holder(self.name)
                    db.session.rollback()
                who = f"{other[0]} holds the lease" if other else "the lease is free"
                log.info("scheduler %s standing by: %s", self.holder, who)
            if self.on_change:
                self.on_change(active)

    def sweep_done(self, now: datetime) -> None:
        """Record a completed round of sweeps on the lease row."""
        with self.app.app_context():
            lease_sweep_done(self.holder, now, self.name)

    def start(self) -> None:
        """Renew the lease every third of its length from a daemon thread until ``stop``."""
        every = self.lease.total_seconds() / 3

        def run():
            while not self._stop.wait(every):
                try:
                    self.beat()
                except Exception:  # the heartbeat must outlive a database restart
                    log.exception("lease heartbeat failed")

        self._thread = threading.Thread(target=run, name="foi-lease-heartbeat", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop renewing and give the lease up, so a standby takes over at once."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.lease.total_seconds())
        with self.app.app_context():
            lease_release(self.holder, self.name)
        self._until = None
