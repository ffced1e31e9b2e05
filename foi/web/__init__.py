"""Blueprints, one per group of people, and the error pages."""

from flask import Flask, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from foi.api.problems import problem
from foi.ratelimits.web import too_many_requests
from foi.requests.states import EventKind, Outcome, RequestStatus
from foi.services.permissions import Action


def register_blueprints(app: Flask) -> None:
    """Mount the site's pages and the API (at /api/v1, without CSRF: it only reads)."""
    # Here, not at the top: every import of a foi.web module runs this file, and the
    # blueprints load the whole site (their views, the services, the models).
    from foi.api import bp as api_bp
    from foi.extensions import csrf
    from foi.web.admin import bp as admin_bp
    from foi.web.archive import bp as archive_bp
    from foi.web.auth import bp as auth_bp
    from foi.web.citizen import bp as citizen_bp
    from foi.web.documents import bp as documents_bp
    from foi.web.jobs import bp as jobs_bp
    from foi.web.officer import bp as officer_bp
    from foi.web.oversight import bp as oversight_bp
    from foi.web.site import bp as site_bp

    for bp in (
        site_bp,
        archive_bp,
        auth_bp,
        citizen_bp,
        officer_bp,
        admin_bp,
        oversight_bp,
        documents_bp,
        jobs_bp,
    ):
        app.register_blueprint(bp)
    csrf.exempt(api_bp)  # read-only JSON API, no cookies needed
    app.register_blueprint(api_bp, url_prefix="/api/v1")


def register_template_globals(app: Flask) -> None:
    """Let templates compare with the request's enums instead of string literals."""
    app.jinja_env.globals.update(
        Action=Action, EventKind=EventKind, Outcome=Outcome, RequestStatus=RequestStatus
    )


def register_error_handlers(app: Flask) -> None:
    """Answer errors with a page in the reader's language, or a problem for the API."""

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if exc.code == 429:
            return too_many_requests(exc)
        if request.path.startswith("/api/"):
            return problem(exc.code or 500)
        template = exc.code if exc.code in (400, 403, 404, 413) else None
        if template is None:
            return exc
        return render_template(f"errors/{template}.html", error=exc), exc.code

    @app.errorhandler(Exception)
    def server_error(exc: Exception):
        app.logger.exception("Unhandled error on %s", request.path)
        if request.path.startswith("/api/"):
            return problem(500, _("Something went wrong on our side."))
        return render_template("errors/500.html"), 500
