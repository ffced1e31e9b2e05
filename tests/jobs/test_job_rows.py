"""The job row decides what runs: claims, failures, lost messages and dead workers."""

from datetime import timedelta

from foi.extensions import db
from foi.jobs import enqueue
from foi.jobs.queue import queue_for
from foi.jobs.sweeps import sweep_jobs
from foi.jobs.worker import run_job
from foi.models import Job
from foi.models.base import utcnow
from foi.services import jobs


def fresh(job_id: int) -> Job:
    db.session.rollback()
    job = db.session.get(Job, job_id)
    db.session.refresh(job)
    return job


def test_a_job_runs_once_however_often_its_message_arrives(app, tmp_path):
    (tmp_path / "release").touch()
    job_id = enqueue(app, kind="test.hold", args={"dir": str(tmp_path)}).id
    assert run_job(app, job_id) is True
    assert run_job(app, job_id) is False  # a duplicate message: the row says done
    assert fresh(job_id).status == "done"
    assert (tmp_path / "starts").read_text().count("\n") == 1


def test_a_failing_job_keeps_a_readable_reason(app):
    job_id = enqueue(app, kind="test.fail", args={}).id
    run_job(app, job_id)
    job = fresh(job_id)
    assert (job.status, job.error) == ("failed", "the input could not be read")


def test_asking_twice_joins_the_waiting_job(app, tmp_path):
    first = enqueue(app, kind="test.hold", args={"dir": str(tmp_path)})
    again = enqueue(app, kind="test.hold", args={"dir": str(tmp_path)})
    other = enqueue(app, kind="test.hold", args={"dir": str(tmp_path / "x")})
    assert again.id == first.id and other.id != first.id


def test_a_job_whose_worker_keeps_dying_is_given_up_after_its_attempts(app, tmp_path):
    queue_for(app).flush()
    job_id = enqueue(app, kind="test.hold", args={"dir": str(tmp_path)}).id
    lease = timedelta(seconds=app.config["JOB_LEASE_SECONDS"])
    now = utcnow()
    for attempt in range(1, app.config["JOB_ATTEMPTS"] + 1):
        # A worker claims it and dies at once: nothing renews the lease.
        assert jobs.job_claim(job_id, f"dead:{attempt}", now, lease)
        now += lease + timedelta(seconds=1)
        recovery = sweep_jobs(app, now)
    assert recovery.given_up == [job_id]
    job = fresh(job_id)
    assert job.status == "failed" and "stopped" in job.error
    assert job.attempts == app.config["JOB_ATTEMPTS"]


def test_a_message_lost_before_any_claim_is_sent_again_once_the_queue_is_empty(app, tmp_path):
    huey = queue_for(app)
    huey.flush()
    job_id = enqueue(app, kind="test.hold", args={"dir": str(tmp_path)}).id
    assert huey.pending_count() == 1
    assert sweep_jobs(app, utcnow() + timedelta(hours=1)).resend == []  # still in the queue
    huey.flush()  # a worker took the message and died before claiming the row
    assert sweep_jobs(app, utcnow()).resend == []  # too early to tell from a slow claim
    assert sweep_jobs(app, utcnow() + timedelta(hours=1)).resend == [job_id]
    assert huey.pending_count() == 1
    huey.flush()
