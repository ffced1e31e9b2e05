"""Blueprints, one per group of people, and the error pages."""
from flask import Flask, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from foi.api.problems import problem


def register_blueprints(app: Flask) -> None:
    from foi.api.views import bp as api_bp
    from foi.extensions import csrf
    from foi.web.admin.views import bp as admin_bp
    from foi.web.archive.views import bp as archive_bp
    from foi.web.auth.views import bp as auth_bp
    from foi.web.citizen.views import bp as citizen_bp
    from foi.web.documents.views import bp as documents_bp
    from foi.web.officer.views import bp as officer_bp
    from foi.web.oversight.views import bp as oversight_bp
    from foi.web.site.views import bp as site_bp

    for bp in (site_bp, archive_bp, auth_bp, citizen_bp, officer_bp, admin_bp, oversight_bp,
               documents_bp):
        app.register_blueprint(bp)
    csrf.exempt(api_bp)  # read-only JSON API, no cookies needed
    app.register_blueprint(api_bp, url_prefix="/api/v1")


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
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
