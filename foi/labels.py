"""Names of statuses, outcomes and events, translatable; shared by pages, PDFs and e-mails."""
from flask_babel import lazy_gettext as _l

STATUS_LABELS = {
    "awaiting": (_l("Awaiting answer"), "info"),
    "clarification": (_l("Clarification asked"), "warning"),
    "answered": (_l("Answered, awaiting publication"), "success"),
    "published": (_l("Answered and published"), "success"),
    "closed": (_l("Answered"), "success"),
    "withdrawn": (_l("Withdrawn"), "neutral"),
}
OUTCOME_LABELS = {
    "given": _l("Information given"),
    "partial": _l("Partly given"),
    "refused": _l("Refused"),
    "not_held": _l("Information not held"),
}
URGENCY_LABELS = {
    "life": _l("Urgent: life, health or liberty"),
    "timeliness": _l("Urgent: would lose its timeliness"),
}
EVENT_TITLES = {
    "filed": _l("Request filed"),
    "routed": _l("Sent to the agency"),
    "assigned": _l("Assigned"),
    "note": _l("Internal note"),
    "transferred": _l("Transferred to another agency"),
    "clarification_requested": _l("The agency asked for clarification"),
    "clarification_received": _l("The requester clarified"),
    "extended": _l("Deadline extended"),
    "answered": _l("Answered"),
    "published": _l("Published in the archive"),
    "publication_declined": _l("Publication declined"),
    "withdrawn": _l("Withdrawn by the requester"),
    "file_held": _l("File held for review"),
    "reminder_sent": _l("Reminder sent"),
    "deadline_moved": _l("Deadline moved"),
    "complaint_lodged": _l("Complaint lodged with the oversight body"),
    "complaint_extended": _l("The oversight body extended its deadline"),
    "complaint_decided": _l("The oversight body decided the complaint"),
}

UNASSIGN_REASONS = {
    "deactivated": _l("account deactivated"),
    "moved": _l("moved to another agency or role"),
}
