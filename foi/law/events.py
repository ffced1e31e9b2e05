"""What can happen to a request: the one list of event kinds, seven of which move the clock.

The kinds are stored as plain strings in ``request_event.kind``; a ``StrEnum`` member equals
its string, so rows written before this enum existed read the same.
"""

from __future__ import annotations

from enum import StrEnum


class EventKind(StrEnum):
    """The kind of one event in a request's history."""

    HELD = "held"  # filed by an account whose e-mail address is not confirmed yet
    FILED = "filed"
    ROUTED = "routed"
    ASSIGNED = "assigned"
    DEPARTMENT_ROUTED = "department_routed"  # sent to one of the agency's departments
    CLAIMED = "claimed"  # an officer took it on themselves
    CLAIM_RELEASED = "claim_released"  # the officer who claimed it gave it back, saying why
    NOTE = "note"
    # The agency wrote to the requester without legal effect on the clock (a progress note, a
    # pointer to where the information is published): e-mailed, or posted to those without.
    MESSAGE_SENT = "message_sent"
    TRANSFERRED = "transferred"
    CLARIFICATION_REQUESTED = "clarification_requested"
    CLARIFICATION_RECEIVED = "clarification_received"
    EXTENDED = "extended"
    PAUSED = "paused"
    RESUMED = "resumed"
    ANSWERED = "answered"
    ANSWER_REDACTED = "answer_redacted"
    PUBLISHED = "published"
    PUBLICATION_DECLINED = "publication_declined"
    WITHDRAWN = "withdrawn"
    FILE_HELD = "file_held"
    FILE_RELEASED = "file_released"
    FILE_KEPT_PRIVATE = "file_kept_private"
    FILE_REDACTED = "file_redacted"
    REMINDER_SENT = "reminder_sent"
    DEADLINE_MOVED = "deadline_moved"
    COMPLAINT_LODGED = "complaint_lodged"
    COMPLAINT_EXTENDED = "complaint_extended"
    COMPLAINT_DECIDED = "complaint_decided"
    # The oversight body upheld a complaint: the request is open again with a new deadline.
    REOPENED = "reopened"
    FLAGGED = "flagged"  # someone asked the administrators to look at it (moderation)
    HIDDEN = "hidden"  # an administrator took it (or one of its files) out of sight
    RESTORED = "restored"  # an administrator showed it again
    # The oversight body writes to the agency about a request, and the agency replies: letters
    # between the two, kept with the request, which the requester does not see.
    OVERSIGHT_LETTER = "oversight_letter"
    OVERSIGHT_REPLY = "oversight_reply"
    # Received off-line and entered more than a day later: the reason (foi.services.offline).
    ENTERED_LATE = "entered_late"
    # A request received off-line joined the account that confirmed its e-mail address.
    JOINED_ACCOUNT = "joined_account"
    LETTER_POSTED = "letter_posted"  # a letter to a requester without e-mail went by post


#: The kinds the legal clock understands (foi.law.clock); it ignores every other kind.
CLOCK_KINDS: tuple[EventKind, ...] = (
    EventKind.CLARIFICATION_REQUESTED,
    EventKind.CLARIFICATION_RECEIVED,
    EventKind.EXTENDED,
    EventKind.TRANSFERRED,
    EventKind.PAUSED,
    EventKind.RESUMED,
    EventKind.REOPENED,
)

#: The letters between the oversight body and the agency: internal, yet the oversight body's too.
OVERSIGHT_LETTER_KINDS: tuple[EventKind, ...] = (
    EventKind.OVERSIGHT_LETTER,
    EventKind.OVERSIGHT_REPLY,
)
