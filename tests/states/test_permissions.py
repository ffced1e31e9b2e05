"""Who may do what with a request, for each kind of person in each status (no database)."""

from types import SimpleNamespace

import pytest

from foi.requests.states import RequestStatus
from foi.services.errors import NotAllowed, NotFound
from foi.services.permissions import Action, allowed_actions, ensure_allowed

S, A = RequestStatus, Action
AGENCY, OTHER_AGENCY, REQUESTER_ID = 10, 11, 1


def person(role, id, agency_id=None, signed_in=True):
    return SimpleNamespace(id=id, role=role, agency_id=agency_id, is_authenticated=signed_in)


PEOPLE = {
    "requester": person("citizen", REQUESTER_ID),
    "other citizen": person("citizen", 2),
    "officer": person("officer", 3, AGENCY),
    "coordinator": person("coordinator", 4, AGENCY),
    "officer elsewhere": person("officer", 5, OTHER_AGENCY),
    "coordinator elsewhere": person("coordinator", 6, OTHER_AGENCY),
    "admin": person("admin", 7),
    "ombudsman": person("ombudsman", 8),
    "anonymous": SimpleNamespace(is_authenticated=False),
}

# The request is unclaimed: any officer of the agency may claim it; only a coordinator assigns.
STAFF_WORK = {
    A.VIEW,
    A.NOTE,
    A.MESSAGE,
    A.TRANSFER,
    A.ASK_CLARIFICATION,
    A.EXTEND,
    A.ANSWER,
    A.ROUTE,
    A.CLAIM,
}
# Written out by hand, person by person and status by status: exactly these, nothing more.
EXPECTED = {
    "requester": {
        S.HELD: {A.VIEW},  # filed before the address was confirmed: the agency cannot see it
        S.AWAITING: {A.VIEW, A.WITHDRAW, A.COMPLAIN},
        S.CLARIFICATION: {A.VIEW, A.CLARIFY, A.WITHDRAW, A.COMPLAIN},
        S.ANSWERED: {A.VIEW, A.COMPLAIN},
        S.PUBLISHED: {A.VIEW, A.COMPLAIN},
        S.CLOSED: {A.VIEW, A.COMPLAIN},
        S.WITHDRAWN: {A.VIEW},
    },
    "officer": {
        S.HELD: set(),
        S.AWAITING: STAFF_WORK | {A.FLAG, A.REPLY_TO_OVERSIGHT},
        S.CLARIFICATION: {
            A.VIEW,
            A.NOTE,
            A.MESSAGE,
            A.TRANSFER,
            A.ROUTE,
            A.CLAIM,
            A.FLAG,
            A.REPLY_TO_OVERSIGHT,
        },
        S.ANSWERED: {
            A.VIEW,
            A.NOTE,
            A.MESSAGE,
            A.REDACT_ANSWER,
            A.REDACT_FILES,
            A.FLAG,
            A.REPLY_TO_OVERSIGHT,
        },
        S.PUBLISHED: {A.VIEW, A.NOTE, A.MESSAGE, A.FLAG, A.REPLY_TO_OVERSIGHT},
        S.CLOSED: {A.VIEW, A.NOTE, A.MESSAGE, A.FLAG, A.REPLY_TO_OVERSIGHT},
        S.WITHDRAWN: {A.VIEW, A.NOTE, A.FLAG, A.REPLY_TO_OVERSIGHT},
    },
    "coordinator": {
        S.HELD: set(),
        S.AWAITING: STAFF_WORK | {A.ASSIGN, A.REVIEW_FILES, A.FLAG, A.REPLY_TO_OVERSIGHT},
        S.CLARIFICATION: {
            A.VIEW,
            A.ASSIGN,
            A.NOTE,
            A.MESSAGE,
            A.TRANSFER,
            A.ROUTE,
            A.CLAIM,
            A.REVIEW_FILES,
            A.FLAG,
            A.REPLY_TO_OVERSIGHT,
        },
        S.ANSWERED: {
            A.VIEW,
            A.NOTE,
            A.MESSAGE,
            A.REDACT_ANSWER,
            A.REDACT_FILES,
            A.PUBLISH,
            A.DECLINE,
            A.REVIEW_FILES,
            A.FLAG,
            A.REPLY_TO_OVERSIGHT,
        },
        S.PUBLISHED: {
            A.VIEW,
            A.NOTE,
            A.MESSAGE,
            A.REDACT_FILES,
            A.REVIEW_FILES,
            A.FLAG,
            A.REPLY_TO_OVERSIGHT,
        },
        S.CLOSED: {A.VIEW, A.NOTE, A.MESSAGE, A.REVIEW_FILES, A.FLAG, A.REPLY_TO_OVERSIGHT},
        S.WITHDRAWN: {A.VIEW, A.NOTE, A.REVIEW_FILES, A.FLAG, A.REPLY_TO_OVERSIGHT},
    },
    "ombudsman": {
        status: {A.VIEW, A.DECIDE_COMPLAINT, A.FLAG, A.WRITE_TO_AGENCY}
        if status != S.HELD
        else set()
        for status in S
    },
    # Administrators see no request's pages but decide its flags, held ones included.
    "admin": {status: {A.FLAG, A.MODERATE} for status in S},
    **{
        nobody: {status: set() for status in S}
        for nobody in (
            "other citizen",
            "officer elsewhere",
            "coordinator elsewhere",
            "anonymous",
        )
    },
}


def request(status):
    return SimpleNamespace(status=str(status), requester_id=REQUESTER_ID, agency_id=AGENCY)


@pytest.mark.parametrize("who", sorted(EXPECTED))
@pytest.mark.parametrize("status", list(S))
def test_each_person_may_do_exactly_what_their_place_and_the_status_allow(who, status):
    assert allowed_actions(PEOPLE[who], request(status)) == EXPECTED[who][status]


@pytest.mark.parametrize("who", sorted(EXPECTED))
@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("action", list(A))
def test_services_enforce_the_same_answer(who, status, action):
    user, req = PEOPLE[who], request(status)
    if action in EXPECTED[who][status]:
        ensure_allowed(user, req, action)
    elif A.VIEW not in EXPECTED[who][status]:
        # Across agencies and to strangers: nothing to learn, not even that it exists.
        with pytest.raises(NotFound):
            ensure_allowed(user, req, action)
    else:
        with pytest.raises((NotAllowed, NotFound)):
            ensure_allowed(user, req, action)


def test_a_status_that_refuses_says_why_and_a_missing_role_learns_nothing():
    # The officer may answer, but not a request already answered: the status is the reason.
    with pytest.raises(NotAllowed):
        ensure_allowed(PEOPLE["officer"], request(S.ANSWERED), A.ANSWER)
    # Approval is the coordinator's: an officer is told nothing more than "not found".
    with pytest.raises(NotFound):
        ensure_allowed(PEOPLE["officer"], request(S.ANSWERED), A.PUBLISH)
    # Redacting after publication is the coordinator's too.
    with pytest.raises(NotFound):
        ensure_allowed(PEOPLE["officer"], request(S.PUBLISHED), A.REDACT_FILES)
    # Before the answer, anyone of the agency is told to wait for it.
    with pytest.raises(NotAllowed):
        ensure_allowed(PEOPLE["coordinator"], request(S.AWAITING), A.REDACT_FILES)


def claim_case(assignee_id=None, department_id=None):
    return SimpleNamespace(
        status=str(S.AWAITING),
        requester_id=REQUESTER_ID,
        agency_id=AGENCY,
        assignee_id=assignee_id,
        department_id=department_id,
    )


def in_department(role, id, department_id):
    return SimpleNamespace(
        id=id, role=role, agency_id=AGENCY, department_id=department_id, is_authenticated=True
    )


def test_an_officer_claims_what_is_routed_to_their_department_or_to_none():
    roads = in_department("officer", 3, 70)
    assert A.CLAIM in allowed_actions(roads, claim_case(department_id=70))
    assert A.CLAIM in allowed_actions(roads, claim_case(department_id=None))
    assert A.CLAIM not in allowed_actions(roads, claim_case(department_id=71))
    with pytest.raises(NotAllowed):
        ensure_allowed(roads, claim_case(department_id=71), A.CLAIM)
    # An officer of no department, and a coordinator, claim anything of the agency.
    assert A.CLAIM in allowed_actions(in_department("officer", 5, None), claim_case(None, 71))
    assert A.CLAIM in allowed_actions(in_department("coordinator", 4, 70), claim_case(None, 71))


def test_a_claimed_request_cannot_be_claimed_and_only_its_claimant_releases_it():
    claimant, colleague = in_department("officer", 3, None), in_department("officer", 9, None)
    claimed = claim_case(assignee_id=3)
    assert A.CLAIM not in allowed_actions(colleague, claimed)
    assert A.RELEASE_CLAIM in allowed_actions(claimant, claimed)
    assert A.RELEASE_CLAIM not in allowed_actions(colleague, claimed)
    with pytest.raises(NotAllowed):
        ensure_allowed(colleague, claimed, A.RELEASE_CLAIM)
