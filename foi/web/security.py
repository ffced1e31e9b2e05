"""Response headers that make the browser refuse what foi never does, and malformed input."""

from flask import Flask, abort, request

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def init_app(app: Flask) -> None:
    """Refuse NUL characters in pages' input and set the security headers."""

    @app.before_request
    def refuse_nul_characters():
        # No form or link sends NUL, and PostgreSQL cannot compare text holding it: looking up
        # such a value would fail as a server error instead of a bad request. The API answers
        # such values as it answers any other unknown one (its schema allows any string).
        if request.path.startswith("/api/"):
            return
        fields = (*request.args.items(multi=True), *request.form.items(multi=True))
        if "\x00" in request.path or any("\x00" in k or "\x00" in v for k, v in fields):
            abort(400)

    @app.after_request
    def security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CSP)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "same-origin")
        if app.config.get("SESSION_COOKIE_SECURE"):
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
