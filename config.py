"""Configuration read from ``FOI_``-prefixed environment variables.

Safe defaults for development; ``ProductionConfig`` refuses to start without a real secret key.
"""

import os
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("FOI_INSTANCE_DIR", BASE_DIR / "instance"))


def _env(name: str, default=None):
    return os.environ.get(f"FOI_{name}", default)


def _bool(name: str, default: bool) -> bool:
    value = _env(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    # Unset outside production: foi.secret_key makes a random one, kept in INSTANCE_DIR.
    SECRET_KEY = _env("SECRET_KEY", "")
    SQLALCHEMY_DATABASE_URI = _env("DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'foi.sqlite3'}")
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SITE_URL = _env("SITE_URL", "http://127.0.0.1:5000")
    SITE_NAME = _env("SITE_NAME", "foi")
    LAW = _env("LAW", "az")  # rule pack code: az, uk, us, de, in
    BABEL_DEFAULT_LOCALE = _env("DEFAULT_LOCALE", "az")
    BABEL_DEFAULT_TIMEZONE = _env("TIMEZONE", "Asia/Baku")
    LANGUAGES = (("az", "Azərbaycanca"), ("en", "English"), ("ru", "Русский"))
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "foi" / "translations")

    # Mail: "smtp" sends through FOI_SMTP_*; "file" writes .eml files to MAIL_DIR; "console" prints.
    MAIL_BACKEND = _env("MAIL_BACKEND", "smtp")
    MAIL_DIR = _env("MAIL_DIR", str(INSTANCE_DIR / "mail"))
    MAIL_FROM = _env("MAIL_FROM", "foi <no-reply@foi.example.az>")
    # Where people reach the site's administrators: named in notices that ask them to do so.
    ADMIN_CONTACT = _env("ADMIN_CONTACT", "")
    SMTP_HOST = _env("SMTP_HOST", "127.0.0.1")
    SMTP_PORT = int(_env("SMTP_PORT", "25"))
    SMTP_USER = _env("SMTP_USER")
    SMTP_PASSWORD = _env("SMTP_PASSWORD")
    SMTP_STARTTLS = _bool("SMTP_STARTTLS", False)
    SMTP_TIMEOUT = float(_env("SMTP_TIMEOUT", "10"))
    MAIL_GIVE_UP_AFTER_HOURS = float(_env("MAIL_GIVE_UP_AFTER_HOURS", "96"))

    UPLOAD_DIR = _env("UPLOAD_DIR", str(INSTANCE_DIR / "files"))
    REPORTS_DIR = _env("REPORTS_DIR", str(INSTANCE_DIR / "reports"))
    MAX_FILE_BYTES = int(_env("MAX_FILE_MB", "25")) * 2**20
    MAX_REQUEST_FILES_BYTES = int(_env("MAX_REQUEST_MB", "100")) * 2**20
    # Werkzeug refuses larger bodies before reading them (413): the files plus form overhead.
    MAX_CONTENT_LENGTH = MAX_REQUEST_FILES_BYTES + 2**20
    MAX_FORM_MEMORY_SIZE = 2 * 2**20

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _bool("SECURE_COOKIES", False)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # "Keep me logged in" lasts this long, and no login outlives it (user_session on the server).
    REMEMBER_COOKIE_DURATION = timedelta(days=int(_env("REMEMBER_DAYS", "30")))
    # A login without "keep me logged in" ends after this many hours unused.
    SESSION_IDLE_HOURS = float(_env("SESSION_IDLE_HOURS", "12"))
    WTF_CSRF_TIME_LIMIT = None  # a long form typed slowly must not fail on submit

    # Seconds a browser or proxy may keep an anonymous public page before asking again.
    PUBLIC_MAX_AGE = int(_env("PUBLIC_MAX_AGE", "60"))
    # Seconds the application cache keeps an anonymous page or a count (0: never). Publishing,
    # redacting or changing an agency drops them at once; the bound is for counts of requests
    # not yet public (received, answered on time), which change without that.
    PAGE_CACHE_SECONDS = int(_env("PAGE_CACHE_SECONDS", "60"))
    # Shared state for many workers and hosts: rate-limit counters and the application cache
    # live in Redis when this is set (e.g. redis://host:6379/0); otherwise the counters are in
    # the database and each process keeps its own cache (versioned by the database).
    REDIS_URL = _env("REDIS_URL", "")
    # How many proxies in front set X-Forwarded-For; the client's address is read through them.
    PROXY_HOPS = int(_env("PROXY_HOPS", "0"))
    RATE_LIMITS_ENABLED = _bool("RATELIMIT_ENABLED", True)
    # "name=limit; ..." over the defaults of foi/ratelimits/__init__.py ("filing.account=20/hour")
    RATE_LIMITS = _env("RATE_LIMITS", "")
    # Operations: who may read /metrics (addresses or networks, comma-separated); log format
    # "json" for one JSON object a line with the request id (/readyz checks REDIS_URL above).
    METRICS_ALLOW = _env("METRICS_ALLOW", "127.0.0.1,::1")
    LOG_FORMAT = _env("LOG_FORMAT", "text")

    # Roles that must sign in with a second factor (TOTP); citizens may turn one on themselves.
    TWO_FACTOR_REQUIRED_ROLES = tuple(
        role.strip()
        for role in _env("2FA_REQUIRED_ROLES", "officer,coordinator,admin,ombudsman").split(",")
        if role.strip()
    )

    SCHEDULER_INTERVAL_SECONDS = int(_env("SCHEDULER_INTERVAL", "60"))
    # How long the active scheduler's lease lasts: a standby takes over at most 4/3 of it after
    # the active one dies (renewed every third of it, however long a sweep runs).
    SCHEDULER_LEASE_SECONDS = float(_env("SCHEDULER_LEASE", "15"))
    # The task queue (foi/jobs/queue.py): Redis when REDIS_URL is set, else the PostgreSQL
    # database, else this SQLite file. A job's lease is renewed every second while it runs; a
    # job whose worker died is sent again once the lease ran out, JOB_ATTEMPTS claims at most.
    QUEUE_PATH = _env("QUEUE_PATH", str(INSTANCE_DIR / "queue.sqlite3"))
    JOB_LEASE_SECONDS = float(_env("JOB_LEASE", "30"))
    JOB_ATTEMPTS = int(_env("JOB_ATTEMPTS", "3"))
    JOB_MODULES = _env("JOB_MODULES", "")  # more modules registering job kinds
    # A dossier with more events than this is prepared on the task queue, not in the page.
    DOSSIER_INLINE_EVENTS = int(_env("DOSSIER_INLINE_EVENTS", "150"))
    JOBS_DIR = _env("JOBS_DIR", str(INSTANCE_DIR / "jobs"))  # files made for the person asking
    # OCR of scans (foi/documents/ocr.py): Debian's ocrmypdf and Tesseract when installed;
    # FOI_OCR=off turns it off. OCR_JOBS pages read at once (0: one per CPU); a file whose OCR
    # runs longer than OCR_TIMEOUT seconds is marked unreadable.
    OCR_ENABLED = _bool("OCR", True)
    OCR_JOBS = int(_env("OCR_JOBS", "0"))
    OCR_TIMEOUT = float(_env("OCR_TIMEOUT", "900"))
    # A scan still waiting for its OCR this many seconds after its job was queued (no worker
    # took it) is marked unreadable by the scheduler, as is one whose job failed for good.
    OCR_GIVE_UP_SECONDS = float(_env("OCR_GIVE_UP", str(6 * 3600)))
    REMINDER_DAYS = tuple(int(x) for x in _env("REMINDER_DAYS", "3,1,0").split(","))
    # Drafts not saved for DRAFT_KEEP_DAYS are deleted by the scheduler, their author warned
    # by e-mail DRAFT_WARN_DAYS before (foi.services.drafts.drafts_sweep).
    DRAFT_KEEP_DAYS = int(_env("DRAFT_KEEP_DAYS", "30"))
    DRAFT_WARN_DAYS = int(_env("DRAFT_WARN_DAYS", "7"))
    MAX_DRAFTS_PER_ACCOUNT = int(_env("MAX_DRAFTS_PER_ACCOUNT", "50"))
    # A bulk action from the officer's queue takes at most this many requests at once (the
    # result page says when "all matching this filter" was cut short).
    BULK_MAX = int(_env("BULK_MAX", "200"))
    # Agencies' public statistics are counted again by the scheduler when older than this:
    # their pages read the last count, which costs the same whatever the archive's size.
    STATISTICS_SECONDS = int(_env("STATISTICS_SECONDS", "600"))
    # Worker processes that read and prepare a large archive's documents while a full re-index
    # writes them (foi.search.bulk.run_sharded): about one per CPU besides the writer's.
    REINDEX_WORKERS = int(_env("REINDEX_WORKERS", str(os.cpu_count() or 1)))
    # One request may be sent to this many agencies at once, each its own request.
    MAX_AGENCIES_PER_REQUEST = int(_env("MAX_AGENCIES_PER_REQUEST", "5"))
    # Where an instance keeps what it makes for itself (the development secret key).
    INSTANCE_DIR = str(INSTANCE_DIR)


class DevelopmentConfig(Config):
    MAIL_BACKEND = _env("MAIL_BACKEND", "file")


class TestingConfig(Config):
    TESTING = True
    WTF_CSRF_ENABLED = False
    # S105 is a false positive here: test-only settings (TestingConfig), never used outside the test
    # suite.
    SECRET_KEY = "test-secret"  # noqa: S105
    # S105 is a false positive here: test-only settings (TestingConfig), never used outside the test
    # suite.
    PASSWORD_HASHER = "fast-insecure-for-tests"  # noqa: S105
    RATE_LIMITS_ENABLED = _bool("RATELIMIT_ENABLED", False)  # the limits' own tests turn them on
    MAIL_BACKEND = "smtp"


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = _bool("SECURE_COOKIES", True)
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
