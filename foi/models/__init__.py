"""SQLAlchemy models. Business rules live in foi.services and foi.law, not here."""
from foi.models.account_event import AccountEvent
from foi.models.agency import Agency
from foi.models.calendar import CalendarException
from foi.models.complaint import Complaint
from foi.models.document import Document
from foi.models.login_attempt import LoginAttempt
from foi.models.outbox import OutboxMessage
from foi.models.reminder import ReminderSchedule
from foi.models.request import Event, InfoRequest, ReferenceCounter
from foi.models.response import Response
from foi.models.scheduler import SchedulerLock
from foi.models.user import User

__all__ = [
    "AccountEvent", "Agency", "CalendarException", "Complaint", "Document", "Event", "InfoRequest",
    "LoginAttempt", "OutboxMessage", "ReferenceCounter", "ReminderSchedule", "Response",
    "SchedulerLock", "User",
]
