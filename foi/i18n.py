"""Language choice, locale-aware formatting and alphabetical order in az, en and ru.

The catalogues live in ``foi/translations/<lang>/LC_MESSAGES/messages.po``; ``make extract``
collects the messages and ``make translations`` compiles them (see docs/translating.md).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from babel import dates as babel_dates
from flask import Flask, current_app, has_request_context, request, session
from flask_babel import (
    format_decimal,
    format_percent,
    get_locale,
    get_timezone,
    get_translations,
    gettext,
    refresh,
    to_user_timezone,
)
from flask_login import current_user

from foi.documents.errors import human_size
from foi.extensions import babel, login_manager
from foi.law.citations import cite

#: The keywords ``pybabel extract`` looks for besides its defaults; keep the Makefile equal.
EXTRACT_KEYWORDS = ("_l", "lazy_gettext", "gettext_noop", "ngettext_noop:1,2", "lazy_ngettext:1,2")


def gettext_noop(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


def ngettext_noop(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for extraction without translating it now."""
    return singular, plural


# Messages that libraries show to people in English. They are translated by our own catalogue:
# WTForms ships no Azerbaijani catalogue, and Flask-Login ships none at all.
LIBRARY_MESSAGES = (
    gettext_noop("Please log in to access this page."),
    gettext_noop("This field is required."),
    gettext_noop("Invalid input."),
    gettext_noop("Invalid email address."),
    gettext_noop("Invalid URL."),
    gettext_noop("Field must be equal to %(other_name)s."),
    ngettext_noop(
        "Field must be at least %(min)d character long.",
        "Field must be at least %(min)d characters long.",
    ),
    ngettext_noop(
        "Field cannot be longer than %(max)d character.",
        "Field cannot be longer than %(max)d characters.",
    ),
    ngettext_noop(
        "Field must be exactly %(max)d character long.",
        "Field must be exactly %(max)d characters long.",
    ),
    gettext_noop("Field must be between %(min)d and %(max)d characters long."),
    gettext_noop("Number must be at least %(min)s."),
    gettext_noop("Number must be at most %(max)s."),
    gettext_noop("Number must be between %(min)s and %(max)s."),
    gettext_noop("Date must be at least %(min)s."),
    gettext_noop("Date must be at most %(max)s."),
    gettext_noop("Date must be between %(min)s and %(max)s."),
    gettext_noop("Invalid value, must be one of: %(values)s."),
    gettext_noop("Invalid value, can't be any of: %(values)s."),
    gettext_noop("Not a valid choice."),
    gettext_noop("Invalid Choice: could not coerce."),
    gettext_noop("Invalid choice(s): one or more data inputs could not be coerced."),
    ngettext_noop(
        "'%(value)s' is not a valid choice for this field.",
        "'%(value)s' are not valid choices for this field.",
    ),
    gettext_noop("Not a valid datetime value."),
    gettext_noop("Not a valid date value."),
    gettext_noop("Not a valid time value."),
    gettext_noop("Not a valid integer value."),
    gettext_noop("Not a valid decimal value."),
    gettext_noop("Not a valid float value."),
)


def supported_locales() -> list[str]:
    """Return the language codes the site offers, the default first."""
    return [code for code, _label in current_app.config["LANGUAGES"]]


def select_locale() -> str:
    """Pick the language: the choice made, the account's, the browser's, else Azerbaijani."""
    if not has_request_context():  # jobs and commands: e-mails pick their locale themselves
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    supported = supported_locales()
    chosen = session.get("lang") or request.cookies.get("foi_lang")
    if chosen in supported:
        return chosen
    if getattr(current_user, "is_authenticated", False) and current_user.locale in supported:
        return current_user.locale
    return (
        request.accept_languages.best_match(supported) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


def select_timezone() -> str:
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def current_locale() -> str:
    """Return the language code of the current request (``az`` outside a request)."""
    return str(get_locale() or "az")


# Alphabets in dictionary order. Letters joined by "/" share a place (Russian ё files under е);
# letters a language does not use come after its own alphabet, in the order of another script.
_ALPHABETS = {
    "az": "a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v w y z",
    "en": "a b c d e/ə f g h i/ı j k l m n o p q r s t u v w x y z",
    "ru": "а б в г д е/ё ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я",
}
_SCRIPT_ORDER = {"az": ("az", "ru"), "en": ("en", "ru"), "ru": ("ru", "en")}
_RANKS: dict[str, dict[str, tuple[int, int]]] = {}


def _ranks(locale: str) -> dict[str, tuple[int, int]]:
    """Map each letter to (script, place) for ``locale``, built once on first use."""
    if locale not in _RANKS:
        table: dict[str, tuple[int, int]] = {}
        for script, code in enumerate(_SCRIPT_ORDER[locale]):
            for place, group in enumerate(_ALPHABETS[code].split()):
                for letter in group.split("/"):
                    table.setdefault(letter, (script + 1, place))
        _RANKS[locale] = table
    return _RANKS[locale]


def _lower(text: str, locale: str) -> str:
    # Azerbaijani pairs I with ı and İ with i; Python's lower() knows only the English pairs.
    if locale == "az":
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def sort_key(text: str | None, locale: str | None = None) -> tuple:
    """Return a key that sorts ``text`` in the alphabetical order of ``locale``.

    Azerbaijani: a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z; Russian:
    Cyrillic order with ё beside е, then Latin; English: a to z. Case and punctuation (quotes
    around company names) do not count; digits come before letters.
    """
    locale = (locale or current_locale()).split("_")[0]
    if locale not in _ALPHABETS:
        locale = "en"
    ranks = _ranks(locale)
    weights: list[tuple[int, int]] = []
    for char in _lower(text or "", locale):
        if char.isspace():
            if weights and weights[-1] != (0, 0):
                weights.append((0, 0))
            continue
        if char.isdigit():
            weights.append((0, 1 + unicodedata.digit(char, 0)))
            continue
        rank = ranks.get(char)
        if rank is None:
            base = unicodedata.normalize("NFKD", char)[:1]
            rank = ranks.get(base)
            if rank is None:
                if not char.isalnum():
                    continue  # punctuation and symbols do not count
                rank = (9, ord(char))
        weights.append(rank)
    while weights and weights[-1] == (0, 0):
        weights.pop()
    return tuple(weights), text or ""


def collate(
    items: Iterable[Any], attribute: str | None = None, locale: str | None = None
) -> list[Any]:
    """Sort ``items`` alphabetically in ``locale``, by ``attribute`` when given.

    When the attribute is a method (``Agency.name``), it is called with the locale, so that
    ``agencies|collate("name")`` sorts by the name shown on the page.
    """
    locale = locale or current_locale()

    def text_of(item: Any) -> str:
        value = getattr(item, attribute) if attribute else item
        return str(value(locale) if callable(value) else value)

    return sorted(items, key=lambda item: sort_key(text_of(item), locale))


class _WTFormsCatalogue:
    """Answer WTForms' look-ups from our catalogue, in the language of the moment."""

    def ugettext(self, message: str) -> str:
        return get_translations().ugettext(message)

    def ungettext(self, singular: str, plural: str, n: int) -> str:
        return get_translations().ungettext(singular, plural, n)


def _start_request() -> None:
    # Flask-Babel caches the locale on ``g``, which outlives a request when an app context was
    # pushed around several (tests, CLI): forget it so that every request chooses afresh.
    refresh()
    # Flask-WTF looks validator messages up in WTForms' own catalogue, which has no Azerbaijani;
    # it keeps that catalogue on the request, so put ours (holding LIBRARY_MESSAGES) there.
    request.wtforms_translations = _WTFormsCatalogue()


# English pages are read in Azerbaijan: day before month and a 24-hour clock (en_GB), not en_US.
FORMAT_LOCALES = {"en": "en_GB"}


def _format_locale() -> str:
    code = current_locale()
    return FORMAT_LOCALES.get(code, code)


def date_text(value, fmt: str = "medium") -> str:
    if not value:
        return ""
    if isinstance(value, datetime):
        value = to_user_timezone(value)
    return babel_dates.format_date(value, fmt, locale=_format_locale())


def datetime_text(value, fmt: str = "medium") -> str:
    if not value:
        return ""
    return babel_dates.format_datetime(value, fmt, tzinfo=get_timezone(), locale=_format_locale())


def init_app(app: Flask) -> None:
    """Set up language choice, translated library messages and the formatting filters."""
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    login_manager.localize_callback = gettext
    app.before_request(_start_request)

    @app.context_processor
    def inject_language() -> dict[str, Any]:
        return {"LANGUAGES": app.config["LANGUAGES"], "current_locale": current_locale()}

    filters: dict[str, Callable[..., Any]] = {
        "date": date_text,
        "datetime": datetime_text,
        "number": lambda value: format_decimal(value) if value is not None else "",
        "percent": lambda value: format_percent(value) if value is not None else "",
        "collate": collate,
        "filesize": human_size,
        # A law's citation in the page's (or the e-mail's) language: "maddə 24.1", "ст. 24.1".
        "cite": lambda value: cite(value or "", current_locale()),
    }
    app.jinja_env.filters.update(filters)
