"""Loading benchmark rows fast: executemany in chunks on SQLite, COPY on PostgreSQL."""

from collections.abc import Iterable, Sequence

CHUNK = 50_000  # rows held in memory at a time on SQLite


def insert_rows(
    cursor, kind: str, table: str, columns: Sequence[str], rows: Iterable[Sequence]
) -> None:
    """Insert ``rows`` into ``table`` through a raw DB-API ``cursor`` of a ``kind`` database."""
    names = ", ".join(columns)
    if kind == "sqlite":
        sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
        rows = iter(rows)
        while chunk := [r for _, r in zip(range(CHUNK), rows)]:
            cursor.executemany(sql, chunk)
        return
    with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
