"""Column helpers shared by the models."""

import json
from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


# The largest id any supported database holds: ids are PostgreSQL ``integer`` (SERIAL) columns.
# A larger number names no row; comparing with it would fail ("integer out of range").
MAX_ID = 2**31 - 1


class UTCDateTime(TypeDecorator):
    """Store aware datetimes as UTC; SQLite drops the offset, so put it back on the way out."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(UTC)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class JSONData:
    """A ``data`` dict kept as JSON text in the model's ``data_json`` column (event details)."""

    data_json: str

    @property
    def data(self) -> dict:
        return json.loads(self.data_json or "{}")

    @data.setter
    def data(self, value: dict) -> None:
        self.data_json = json.dumps(value, ensure_ascii=False, default=str)
