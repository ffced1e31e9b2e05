"""Information requests and their append-only history of events.

What is stored and what is derived:

- ``request_event`` rows are the truth: who did what and when. They are only ever appended.
- ``InfoRequest.status`` and ``outcome`` are stored plain strings (the values of
  ``foi.requests.states.RequestStatus`` and ``Outcome``), kept for queries. Only
  ``foi.requests.states.request_transition`` changes ``status``, as each event is recorded.
- ``due_at`` and ``deadline_version`` are derived from the clock events by the law engine
  (``foi.services.deadlines.refresh_due``) and stored for queues and reminders.
- ``answered_at`` and ``published_at`` repeat the time of the answering and publishing events
  for the archive's queries and statistics.
- ``is_open`` and ``is_published`` are computed from ``status``, never stored.
- ``channel`` says how the request arrived. One received off-line has no requester account
  (``requester_id`` is empty) until its person registers and confirms the e-mail address the
  staff wrote down; ``contact`` (``request_contact``) holds their name and addresses.
- ``hidden_at`` and ``hidden_reason`` are moderation's decision (``moderation_flag`` holds
  who flagged and decided); ``is_public`` is published and not hidden.
"""

from datetime import datetime

from sqlalchemy import Boolean, ColumnElement, ForeignKey, Index, Integer, String, Text, and_
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import JSONData, UTCDateTime, utcnow
from foi.models.reminder import ReminderSchedule
from foi.requests.states import OPEN, RequestStatus

URGENCY_LIFE, URGENCY_TIMELINESS = "life", "timeliness"

# Who may read an event: everyone once published, the requester and staff, or staff only.
PUBLIC, REQUESTER, INTERNAL = "public", "requester", "internal"

# How a request reached the agency: through the site, or off-line and entered by its staff
# (foi.services.offline) — by post, by phone, in person, by e-mail to the agency, by fax.
ONLINE = "online"
OFFLINE_CHANNELS = ("post", "phone", "in_person", "email", "fax")
CHANNELS = (ONLINE, *OFFLINE_CHANNELS)


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
        Index(
            "ix_info_request_statistics",
            "agency_id",
            "answered_at",
            "received_at",
            "due_at",
            "status",
            "outcome",
        ),
        Index("ix_info_request_requester", "requester_id", "created_at"),
        Index("ix_info_request_assignee", "assignee_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    # Empty for a request received off-line from a person without an account (``contact``).
    requester_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # The agency's department it is routed to; its officers see it under "Unclaimed".
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(5), default="az")
    urgency: Mapped[str | None] = mapped_column(String(20))
    publish_name: Mapped[bool] = mapped_column(Boolean, default=False)
    channel: Mapped[str] = mapped_column(String(12), default=ONLINE, server_default=ONLINE)
    status: Mapped[str] = mapped_column(String(20), default=RequestStatus.AWAITING.value)
    outcome: Mapped[str | None] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Bumped whenever due_at moves, so reminders are keyed to one version of the deadline.
    deadline_version: Mapped[int] = mapped_column(Integer, default=1)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Hidden by an administrator's moderation (foi.services.moderation): out of the public
    # archive and the agency's queue until restored; the reason is a moderation_flag reason.
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_reason: Mapped[str] = mapped_column(String(20), default="")
    # Filed together with other agencies' requests of the same text (one per agency).
    group_id: Mapped[int | None] = mapped_column(ForeignKey("request_group.id"), index=True)

    requester = relationship("User", foreign_keys=[requester_id])
    assignee = relationship("User", foreign_keys=[assignee_id])
    agency = relationship("Agency")
    group = relationship("RequestGroup")
    department = relationship("Department")
    events = relationship(
        "Event", back_populates="request", order_by="Event.id", cascade="all, delete-orphan"
    )
    response = relationship("Response", back_populates="request", uselist=False)
    # Private: the off-line requester's name and addresses (foi.models.request_contact).
    contact = relationship("RequestContact", back_populates="request", uselist=False)
    documents = relationship("Document", back_populates="request", order_by="Document.id")
    # When the reminder sweep should next look at this request (foi.services.reminders).
    reminder = relationship(
        "ReminderSchedule", uselist=False, cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def is_open(self) -> bool:
        """Tell whether the agency still owes an answer (awaiting or clarification)."""
        return self.status in OPEN

    @property
    def is_offline(self) -> bool:
        """Tell whether the request arrived off-line and was entered by the agency's staff."""
        return self.channel != ONLINE

    @property
    def requester_name(self) -> str:
        """Return the requester's name: the account's, or the one written down off-line."""
        if self.requester is not None:
            return self.requester.display_name
        return self.contact.name if self.contact is not None else ""

    @property
    def requester_locale(self) -> str:
        """Return the language to write to the requester in: the account's, else the request's."""
        return self.requester.locale if self.requester is not None else self.lang

    @property
    def requester_email(self) -> str:
        """Return where the requester reads e-mail: the account's, else the one written down."""
        if self.requester is not None:
            return self.requester.email
        return self.contact.email if self.contact is not None else ""

    @property
    def answers_by_post(self) -> bool:
        """Tell whether letters to the requester go on paper: no account and no e-mail address."""
        return not self.requester_email

    @property
    def is_published(self) -> bool:
        """Tell whether the answer is in the public archive."""
        return self.status == RequestStatus.PUBLISHED

    @property
    def is_hidden(self) -> bool:
        """Tell whether moderation took the request out of the archive and the queue."""
        return self.hidden_at is not None

    @hybrid_property
    def is_public(self) -> bool:
        """Tell whether anyone may read the request in the archive: published, not hidden."""
        return self.is_published and not self.is_hidden

    @is_public.inplace.expression
    @classmethod
    def _is_public_expression(cls) -> ColumnElement[bool]:
        return and_(cls.status == RequestStatus.PUBLISHED, cls.hidden_at.is_(None))

    @property
    def awaits_clarification(self) -> bool:
        """Tell whether the agency waits for the requester to clarify."""
        return self.status == RequestStatus.CLARIFICATION

    @property
    def awaits_approval(self) -> bool:
        """Tell whether the answer waits for the coordinator's approval."""
        return self.status == RequestStatus.ANSWERED

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


class RequestTransfer(db.Model):
    """One passing of a request from one agency to another (AZ art. 23.1), kept for counting.

    The request then belongs to the receiving agency; this row is how the sending agency's
    statistics still count it as received and transferred (``foi.services.compliance``). The
    ``transferred`` event holds the same facts for people; this holds them for indexed counts.
    """

    __tablename__ = "request_transfer"
    __table_args__ = (Index("ix_request_transfer_from", "from_agency_id", "request_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_request.id"), index=True)
    from_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    to_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    request = relationship("InfoRequest")


class Event(JSONData, db.Model):
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
    # The client's IP address when a person acted through the site (none for the scheduler).
    address: Mapped[str | None] = mapped_column(String(45))

    request = relationship("InfoRequest", back_populates="events")
    actor = relationship("User")
