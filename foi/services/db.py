"""The transaction boundary used by every service."""
from contextlib import contextmanager

from foi.extensions import db


@contextmanager
def transaction():
    """Commit when the block succeeds, roll back everything when it raises."""
    try:
        yield db.session
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
