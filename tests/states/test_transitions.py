"""The request's state machine, checked move by move without an app or a database."""

from types import SimpleNamespace

import pytest

from foi.law import get_pack
from foi.requests.states import (
    OPEN,
    TRANSITIONS,
    EventKind,
    RequestStatus,
    TransitionNotAllowed,
    is_allowed,
    request_transition,
    transitions_table,
)

S = RequestStatus
NEW = None
STAYS = "stays"

# Every move the platform allows, written out by hand: (event, from) -> to. Anything not
# listed here must be refused.
ALLOWED = {
    (EventKind.HELD, NEW): S.HELD,  # filed before the account's address is confirmed
    (EventKind.FILED, NEW): S.AWAITING,
    (EventKind.FILED, S.HELD): S.AWAITING,  # the address is confirmed: sent to the agency
    (EventKind.ASSIGNED, S.AWAITING): STAYS,
    (EventKind.ASSIGNED, S.CLARIFICATION): STAYS,
    (EventKind.DEPARTMENT_ROUTED, S.AWAITING): STAYS,
    (EventKind.DEPARTMENT_ROUTED, S.CLARIFICATION): STAYS,
    (EventKind.CLAIMED, S.AWAITING): STAYS,
    (EventKind.CLAIMED, S.CLARIFICATION): STAYS,
    (EventKind.CLAIM_RELEASED, S.AWAITING): STAYS,
    (EventKind.CLAIM_RELEASED, S.CLARIFICATION): STAYS,
    **{(EventKind.NOTE, s): STAYS for s in S if s != S.HELD},
    # A message to the requester: not to one who has not reached the agency, or withdrew.
    **{(EventKind.MESSAGE_SENT, s): STAYS for s in S if s not in (S.HELD, S.WITHDRAWN)},
    (EventKind.TRANSFERRED, S.AWAITING): S.AWAITING,
    (EventKind.TRANSFERRED, S.CLARIFICATION): S.AWAITING,
    (EventKind.CLARIFICATION_REQUESTED, S.AWAITING): S.CLARIFICATION,
    (EventKind.CLARIFICATION_RECEIVED, S.CLARIFICATION): S.AWAITING,
    (EventKind.EXTENDED, S.AWAITING): STAYS,
    (EventKind.ANSWERED, S.AWAITING): S.ANSWERED,
    (EventKind.ANSWER_REDACTED, S.ANSWERED): STAYS,
    (EventKind.FILE_REDACTED, S.ANSWERED): STAYS,
    (EventKind.FILE_REDACTED, S.PUBLISHED): STAYS,
    (EventKind.PUBLISHED, S.ANSWERED): S.PUBLISHED,
    (EventKind.PUBLICATION_DECLINED, S.ANSWERED): S.CLOSED,
    (EventKind.WITHDRAWN, S.AWAITING): S.WITHDRAWN,
    (EventKind.WITHDRAWN, S.CLARIFICATION): S.WITHDRAWN,
    **{(EventKind.COMPLAINT_LODGED, s): STAYS for s in S if s not in (S.WITHDRAWN, S.HELD)},
    # An upheld complaint: open again with the decision's deadline, answered or not yet.
    **{
        (EventKind.REOPENED, s): S.AWAITING
        for s in (S.AWAITING, S.CLARIFICATION, S.ANSWERED, S.PUBLISHED, S.CLOSED)
    },
}
RULED = sorted(TRANSITIONS)
CASES = [(event, status) for event in RULED for status in (NEW, *S)]


def _request(status):
    return SimpleNamespace(status=None if status is None else str(status))


def test_the_statuses_keep_the_strings_stored_today():
    # No data migration: rows written before the enums read the same.
    assert [s.value for s in S] == [
        "held",
        "awaiting",
        "clarification",
        "answered",
        "published",
        "closed",
        "withdrawn",
    ]
    assert S("published") == "published" and str(S.PUBLISHED) == "published"
    assert OPEN == (S.AWAITING, S.CLARIFICATION)


def test_the_table_rules_exactly_the_events_written_out_here():
    assert {event for event, _ in ALLOWED} == set(TRANSITIONS)


@pytest.mark.parametrize(("event", "status"), [c for c in CASES if c in ALLOWED])
def test_an_allowed_move_leads_to_its_next_status(event, status):
    req = _request(status)
    expected = status if ALLOWED[(event, status)] == STAYS else ALLOWED[(event, status)]
    assert is_allowed(status, event)
    assert request_transition(req, event) == expected
    assert req.status == expected


@pytest.mark.parametrize(("event", "status"), [c for c in CASES if c not in ALLOWED])
def test_a_refused_move_raises_with_a_message_and_changes_nothing(event, status):
    req = _request(status)
    assert not is_allowed(status, event)
    with pytest.raises(TransitionNotAllowed) as refused:
        request_transition(req, event)
    assert req.status == (None if status is None else str(status))
    assert refused.value.event == event and refused.value.status == status
    assert refused.value.key  # an English msgid the service translates


def test_events_outside_the_life_of_a_request_never_move_it():
    for event in (EventKind.REMINDER_SENT, EventKind.FILE_HELD, EventKind.DEADLINE_MOVED):
        req = _request(S.PUBLISHED)
        assert request_transition(req, event) == S.PUBLISHED


def test_a_closed_request_refuses_work_with_the_words_a_person_reads():
    with pytest.raises(TransitionNotAllowed, match="closed; nothing more can be done"):
        request_transition(_request(S.PUBLISHED), EventKind.TRANSFERRED)


def test_the_table_cites_the_article_of_the_law_for_the_clock_moves():
    table = transitions_table(get_pack("az"))
    row = next(line for line in table.splitlines() if line.startswith("| `extended`"))
    assert "Art. 25" in row
    row = next(line for line in table.splitlines() if line.startswith("| `transferred`"))
    assert "Art. 23.1" in row
