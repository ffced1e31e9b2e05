"""Enqueue many e-mails at once: one INSERT that skips the keys already there.

Sweeps write thousands of near-identical messages. Rendering a Jinja template and formatting a
date through Babel costs a few milliseconds each; :class:`MailRenderer` renders each
(template, language, shape) once with placeholders, then fills the person's values in, so the
cost per message is a string substitution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from flask import render_template
from flask_babel import force_locale, format_date, format_datetime
from sqlalchemy import Table, insert, select

from foi.extensions import db
from foi.models import OutboxMessage
from foi.models.outbox import PENDING

# S105 is a false positive here: a placeholder marker in templates, not a password.
_TOKEN = "\x00{}\x00"  # noqa: S105
_TOKEN_RE = re.compile("\x00([a-z_]+)\x00")


@dataclass
class Mail:
    """One message to enqueue.

    ``context`` goes to the template as it is; ``fields`` are plain-text values printed as they
    are (names, subjects, links, formatted dates) and may be filled into a cached rendering.
    """

    key: str
    to_addr: str
    template: str
    locale: str
    context: dict = field(default_factory=dict)
    fields: dict[str, str] | None = None


def render_mail(template: str, locale: str, **context) -> tuple[str, str]:
    """Render ``templates/email/<template>.txt`` into a subject and a body, as enqueue does."""
    with force_locale(locale):
        text = render_template(f"email/{template}.txt", **context)
    subject, _, body = text.partition("\n")
    return subject.removeprefix("Subject:").strip(), body.lstrip("\n")


class MailRenderer:
    """Render messages, reusing one rendering per template, language and shape."""

    def __init__(self) -> None:
        self._skeletons: dict[tuple, tuple[str, str]] = {}
        self._dates: dict[tuple, str] = {}

    def date(self, value: datetime, locale: str, fmt: str = "long") -> str:
        """Return the date of ``value`` written in ``locale``, as the ``date`` filter does."""
        key = ("d", value, locale, fmt)
        if key not in self._dates:
            with force_locale(locale):
                self._dates[key] = format_date(value, fmt)
        return self._dates[key]

    def datetime(self, value: datetime, locale: str, fmt: str = "full") -> str:
        """Return ``value`` written in ``locale``, as the ``datetime`` filter does."""
        key = ("dt", value, locale, fmt)
        if key not in self._dates:
            with force_locale(locale):
                self._dates[key] = format_datetime(value, fmt)
        return self._dates[key]

    def render(self, mail: Mail) -> tuple[str, str]:
        """Return the subject and body of one message."""
        if mail.fields is None:
            subject, body = render_mail(mail.template, mail.locale, **mail.context)
            return subject[:300], body
        values = {k: (v or "").replace("\x00", "") for k, v in mail.fields.items()}
        empty = tuple(sorted(k for k, v in values.items() if not v))
        key = (mail.template, mail.locale, empty, tuple(sorted(mail.context.items())))
        skeleton = self._skeletons.get(key)
        if skeleton is None:
            placeholders = {k: (_TOKEN.format(k) if v else "") for k, v in values.items()}
            skeleton = render_mail(mail.template, mail.locale, **mail.context, **placeholders)
            self._skeletons[key] = skeleton
        subject, body = skeleton

        def fill(match: re.Match, one_line: bool = False) -> str:
            value = values[match.group(1)]
            return " ".join(value.split()) if one_line else value

        return (_TOKEN_RE.sub(lambda m: fill(m, True), subject)[:300], _TOKEN_RE.sub(fill, body))


def driver_cursor():
    """Return a cursor of the database driver on the session's connection and transaction."""
    return db.session.connection().connection.driver_connection.cursor()


def insert_rows(
    table: Table,
    rows: list[dict],
    *,
    skip_conflicts_on: str | None = None,
    returning: str | None = None,
) -> list:
    """Insert many rows in one statement's worth of work; return the ``returning`` column.

    PostgreSQL gets one ``INSERT ... SELECT FROM unnest(arrays)`` with the arrays sent in
    binary (psycopg would otherwise send one INSERT per row, even pipelined, and writing
    arrays as text escapes every element in Python: 25 ms a batch); a column with the same
    value in every row is sent once. SQLite's executemany is already fast. With
    ``skip_conflicts_on``, rows whose value of that unique column is already stored (or being
    stored by a transaction not yet committed, which this one then waits for) are left out.
    """
    if not rows:
        return []
    dialect = db.session.get_bind().dialect
    if dialect.name != "postgresql":
        stmt = insert(table)
        if skip_conflicts_on:
            stmt = stmt.prefix_with("OR IGNORE")
        if returning:
            return list(db.session.scalars(stmt.returning(table.c[returning]), rows))
        db.session.execute(stmt, rows)
        return []
    columns = list(rows[0])
    params, arrays, values = {}, [], []
    for i, name in enumerate(columns):
        sql_type = table.c[name].type.compile(dialect)
        column = [row[name] for row in rows]
        if i and all(v == column[0] for v in column):  # one array keeps the row count
            params[f"c{i}"] = column[0]
            values.append(f"CAST(%(c{i})s AS {sql_type})")
        else:
            params[f"c{i}"] = column
            arrays.append(f"CAST(%(c{i})b AS {sql_type}[])")
            values.append(f"m.a{len(arrays) - 1}")
    names = ", ".join(f'"{c}"' for c in columns)
    aliases = ", ".join(f"a{k}" for k in range(len(arrays)))
    sql = (
        # S608 is a false positive here: names from the SQLAlchemy table; every value is a bound
        # array.
        f'INSERT INTO "{table.name}" ({names}) SELECT {", ".join(values)} '  # noqa: S608
        f"FROM unnest({', '.join(arrays)}) AS m({aliases})"
    )
    if skip_conflicts_on:
        sql += f' ON CONFLICT ("{skip_conflicts_on}") DO NOTHING'
    if returning:
        sql += f' RETURNING "{returning}"'
    cur = driver_cursor()
    cur.execute(sql, params)
    return [row[0] for row in cur.fetchall()] if returning else []


def enqueue_many(
    mails: list[Mail], now: datetime, renderer: MailRenderer | None = None
) -> set[str]:
    """Add the messages whose key is not in the outbox yet; return the keys added.

    Runs inside the caller's transaction. A key written meanwhile by another transaction is
    skipped too (PostgreSQL waits for that transaction to end; SQLite holds one writer at a
    time), so two sweeps racing for the same message enqueue it once.
    """
    if not mails:
        return set()
    renderer = renderer or MailRenderer()
    keys = list(dict.fromkeys(m.key for m in mails))
    if db.session.get_bind().dialect.name == "postgresql":
        seen = set()  # the INSERT itself skips the keys already there
    else:
        seen = set(db.session.scalars(select(OutboxMessage.key).where(OutboxMessage.key.in_(keys))))
    rows = []
    for mail in mails:
        if mail.key in seen or not mail.to_addr:
            continue
        seen.add(mail.key)
        subject, body = renderer.render(mail)
        rows.append(
            {
                "key": mail.key,
                "to_addr": mail.to_addr,
                "subject": subject,
                "body_text": body,
                "body_html": None,
                "status": PENDING,
                "attempts": 0,
                "next_attempt_at": now,
                "last_error": "",
                "created_at": now,
            }
        )
    return set(insert_rows(OutboxMessage.__table__, rows, skip_conflicts_on="key", returning="key"))
