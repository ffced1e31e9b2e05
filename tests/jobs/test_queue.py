"""The task queue on its real back ends: Redis, and the database's own (SQLite file or PostgreSQL).

Real ``flask foi worker`` processes run a job kind that waits on a file flag
(``tests/jobs/holding.py``), so a test can ``kill -9`` a worker in the middle of a job; the
lease's expiry is reached by giving the scheduler's sweep a later clock, not by waiting.
"""

import os
import signal
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from foi.extensions import db
from foi.jobs import enqueue
from foi.jobs.queue import queue_for
from foi.jobs.sweeps import sweep_jobs
from foi.models import Job
from foi.models.base import utcnow
from tests.jobs.conftest import flask_foi


@pytest.fixture(params=["redis", "database"])
def backend(request, app, monkeypatch, tmp_path):
    """Point the app (and the workers started with ``backend.env``) at one queue back end."""
    env = {"FOI_JOB_MODULES": "tests.jobs.holding", "FOI_QUEUE_PATH": str(tmp_path / "q.db")}
    monkeypatch.setitem(app.config, "QUEUE_PATH", env["FOI_QUEUE_PATH"])
    if request.param == "redis":
        url = request.getfixturevalue("redis_url")
        monkeypatch.setitem(app.config, "REDIS_URL", url)
        env["FOI_REDIS_URL"] = url
    else:
        monkeypatch.setitem(app.config, "REDIS_URL", "")
        env["FOI_REDIS_URL"] = ""
    queue_for(app).flush()  # nothing left from an earlier test
    yield env
    queue_for(app).flush()


class Worker:
    """A ``flask foi worker`` process whose output is collected as it comes."""

    def __init__(self, database_url, smtp_port, tmp_path, env):
        self.proc = flask_foi(
            database_url, smtp_port, tmp_path, "worker", "--threads", "1", env=env
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line)

    def kill(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)


def wait_until(condition, what: str, workers, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    output = "\n".join("".join(w.lines) for w in workers)
    raise AssertionError(f"gave up waiting: {what}\n{output}")


def lines(path: Path) -> list[list[str]]:
    return [line.split() for line in path.read_text().splitlines()] if path.exists() else []


def fresh(job_id: int) -> Job:
    db.session.rollback()  # a fresh look at what the workers wrote
    job = db.session.get(Job, job_id)
    db.session.refresh(job)
    return job


def test_a_job_whose_worker_is_killed_runs_again_to_completion_with_its_effect_once(
    app, backend, database_url, mail_server, tmp_path
):
    work = tmp_path / "work"
    work.mkdir()
    job_id = enqueue(app, kind="test.hold", args={"dir": str(work)}).id
    first = Worker(database_url, mail_server.port, tmp_path, backend)
    workers = [first]
    try:
        wait_until(lambda: len(lines(work / "starts")) == 1, "the first worker starts", workers)
        wait_until(lambda: fresh(job_id).stage == "waiting for the flag", "progress", workers)
        first.kill()
        job = fresh(job_id)
        assert (job.status, job.attempts, job.progress) == ("running", 1, 0.5)

        # The lease still runs: the sweep leaves the job alone (its worker may be slow).
        assert sweep_jobs(app, utcnow()).resend == []
        assert fresh(job_id).status == "running"
        # Once it has run out, the sweep sends the job again.
        later = fresh(job_id).lease_until + timedelta(seconds=1)
        assert sweep_jobs(app, later).resend == [job_id]

        (work / "release").touch()
        second = Worker(database_url, mail_server.port, tmp_path, backend)
        workers.append(second)
        wait_until(lambda: fresh(job_id).status == "done", "the job is done", workers)
        job = fresh(job_id)
        assert job.attempts == 2 and job.progress == 1.0
        starts = lines(work / "starts")
        assert [s[0] for s in starts] == [str(job_id)] * 2
        assert starts[0][1] == str(first.proc.pid) and starts[1][1] == str(second.proc.pid)
        assert lines(work / "ledger") == [[str(job_id)]]  # the effect, once
    finally:
        for worker in workers:
            worker.stop()


def test_two_workers_share_the_queue_and_run_each_job_once(
    app, backend, database_url, mail_server, tmp_path
):
    work = tmp_path / "work"
    work.mkdir()
    ids = [enqueue(app, kind="test.hold", args={"dir": str(work), "n": n}).id for n in range(8)]
    workers = [Worker(database_url, mail_server.port, tmp_path, backend) for _ in range(2)]
    try:
        # Each worker runs one job at a time, and both are busy at once: two jobs started by
        # two processes before any can finish.
        wait_until(lambda: len(lines(work / "starts")) == 2, "both workers busy", workers)
        assert {s[1] for s in lines(work / "starts")} == {str(w.proc.pid) for w in workers}
        (work / "release").touch()
        wait_until(lambda: all(fresh(i).status == "done" for i in ids), "all jobs done", workers)
        started = [s[0] for s in lines(work / "starts")]
        assert sorted(started, key=int) == [str(i) for i in ids]  # each ran once
        assert sorted((line[0] for line in lines(work / "ledger")), key=int) == [
            str(i) for i in ids
        ]
        assert all(fresh(i).attempts == 1 for i in ids)
    finally:
        for worker in workers:
            worker.stop()
