"""The transaction boundary used by every service."""

from contextlib import contextmanager

import sqlalchemy as sa

from foi.extensions import db


def database_engine() -> sa.Engine:
    """Return the site's database engine, for the backup and restore that work below sessions."""
    return db.engine


@contextmanager
def transaction():
    """Commit when the block succeeds, roll back everything when it raises."""
    try:
        yield db.session
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
