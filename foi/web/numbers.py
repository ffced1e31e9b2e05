"""Numbers from URLs and query strings, kept inside what the database can compare.

A large number in a URL used to reach the database and fail there: SQLite cannot bind one
above 2**63 - 1 ("Python int too large to convert to SQLite INTEGER"), PostgreSQL refuses one
above 2**31 - 1 for an ``integer`` id ("integer out of range"), so the page answered 500. The
default ``int`` converter of every route is replaced by one with the smaller bound: such a URL
matches no route and answers 404 in one place. Query-string numbers go through
:func:`query_int`.
"""

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter

from foi.models.base import MAX_ID

DB_INT_MAX = MAX_ID
# The last page number a list accepts: its offset (page x page size) stays far inside DB_INT_MAX.
MAX_PAGE = 100_000


class BoundedIntConverter(IntegerConverter):
    """``<int:...>`` as Werkzeug's, but a number past ``DB_INT_MAX`` does not match (404)."""

    def __init__(self, map, fixed_digits=0, min=None, max=None, signed=False):
        super().__init__(map, fixed_digits, min, DB_INT_MAX if max is None else max, signed)


def init_app(app: Flask) -> None:
    """Make the bounded converter every route's ``int``."""
    # Before any blueprint registers its rules: each rule reads the converter when it is added.
    app.url_map.converters["int"] = BoundedIntConverter


def query_int(
    name: str,
    default: int | None = None,
    *,
    low: int = 0,
    high: int = DB_INT_MAX,
    strict: bool = True,
) -> int | None:
    """Return the query string's whole number ``name``, or ``default`` when it is absent.

    A value that is not ASCII digits or lies outside ``low..high`` answers 400 when ``strict``;
    otherwise (a public filter, where showing everything beats an error page) it is ignored and
    ``default`` is returned.
    """
    value = request.args.get(name, "").strip()
    if not value:
        return default
    # str.isdigit() also accepts "²" and other digits int() refuses: ASCII only.
    if value.isascii() and value.isdigit() and len(value) <= 19 and low <= int(value) <= high:
        return int(value)
    if strict:
        abort(400)
    return default
