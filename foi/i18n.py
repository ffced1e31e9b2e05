"""Language choice and locale-aware formatting."""
from flask import Flask, current_app, request, session
from flask_babel import format_date, format_datetime, get_locale
from flask_login import current_user

from foi.extensions import babel


def _supported() -> list[str]:
    return [code for code, _label in current_app.config["LANGUAGES"]]


def select_locale() -> str:
    """Pick the language: explicit choice, then the account's, then the browser's, then Azerbaijani."""
    chosen = session.get("lang")
    if chosen in _supported():
        return chosen
    if getattr(current_user, "is_authenticated", False) and current_user.locale in _supported():
        return current_user.locale
    return request.accept_languages.best_match(_supported()) or current_app.config[
        "BABEL_DEFAULT_LOCALE"]


def select_timezone() -> str:
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def current_locale() -> str:
    return str(get_locale() or "az")


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)

    @app.context_processor
    def inject_language():
        return {"LANGUAGES": app.config["LANGUAGES"], "current_locale": current_locale()}

    app.jinja_env.filters["date"] = lambda value, fmt="medium": (
        format_date(value, fmt) if value else "")
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": (
        format_datetime(value, fmt) if value else "")
