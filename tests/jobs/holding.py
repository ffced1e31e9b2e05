"""A job kind for the queue's tests: it waits on a file flag, so a test can kill it mid-job.

Loaded by the workers the tests start (``FOI_JOB_MODULES=tests.jobs.holding``). Each run
appends a line to ``starts``; its effect is a line in ``ledger``, written at most once per job
(checked before appending, as a real job checks a unique key), so a job that runs again after
its worker was killed still has its effect once.
"""

import os
import time
from pathlib import Path

from foi.jobs.kinds import JobRun, job_kind


@job_kind("test.hold")
def hold(run: JobRun) -> dict:
    folder = Path(run.args["dir"])
    with open(folder / "starts", "a") as f:
        f.write(f"{run.job_id} {os.getpid()}\n")
    run.progress("waiting for the flag", 0.5)
    while not (folder / "release").exists():  # the test lets it go on by creating the file
        time.sleep(0.02)
    ledger = folder / "ledger"
    done = ledger.read_text().split() if ledger.exists() else []
    if str(run.job_id) not in done:
        with open(ledger, "a") as f:
            f.write(f"{run.job_id}\n")
    return {"attempt": run.attempt}


@job_kind("test.fail")
def fail(run: JobRun) -> dict:
    raise ValueError("the input could not be read")
