"""Names of statuses, outcomes and events, translatable; shared by pages, PDFs and e-mails."""

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l

from foi.requests.states import EventKind, Outcome, RequestStatus

# Keyed by the enums' values as stored (a StrEnum member equals its string).
STATUS_LABELS: dict[str, tuple[LazyString, str]] = {
    RequestStatus.HELD: (_l("Held until you confirm your address"), "warning"),
    RequestStatus.AWAITING: (_l("Awaiting answer"), "info"),
    RequestStatus.CLARIFICATION: (_l("Clarification asked"), "warning"),
    RequestStatus.ANSWERED: (_l("Answered, awaiting publication"), "success"),
    RequestStatus.PUBLISHED: (_l("Answered and published"), "success"),
    RequestStatus.CLOSED: (_l("Answered"), "success"),
    RequestStatus.WITHDRAWN: (_l("Withdrawn"), "neutral"),
}
OUTCOME_LABELS = {
    Outcome.GIVEN: _l("Information given"),
    Outcome.PARTIAL: _l("Partly given"),
    Outcome.REFUSED: _l("Refused"),
    Outcome.NOT_HELD: _l("Information not held"),
}
URGENCY_LABELS = {
    "life": _l("Urgent: life, health or liberty"),
    "timeliness": _l("Urgent: would lose its timeliness"),
}
EVENT_TITLES: dict[str, LazyString] = {
    EventKind.HELD: _l("Held until the e-mail address is confirmed"),
    EventKind.FILED: _l("Request filed"),
    EventKind.ROUTED: _l("Sent to the agency"),
    EventKind.ASSIGNED: _l("Assigned"),
    EventKind.DEPARTMENT_ROUTED: _l("Routed to a department"),
    EventKind.CLAIMED: _l("Claimed"),
    EventKind.CLAIM_RELEASED: _l("Claim released"),
    EventKind.NOTE: _l("Internal note"),
    EventKind.MESSAGE_SENT: _l("The agency wrote to the requester"),
    EventKind.TRANSFERRED: _l("Transferred to another agency"),
    EventKind.CLARIFICATION_REQUESTED: _l("The agency asked for clarification"),
    EventKind.CLARIFICATION_RECEIVED: _l("The requester clarified"),
    EventKind.EXTENDED: _l("Deadline extended"),
    EventKind.ANSWERED: _l("Answered"),
    EventKind.PUBLISHED: _l("Published in the archive"),
    EventKind.PUBLICATION_DECLINED: _l("Publication declined"),
    EventKind.WITHDRAWN: _l("Withdrawn by the requester"),
    EventKind.PAUSED: _l("Clock paused"),
    EventKind.RESUMED: _l("Clock running again"),
    EventKind.ANSWER_REDACTED: _l("Passages removed from the text to publish"),
    EventKind.FILE_HELD: _l("File held for review"),
    EventKind.FILE_RELEASED: _l("Held file released"),
    EventKind.FILE_KEPT_PRIVATE: _l("File kept private"),
    EventKind.FILE_REDACTED: _l("Redacted copy of a file made"),
    EventKind.REMINDER_SENT: _l("Reminder sent"),
    EventKind.DEADLINE_MOVED: _l("Deadline moved"),
    EventKind.COMPLAINT_LODGED: _l("Complaint lodged with the oversight body"),
    EventKind.COMPLAINT_EXTENDED: _l("The oversight body extended its deadline"),
    EventKind.COMPLAINT_DECIDED: _l("The oversight body decided the complaint"),
    EventKind.REOPENED: _l("Reopened by the oversight body's decision"),
    EventKind.FLAGGED: _l("Flagged for the site's administrators"),
    EventKind.HIDDEN: _l("Hidden by the site's administrators"),
    EventKind.RESTORED: _l("Shown again by the site's administrators"),
    EventKind.OVERSIGHT_LETTER: _l("The oversight body wrote to the agency"),
    EventKind.OVERSIGHT_REPLY: _l("The agency replied to the oversight body"),
    EventKind.ENTERED_LATE: _l("Entered later than it was received"),
    EventKind.JOINED_ACCOUNT: _l("Joined the requester's account"),
    EventKind.LETTER_POSTED: _l("Letter posted"),
}
#: How a request reached the agency (foi.models.request.CHANNELS).
CHANNEL_LABELS = {
    "online": _l("Online"),
    "post": _l("By post"),
    "phone": _l("By phone"),
    "in_person": _l("In person"),
    "email": _l("By e-mail to the agency"),
    "fax": _l("By fax"),
}
#: The letters a requester without e-mail is posted (foi.services.post_letters.LETTER_EVENTS).
POST_LETTER_LABELS = {
    "receipt": _l("Receipt"),
    "clarification": _l("Clarification letter"),
    "message": _l("Letter from the agency"),
    "extension": _l("Extension letter"),
    "transfer": _l("Transfer letter"),
    "answer": _l("Answer letter"),
    "refusal": _l("Refusal letter"),
}
COMPLAINT_OUTCOME_LABELS = {
    "upheld": _l("Complaint upheld"),
    "partly_upheld": _l("Complaint partly upheld"),
    "rejected": _l("Complaint rejected"),
}
MODERATION_REASONS = {
    "spam": _l("Spam"),
    "abusive": _l("Abusive or offensive"),
    "personal_data": _l("Someone's personal data"),
    "rate_limit": _l("Filed past the rate limits"),
    "other": _l("Other"),
}

UNASSIGN_REASONS = {
    "deactivated": _l("account deactivated"),
    "moved": _l("moved to another agency or role"),
}

#: The figures of foi.services.compliance, as pages, the CSV and the PDF name them.
COMPLIANCE_LABELS = {
    "received": _l("Received"),
    "answered_on_time": _l("Answered on time"),
    "answered_late": _l("Answered late"),
    "refused_on_time": _l("Refused on time"),
    "refused_late": _l("Refused late"),
    "transferred": _l("Transferred to another agency"),
    "withdrawn": _l("Withdrawn by the requester"),
    "open_in_time": _l("Still open, within the deadline"),
    "open_overdue": _l("Still open, overdue"),
    "acknowledged_on_time": _l("Acknowledged on time"),
    "extended": _l("Deadline extended"),
    "median_working_days_to_answer": _l("Median working days to answer"),
}
