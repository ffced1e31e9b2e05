"""foi: file, route, answer, publish and search requests for public information."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importing foi.law must not pull in Flask
    from flask import Flask


def create_app(config_name: str | None = None, **overrides) -> Flask:
    """Create the Flask application: configuration, extensions, blueprints, CLI, error pages."""
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
    _refuse_insecure_production(app, config_name)

    from foi import i18n
    from foi.cli import register_cli
    from foi.extensions import csrf, db, login_manager, migrate
    from foi.web import register_blueprints, register_error_handlers, security

    db.init_app(app)
    migrate.init_app(app, db, directory=str(BASE_DIR / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    i18n.init_app(app)
    register_blueprints(app)
    register_error_handlers(app)
    security.init_app(app)
    register_cli(app)
    return app


def _refuse_insecure_production(app: Flask, config_name: str) -> None:
    if config_name == "production" and app.config["SECRET_KEY"] in ("", "dev-only-not-secret"):
        raise RuntimeError(
            "Set FOI_SECRET_KEY to a long random value before running in production.")
