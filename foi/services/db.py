"""The transaction boundary used by every service."""

from contextlib import contextmanager
from typing import Any, cast

import sqlalchemy as sa

from foi.extensions import db


def database_engine() -> sa.Engine:
    """Return the site's database engine, for the backup and restore that work below sessions."""
    return db.engine


def rows_changed(statement: sa.Update | sa.Delete) -> int:
    """Run an UPDATE or DELETE in the current session; return how many rows it matched.

    ``Session.execute`` is typed as returning a plain Result, but that of a DML statement is a
    CursorResult, which carries the count: compare-and-set updates decide on it.
    """
    return cast("sa.CursorResult[Any]", db.session.execute(statement)).rowcount


def count_of(query: sa.Select[int]) -> int:
    """Return the number a ``select(func.count())`` query counts in the current session.

    A count has always one row; ``Session.scalar`` is typed as possibly None all the same.
    """
    return db.session.scalar(query) or 0


@contextmanager
def transaction():
    """Commit when the block succeeds, roll back everything when it raises."""
    try:
        yield db.session
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
