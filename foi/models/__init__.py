"""SQLAlchemy models. Business rules live in foi.services and foi.law, not here."""

from foi.models.account_event import AccountEvent
from foi.models.agency import Agency
from foi.models.agency_figures import AgencyFigures
from foi.models.audit import AuditEntry, guard_append_only
from foi.models.calendar import CalendarException
from foi.models.complaint import Complaint
from foi.models.department import Department
from foi.models.document import Document
from foi.models.draft import RequestDraft, RequestDraftFile, RequestGroup
from foi.models.follow import Follow
from foi.models.job import Job
from foi.models.login_attempt import LoginAttempt
from foi.models.moderation import ModerationFlag
from foi.models.outbox import OutboxMessage
from foi.models.public_change import PublicChange
from foi.models.rate_limit import RateLimitCounter
from foi.models.reminder import ReminderSchedule
from foi.models.reply import ReplyTemplate
from foi.models.request import Event, InfoRequest, ReferenceCounter, RequestTransfer
from foi.models.request_contact import RequestContact
from foi.models.request_count import RequestCount
from foi.models.response import Response
from foi.models.scheduler import SchedulerLock
from foi.models.second_factor import Passkey, RecoveryCode, SecondFactor, TrustedDevice
from foi.models.user import User
from foi.models.user_session import UserSession

__all__ = [
    "AccountEvent",
    "Agency",
    "AgencyFigures",
    "AuditEntry",
    "CalendarException",
    "Complaint",
    "Department",
    "Document",
    "Event",
    "Follow",
    "InfoRequest",
    "Job",
    "LoginAttempt",
    "ModerationFlag",
    "OutboxMessage",
    "Passkey",
    "PublicChange",
    "RateLimitCounter",
    "RecoveryCode",
    "ReplyTemplate",
    "ReferenceCounter",
    "ReminderSchedule",
    "RequestContact",
    "RequestDraft",
    "RequestDraftFile",
    "RequestGroup",
    "RequestCount",
    "RequestTransfer",
    "Response",
    "SchedulerLock",
    "SecondFactor",
    "TrustedDevice",
    "User",
    "UserSession",
]

# A request's, an account's and the site's histories are written once and kept as written.
guard_append_only(Event, AccountEvent, AuditEntry)
