"""What operators watch: backlogs, open and overdue requests, whether the site is ready.

Reads only. The counts of open requests read the covering statistics index (no table rows);
at a million requests that is a fraction of a second, fine for a scrape every 15 s or more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select, text

from foi.extensions import db
from foi.models import InfoRequest, Job, OutboxMessage, ReminderSchedule, SchedulerLock
from foi.models.job import WAITING as JOBS_WAITING
from foi.models.outbox import PENDING
from foi.requests.states import OPEN
from foi.services.db import count_of


@dataclass(frozen=True)
class Figures:
    """The site's state at one moment, as /metrics reports it."""

    outbox_pending: int
    outbox_oldest_pending_age: float  # seconds; 0 when nothing waits
    requests_open: int
    requests_overdue: int
    scheduler_last_sweep: datetime | None
    scheduler_lease_expires: datetime | None
    queues: dict[str, int] = field(default_factory=dict)  # backlog by queue name


def operations_figures(*, now: datetime) -> Figures:
    """Count the outbox backlog, open and overdue requests; read the scheduler's last sweep."""
    outbox = db.session.execute(
        select(func.count(), func.min(OutboxMessage.created_at)).where(
            OutboxMessage.status == PENDING
        )
    ).one()
    pending: int = outbox[0]
    oldest: datetime | None = outbox[1]  # None when nothing waits
    open_, overdue = db.session.execute(
        select(
            func.count(),
            func.count().filter(InfoRequest.due_at < now),
        ).where(InfoRequest.status.in_(OPEN))
    ).one()
    reminders_due = count_of(
        select(func.count()).select_from(ReminderSchedule).where(ReminderSchedule.next_at <= now)
    )
    lock = db.session.get(SchedulerLock, "scheduler")
    jobs_waiting = count_of(
        select(func.count()).select_from(Job).where(Job.status.in_(JOBS_WAITING))
    )
    db.session.rollback()  # end the read
    return Figures(
        outbox_pending=pending,
        outbox_oldest_pending_age=max(0.0, (now - oldest).total_seconds())
        if oldest is not None
        else 0.0,
        requests_open=open_,
        requests_overdue=overdue,
        scheduler_last_sweep=lock.last_sweep_at if lock else None,
        scheduler_lease_expires=lock.expires_at if lock else None,
        # Work waiting for the scheduler (e-mail due now, requests whose reminder check is due)
        # and for the task queue's workers (jobs queued or running, from their rows).
        queues={"mail": pending, "reminders": reminders_due, "jobs": jobs_waiting},
    )


@dataclass
class Readiness:
    """Which of the site's dependencies answered; ``failed`` says what did not and why."""

    checked: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        """Whether every check passed."""
        return not self.failed


def operations_ping() -> None:
    """Ask the database the cheapest question; raises when it does not answer (liveness)."""
    db.session.execute(text("SELECT 1"))


def operations_readiness(*, now: datetime, lease: timedelta, redis_url: str | None) -> Readiness:
    """Check the database, Redis (when configured) and the scheduler's heartbeat.

    The heartbeat is stale when the scheduler's lease ran out more than one lease ago: by then
    a standby would have taken over, so no scheduler is running and no mail goes out.
    """
    result = Readiness()
    result.checked.append("database")
    try:
        db.session.execute(text("SELECT 1"))
        lock = db.session.get(SchedulerLock, "scheduler")
        db.session.rollback()
    except Exception as exc:  # any failure to talk to the database means not ready
        db.session.rollback()
        result.failed["database"] = _reason(exc)
        lock = None
    else:
        result.checked.append("scheduler")
        if lock is None:
            result.failed["scheduler"] = "no scheduler has run"
        elif lock.expires_at + lease < now:
            age = int((now - lock.expires_at).total_seconds()) + int(lease.total_seconds())
            result.failed["scheduler"] = f"no heartbeat for {age} s"
    if redis_url:
        # Only a site with FOI_REDIS_URL needs the Redis client.
        import redis

        result.checked.append("redis")
        client = redis.Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=2)
        try:
            client.ping()
        except redis.RedisError as exc:
            result.failed["redis"] = _reason(exc)
        finally:
            client.close()
    return result


def _reason(exc: Exception) -> str:
    """Return the first line of an error, short enough for a JSON answer."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
