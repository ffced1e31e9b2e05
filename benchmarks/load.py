"""Load test: the highest rate of a realistic mix that gunicorn on PostgreSQL holds.

Builds a fresh migrated PostgreSQL database with a synthetic archive of published requests
(``benchmarks/_synthetic.py``), open requests in five agencies, citizens and officers; serves it
with gunicorn (``deploy/gunicorn.conf.py``, production settings); drives it with locust
(``benchmarks/_locustfile.py``: reading 70 %, searching 20 %, filing 5 %, officers' queue 5 %),
one step a rate, each for ``FOI_LOAD_STEP`` seconds; then holds the highest rate whose p95 stayed
under 300 ms with no errors for ``FOI_LOAD_HOLD`` seconds (5 minutes); finally checks that every
request filed during the run exists with its acknowledgement in the outbox.

Rate limits are off for the run (every simulated person comes from 127.0.0.1, where real
people come from many addresses) and officers sign in with their password only (the second
factor is one form more a day, not a load).

Environment: ``FOI_LOAD_SIZE`` (published requests, default 20000); ``FOI_LOAD_RATES`` (people
doing one task a second, default ``20,40,60,80,100,120,160``; fewer than 20 leave no citizen or
officer); ``FOI_LOAD_STEP`` (seconds a step, default 60); ``FOI_LOAD_HOLD`` (default 300);
``FOI_LOAD_WORKERS`` (gunicorn sync workers, default twice the cores); ``FOI_BENCH_PG``;
``FOI_BENCH_DIR``. Results are printed and appended to ``$FOI_BENCH_DIR/load-results.jsonl``.
"""

import csv
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks._synthetic import Archive
from benchmarks.search import code_version, fresh_database, machine, make_app, populate

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "load-test-password-1"
P95_LIMIT_MS = 300
FILING_AGENCIES = range(1, 6)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed_people(app, archive: Archive, n: int, workdir: Path) -> dict:
    """Add citizens, officers and open requests; return the plan the locustfile reads."""
    from argon2 import PasswordHasher
    from sqlalchemy import select, text

    from foi.extensions import db
    from foi.models import Agency, InfoRequest, User
    from foi.models.base import utcnow
    from foi.services.filing import request_file

    password_hash = PasswordHasher().hash(PASSWORD)  # what production checks, at its cost
    with app.app_context():
        # populate() inserted rows with their ids: move PostgreSQL's sequences past them.
        for table in ("agency", "user_account", "info_request", "response", "document"):
            db.session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
                )
            )
        db.session.commit()
        citizens = [
            User(
                email=f"citizen{i}@load.example.org",
                display_name=f"Vətəndaş {i}",
                role="citizen",
                password_hash=password_hash,
                email_confirmed_at=utcnow(),
                locale="az",
            )
            for i in range(200)
        ]
        officers = [
            User(
                email=f"officer{i}@load.example.org",
                display_name=f"Məmur {i}",
                role="officer",
                agency_id=FILING_AGENCIES[i % len(FILING_AGENCIES)],
                password_hash=password_hash,
                email_confirmed_at=utcnow(),
                locale="az",
            )
            for i in range(40)
        ]
        db.session.add_all(citizens + officers)
        db.session.commit()
        # Open requests in the officers' agencies, filed over the last weeks as the form does.
        start = utcnow() - timedelta(days=20)
        for i in range(300):
            request_file(
                requester=citizens[i % len(citizens)],
                agency_id=FILING_AGENCIES[i % len(FILING_AGENCIES)],
                subject=f"Açıq sorğu {i}: məktəb təmiri",
                body="Rayon üzrə məktəblərin təmir xərclərini xahiş edirəm.",
                now=start + timedelta(hours=i),
            )
        references = db.session.scalars(
            select(InfoRequest.reference)
            .where(InfoRequest.status == "published")
            .order_by(InfoRequest.id)
            .limit(5000)
        ).all()
        agencies = db.session.scalars(select(Agency.slug).order_by(Agency.id)).all()
        citizen_emails = [c.email for c in citizens]
        officer_emails = [o.email for o in officers]
    return {
        "password": PASSWORD,
        "citizens": citizen_emails,
        "officers": officer_emails,
        "references": references,
        "agencies": agencies,
        "words": archive.title_words[:400],
        "filing_agency_ids": list(FILING_AGENCIES),
        "filed_log": str(workdir / "load-filed.txt"),
    }


def start_gunicorn(url: str, workdir: Path, workers: int) -> tuple[subprocess.Popen, str]:
    """Serve the app on ``url`` with production settings; return the process and its address."""
    port = _free_port()
    env = {
        **os.environ,
        "FOI_ENV": "production",
        "FOI_SECRET_KEY": "load-test-" + os.urandom(8).hex(),
        "FOI_SECURE_COOKIES": "0",  # plain HTTP on loopback
        "FOI_DATABASE_URL": url,
        "FOI_RATELIMIT_ENABLED": "0",
        "FOI_2FA_REQUIRED_ROLES": "admin",
        "FOI_MAIL_BACKEND": "file",
        "FOI_INSTANCE_DIR": str(workdir / "instance"),
        "PROMETHEUS_MULTIPROC_DIR": str(workdir / "prometheus"),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "wsgi:app",
        ],
        cwd=ROOT,
        env=env,
    )
    host = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(host + "/healthz", timeout=2)
            return server, host
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def run_locust(host: str, rate: int, seconds: int, plan_path: Path, workdir: Path) -> dict:
    """Drive ``rate`` people for ``seconds``; return the aggregate and per-page figures."""
    prefix = workdir / f"locust-{rate}-{seconds}"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(ROOT / "benchmarks" / "_locustfile.py"),
            "--headless",
            "--users",
            str(rate),
            "--spawn-rate",
            str(rate),
            "--run-time",
            f"{seconds}s",
            "--host",
            host,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env={**os.environ, "FOI_LOAD_PLAN": str(plan_path)},
        check=False,  # locust exits 1 when a request failed; the figures say so
        stdout=open(f"{prefix}.log", "w"),
        stderr=subprocess.STDOUT,
    )
    rows = list(csv.DictReader(open(f"{prefix}_stats.csv", encoding="utf-8")))

    def figures(row: dict) -> dict:
        return {
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "rps": round(float(row["Requests/s"]), 1),
            "p50_ms": float(row["50%"]),
            "p95_ms": float(row["95%"]),
            "p99_ms": float(row["99%"]),
            "max_ms": round(float(row["Max Response Time"])),
        }

    total = next(r for r in rows if r["Name"] == "Aggregated")
    pages = {r["Name"]: figures(r) for r in rows if r["Name"] != "Aggregated"}
    return {"people": rate, "seconds": seconds, **figures(total), "pages": pages}


def held(result: dict) -> bool:
    """Whether a step met the target: p95 under 300 ms and not one error."""
    return result["failures"] == 0 and result["p95_ms"] < P95_LIMIT_MS


def check_filed(app, plan: dict) -> dict:
    """Count the requests filed during the run that exist with an acknowledgement queued."""
    from sqlalchemy import select

    from foi.extensions import db
    from foi.models import InfoRequest, OutboxMessage

    log = Path(plan["filed_log"])
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    subjects = [line for line in lines if line]
    missing = []
    with app.app_context():
        for subject in subjects:
            req = db.session.scalar(select(InfoRequest).where(InfoRequest.subject == subject))
            acknowledged = req is not None and db.session.scalar(
                select(OutboxMessage.id).where(
                    OutboxMessage.to_addr == req.requester.email,
                    OutboxMessage.subject.contains(req.reference),
                )
            )
            if not acknowledged:
                missing.append(subject)
    return {"filed": len(subjects), "missing_or_unacknowledged": missing}


def main() -> None:
    """Build, serve, find the highest rate held, hold it, check the filed requests."""
    n = int(os.environ.get("FOI_LOAD_SIZE", "20000"))
    rates = [int(r) for r in os.environ.get("FOI_LOAD_RATES", "20,40,60,80,100,120,160").split(",")]
    step = int(os.environ.get("FOI_LOAD_STEP", "60"))
    hold = int(os.environ.get("FOI_LOAD_HOLD", "300"))
    workers = int(os.environ.get("FOI_LOAD_WORKERS", str(2 * (os.cpu_count() or 1))))
    workdir = Path(os.environ.get("FOI_BENCH_DIR", "/tmp/foi-bench"))
    workdir.mkdir(parents=True, exist_ok=True)
    code = code_version()
    print(f"machine: {machine()}", flush=True)
    url, drop = fresh_database("postgresql", f"load_{n}", workdir)
    server = None
    try:
        app = make_app(url)
        archive = Archive()
        print(f"  building {n:,} published requests: {populate(app, archive, n)}", flush=True)
        plan = seed_people(app, archive, n, workdir)
        Path(plan["filed_log"]).unlink(missing_ok=True)
        plan_path = workdir / "load-plan.json"
        plan_path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        server, host = start_gunicorn(url, workdir, workers)
        run_locust(host, rates[0], 20, plan_path, workdir)  # warm-up: workers, caches, pools
        steps, best = [], None
        for rate in rates:
            result = run_locust(host, rate, step, plan_path, workdir)
            steps.append({k: v for k, v in result.items() if k != "pages"})
            print(f"  step {rate} people: {steps[-1]}", flush=True)
            if not held(result):
                break
            best = rate
        sustained = run_locust(host, best, hold, plan_path, workdir) if best else None
        if sustained:
            print(f"  held {best} people for {hold} s: held={held(sustained)}", flush=True)
            for name, page in sorted(sustained["pages"].items()):
                print(f"    {name:38} {page}", flush=True)
        result = {
            "requests": n,
            "workers": workers,
            "steps": steps,
            "sustained": sustained,
            "sustained_held": bool(sustained and held(sustained)),
            "filed_check": check_filed(app, plan),
            "machine": machine(),
            "load_average": os.getloadavg(),
            "code": code,
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        print(f"  filed check: {result['filed_check']}", flush=True)
        with open(workdir / "load-results.jsonl", "a", encoding="utf-8") as out:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        with app.app_context():
            from foi.extensions import db

            db.engine.dispose()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        drop()


if __name__ == "__main__":
    sys.exit(main())
