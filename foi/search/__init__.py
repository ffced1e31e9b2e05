"""Full-text search over the published archive, on SQLite FTS5 or PostgreSQL.

Only published, redacted text is ever given to :meth:`SearchBackend.index`. Every function takes
a SQLAlchemy ``Connection`` and never commits: the caller's transaction owns the work.
"""

import sqlalchemy as sa

from foi.search.base import SearchBackend
from foi.search.values import Hit, SearchDocument, SearchQuery, SearchResults

__all__ = ["Hit", "SearchBackend", "SearchDocument", "SearchQuery", "SearchResults", "get_backend"]


def get_backend(conn: sa.Connection | sa.Engine) -> SearchBackend:
    """Return the search back end for the database behind ``conn``."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        # Only the back end of the database in use is loaded.
        from foi.search.sqlite_fts import SqliteBackend

        return SqliteBackend()
    if dialect == "postgresql":
        # Only the back end of the database in use is loaded.
        from foi.search.postgres_fts import PostgresBackend

        return PostgresBackend()
    raise ValueError(f"no search back end for the {dialect!r} database")
