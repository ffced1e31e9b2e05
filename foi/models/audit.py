"""The administrators' audit log, and the guard that keeps every history append-only.

Requests (``request_event``) and accounts (``account_event``) have their own histories; what
happens elsewhere (the law calendar, the mail outbox, the agency directory, moderation flags
dismissed) is written to ``audit_entry``. The audit page reads all three. None of them is ever
updated or deleted: :func:`guard_append_only` makes the ORM refuse it, so no service can.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from foi.extensions import db
from foi.models.base import JSONData, UTCDateTime, utcnow


class AuditEntry(JSONData, db.Model):
    """One staff or administrator action outside a request's or an account's history."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    address: Mapped[str | None] = mapped_column(String(45))  # the client's IP address
    action: Mapped[str] = mapped_column(String(40))  # e.g. calendar_changed, outbox_retried
    object_type: Mapped[str] = mapped_column(String(20))  # calendar, outbox, agency, moderation
    object_id: Mapped[int | None] = mapped_column(Integer)
    object_label: Mapped[str] = mapped_column(String(200), default="")
    data_json: Mapped[str] = mapped_column(Text, default="{}")

    actor = relationship("User")


class AppendOnlyError(RuntimeError):
    """Someone tried to change or remove an entry of a history."""


def guard_append_only(*models: type) -> None:
    """Make the ORM refuse to update or delete rows of ``models``, one by one or in bulk."""
    guarded = set(models)

    def refuse(_mapper, _connection, target):
        raise AppendOnlyError(f"{type(target).__name__} rows are never changed or removed")

    for model in models:
        event.listen(model, "before_update", refuse)
        event.listen(model, "before_delete", refuse)

    @event.listens_for(Session, "do_orm_execute")
    def _refuse_bulk(state):
        if (state.is_update or state.is_delete) and any(
            m.class_ in guarded for m in state.all_mappers
        ):
            raise AppendOnlyError("history rows are never changed or removed")
