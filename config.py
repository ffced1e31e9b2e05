"""Configuration read from ``FOI_``-prefixed environment variables.

Safe defaults for development; ``ProductionConfig`` refuses to start without a real secret key.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("FOI_INSTANCE_DIR", BASE_DIR / "instance"))


def _env(name: str, default=None):
    return os.environ.get(f"FOI_{name}", default)


def _bool(name: str, default: bool) -> bool:
    value = _env(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    SECRET_KEY = _env("SECRET_KEY", "dev-only-not-secret")
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
    WTF_CSRF_TIME_LIMIT = None  # a long form typed slowly must not fail on submit

    SCHEDULER_INTERVAL_SECONDS = int(_env("SCHEDULER_INTERVAL", "60"))
    REMINDER_DAYS = tuple(int(x) for x in _env("REMINDER_DAYS", "3,1,0").split(","))


class DevelopmentConfig(Config):
    MAIL_BACKEND = _env("MAIL_BACKEND", "file")


class TestingConfig(Config):
    TESTING = True
    WTF_CSRF_ENABLED = False
    SECRET_KEY = "test-secret"
    PASSWORD_HASHER = "fast-insecure-for-tests"
    MAIL_BACKEND = "smtp"


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = _bool("SECURE_COOKIES", True)
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
