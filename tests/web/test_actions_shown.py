"""Pages offer a person exactly the actions allowed_actions gives them, no more, no less."""

import pytest

from foi.services.answering import request_answer, request_ask_clarification
from tests.factories import file_request, make_agency, make_user

#: The id of each action's form on the officer's page of a request.
OFFICER_FORMS = (
    "answer",
    "clarify",
    "extend",
    "transfer",
    "approve",
    "decline",
    "assign",
    "note",
    "claim",
    "release",
)


@pytest.fixture
def office(app):
    agency = make_agency(slug="vergi", name_az="Vergi Xidməti")
    return dict(
        citizen=make_user("citizen"),
        officer=make_user("officer", agency),
        coordinator=make_user("coordinator", agency),
        agency=agency,
    )


def _forms_on(client, req) -> set[str]:
    page = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    return {name for name in OFFICER_FORMS if f'id="{name}"' in page}


def test_an_open_request_offers_the_officer_the_work_and_no_publication(office, login):
    req = file_request(office["citizen"], office["agency"])
    forms = _forms_on(login(office["officer"]), req)
    # Unclaimed: the officer claims it; only the coordinator gives it to someone.
    assert forms == {"answer", "clarify", "extend", "transfer", "claim", "note"}
    coordinator = _forms_on(login(office["coordinator"]), req)
    assert coordinator == {"answer", "clarify", "extend", "transfer", "claim", "assign", "note"}


def test_while_the_requester_clarifies_only_transfer_claims_and_notes_remain(office, login):
    req = file_request(office["citizen"], office["agency"])
    request_ask_clarification(actor=office["officer"], req=req, question="Hansı il?")
    assert _forms_on(login(office["officer"]), req) == {"transfer", "claim", "note"}


def test_an_answer_waiting_for_approval_offers_publication_to_the_coordinator_only(office, login):
    req = file_request(office["citizen"], office["agency"])
    request_answer(actor=office["officer"], req=req, outcome="given", text="Cavab.")
    assert _forms_on(login(office["officer"]), req) == {"note"}
    assert _forms_on(login(office["coordinator"]), req) == {"approve", "decline", "note"}


def test_the_requester_is_offered_clarify_and_withdraw_only_when_the_status_allows(office, login):
    req = file_request(office["citizen"], office["agency"])
    client = login(office["citizen"])
    page = client.get(f"/my/requests/{req.reference}").get_data(as_text=True)
    assert "/withdraw" in page and "/clarify" not in page
    request_ask_clarification(actor=office["officer"], req=req, question="Hansı il?")
    page = client.get(f"/my/requests/{req.reference}").get_data(as_text=True)
    assert "/withdraw" in page and "/clarify" in page
