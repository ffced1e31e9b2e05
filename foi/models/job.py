"""Work that runs on the task queue: the row is the truth about a job, the queue only carries it.

Huey (the queue library) takes a message off the queue before running it, so a worker killed
mid-job would lose it. The row keeps what is needed to run it again: a worker claims it with a
lease that a heartbeat renews; the scheduler's sweep sends again a job whose lease ran out (its
worker died), up to ``attempts`` times. The person who asked reads its progress from here and
the administrators its backlog.
"""

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
WAITING = (QUEUED, RUNNING)  # the backlog


class Job(db.Model):
    __tablename__ = "job"
    __table_args__ = (
        Index("ix_job_status_lease", "status", "lease_until"),
        Index("ix_job_user", "user_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    args_json: Mapped[str] = mapped_column(Text, default="{}")
    status: Mapped[str] = mapped_column(String(10), default=QUEUED)
    progress: Mapped[float] = mapped_column(Float, default=0.0)  # 0 … 1
    stage: Mapped[str] = mapped_column(String(80), default="")  # what it is doing now
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # claims so far
    worker: Mapped[str | None] = mapped_column(String(120))  # host:pid:thread of the claim
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When it was last handed to the queue: a message lost before any worker claimed it is
    # sent again by the sweep once the queue is empty.
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    result_json: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user = relationship("User")
