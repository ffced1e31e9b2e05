"""Information requests and their append-only history of events."""
import json
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow
from foi.models.reminder import ReminderSchedule

# Status: derived from events by foi.services, stored for queries.
AWAITING = "awaiting"            # with the agency, clock running
CLARIFICATION = "clarification"  # waiting for the requester to clarify
ANSWERED = "answered"            # answered, waiting for the coordinator to approve publication
PUBLISHED = "published"          # answered and in the public archive
CLOSED = "closed"                # answered, publication declined
WITHDRAWN = "withdrawn"
OPEN_STATUSES = (AWAITING, CLARIFICATION)
STATUSES = (AWAITING, CLARIFICATION, ANSWERED, PUBLISHED, CLOSED, WITHDRAWN)

GIVEN, PARTIAL, REFUSED, NOT_HELD = "given", "partial", "refused", "not_held"
OUTCOMES = (GIVEN, PARTIAL, REFUSED, NOT_HELD)

URGENCY_LIFE, URGENCY_TIMELINESS = "life", "timeliness"

# Who may read an event: everyone once published, the requester and staff, or staff only.
PUBLIC, REQUESTER, INTERNAL = "public", "requester", "internal"


class ReferenceCounter(db.Model):
    """Last reference number used per prefix and year (``AZ-2026-000123``)."""

    __tablename__ = "reference_counter"

    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class InfoRequest(db.Model):
    __tablename__ = "info_request"
    __table_args__ = (
        Index("ix_info_request_queue", "agency_id", "status", "due_at"),
        # Every column an agency's statistics read, so they are counted from the index alone.
        Index("ix_info_request_statistics", "agency_id", "answered_at", "received_at", "due_at",
              "status", "outcome"),
        Index("ix_info_request_requester", "requester_id", "created_at"),
        Index("ix_info_request_assignee", "assignee_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(5), default="az")
    urgency: Mapped[str | None] = mapped_column(String(20))
    publish_name: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default=AWAITING)
    outcome: Mapped[str | None] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Bumped whenever due_at moves, so reminders are keyed to one version of the deadline.
    deadline_version: Mapped[int] = mapped_column(Integer, default=1)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    requester = relationship("User", foreign_keys=[requester_id])
    assignee = relationship("User", foreign_keys=[assignee_id])
    agency = relationship("Agency")
    events = relationship("Event", back_populates="request", order_by="Event.id",
                          cascade="all, delete-orphan")
    response = relationship("Response", back_populates="request", uselist=False)
    documents = relationship("Document", back_populates="request", order_by="Document.id")
    # When the reminder sweep should next look at this request (foi.services.reminders).
    reminder = relationship("ReminderSchedule", uselist=False, cascade="all, delete-orphan",
                            passive_deletes=True)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def next_reminder_at(self) -> datetime | None:
        """Return when the reminder sweep should next look at this request, if ever."""
        return self.reminder.next_at if self.reminder is not None else None

    @next_reminder_at.setter
    def next_reminder_at(self, value: datetime | None) -> None:
        if value is None:
            self.reminder = None
        elif self.reminder is not None:
            self.reminder.next_at = value
        else:
            self.reminder = ReminderSchedule(next_at=value)


class Event(db.Model):
    """One thing that happened to a request: who, when, what. Never updated or deleted."""

    __tablename__ = "request_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_request.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    visibility: Mapped[str] = mapped_column(String(12), default=REQUESTER)
    text: Mapped[str] = mapped_column(Text, default="")
    data_json: Mapped[str] = mapped_column(Text, default="{}")

    request = relationship("InfoRequest", back_populates="events")
    actor = relationship("User")

    @property
    def data(self) -> dict:
        return json.loads(self.data_json or "{}")

    @data.setter
    def data(self, value: dict) -> None:
        self.data_json = json.dumps(value, ensure_ascii=False, default=str)


