"""foi: file, route, answer, publish and search requests for public information."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from foi.secret_key import KNOWN_KEYS, instance_secret_key  # standard library only: no Flask

if TYPE_CHECKING:  # importing foi.law must not pull in Flask
    from flask import Flask


def create_app(config_name: str | None = None, **overrides) -> Flask:
    """Create the Flask application: configuration, extensions, blueprints, CLI, error pages."""
    # Here, not at the top: importing foi.law (pure) runs this file, and must not load Flask.
    from flask import Flask

    from config import BASE_DIR, CONFIGS

    app = Flask(
        __name__,
        template_folder=str(BASE_DIR / "templates"),
        instance_path=str(BASE_DIR / "instance"),
    )
    config_name = config_name or os.environ.get("FOI_ENV", "development")
    app.config.from_object(CONFIGS[config_name])
    app.config.update(overrides)
    _secret_key_ensure(app, config_name)

    # The app's parts load Flask, the models and the services: only when an app is built.
    from foi import i18n, ratelimits
    from foi.cli import register_cli
    from foi.extensions import csrf, db, login_manager, migrate
    from foi.services import counters  # noqa: F401 (counts requests in every flush)
    from foi.web import (
        caching,
        numbers,
        register_blueprints,
        register_error_handlers,
        register_template_globals,
        security,
    )

    db.init_app(app)
    migrate.init_app(app, db, directory=str(BASE_DIR / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    i18n.init_app(app)
    numbers.init_app(app)  # before the blueprints: their <int:...> rules take its converter
    register_blueprints(app)
    ratelimits.init_app(app)
    register_template_globals(app)
    register_error_handlers(app)
    security.init_app(app)
    register_cli(app)
    _register_operations(app)
    caching.init_app(app)  # last: a kept page is served after every other check
    return app


def _register_operations(app: Flask) -> None:
    """Request ids, JSON logs, Prometheus metrics, /metrics and /readyz."""
    # Loaded with the app, like the other parts above.
    from foi.web import metrics, request_log
    from foi.web.ops import bp

    request_log.init_app(app)
    metrics.init_app(app)
    app.register_blueprint(bp)


def _secret_key_ensure(app: Flask, config_name: str) -> None:
    """Refuse production without FOI_SECRET_KEY; elsewhere use the instance's own random key."""
    key = app.config.get("SECRET_KEY") or ""
    if config_name == "production":
        if not key or key in KNOWN_KEYS:
            raise RuntimeError(
                "Set FOI_SECRET_KEY to a long random value before running in production."
            )
        return
    if not key:
        app.config["SECRET_KEY"] = instance_secret_key(app.config["INSTANCE_DIR"])
