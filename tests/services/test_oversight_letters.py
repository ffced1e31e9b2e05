"""The oversight body writes to an agency about a request, and the agency replies."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from foi.extensions import db
from foi.models import Event, OutboxMessage
from foi.services.answering import request_assign
from foi.services.errors import DomainError, NotAllowed, NotFound
from foi.services.oversight_letters import oversight_letter_reply, oversight_letter_write
from tests.factories import file_request, make_agency, make_user

BAKU = ZoneInfo("Asia/Baku")
FILED = datetime(2026, 2, 2, 10, tzinfo=BAKU)
LETTER = "Sorğunun niyə gecikdiyini izah edin."


@pytest.fixture
def world(app):
    agency = make_agency(name_en="Ministry of Health")
    officer, colleague = make_user("officer", agency), make_user("officer", agency)
    coordinator = make_user("coordinator", agency)
    citizen = make_user("citizen")
    req = file_request(citizen, agency, subject="Hospital budgets", now=FILED)
    request_assign(actor=coordinator, req=req, assignee_id=officer.id)
    return dict(
        agency=agency,
        officer=officer,
        colleague=colleague,
        coordinator=coordinator,
        citizen=citizen,
        ombudsman=make_user("ombudsman"),
        outsider=make_user("officer", make_agency()),
        req=req,
    )


def mail_to(user, kind):
    return db.session.scalars(
        select(OutboxMessage).where(
            OutboxMessage.to_addr == user.email, OutboxMessage.key.contains(f":{kind}:")
        )
    ).all()


def test_the_letter_reaches_the_officer_in_charge_and_the_coordinators_only(world):
    letter = oversight_letter_write(actor=world["ombudsman"], req=world["req"], text=LETTER)
    assert letter.visibility == "internal" and letter.text == LETTER
    for person in (world["officer"], world["coordinator"]):
        [mail] = mail_to(person, "oversight_letter")
        assert LETTER in mail.body_text and world["req"].reference in mail.subject
    for person in (world["colleague"], world["citizen"], world["outsider"]):
        assert mail_to(person, "oversight_letter") == []


def test_the_requester_never_sees_the_letters(world, login):
    oversight_letter_write(actor=world["ombudsman"], req=world["req"], text=LETTER)
    page = login(world["citizen"]).get(f"/my/requests/{world['req'].reference}")
    assert page.status_code == 200
    assert LETTER not in page.get_data(as_text=True)


def test_an_empty_letter_is_refused_and_nothing_is_written(world):
    with pytest.raises(DomainError) as refused:
        oversight_letter_write(actor=world["ombudsman"], req=world["req"], text="  ")
    assert refused.value.field == "text"
    assert db.session.scalars(select(Event).where(Event.kind == "oversight_letter")).all() == []


def test_only_the_oversight_body_writes_and_only_the_agency_replies(world):
    for person in (world["officer"], world["citizen"], world["outsider"]):
        with pytest.raises(NotFound):
            oversight_letter_write(actor=person, req=world["req"], text=LETTER)
    oversight_letter_write(actor=world["ombudsman"], req=world["req"], text=LETTER)
    for person in (world["citizen"], world["outsider"], world["ombudsman"]):
        with pytest.raises(NotFound):
            oversight_letter_reply(actor=person, req=world["req"], text="Answer")


def test_the_agency_replies_only_to_a_letter_and_the_oversight_body_is_told(world):
    with pytest.raises(NotAllowed):
        oversight_letter_reply(actor=world["officer"], req=world["req"], text="Unasked")
    oversight_letter_write(actor=world["ombudsman"], req=world["req"], text=LETTER)
    oversight_letter_reply(actor=world["colleague"], req=world["req"], text="Cavab hazırdır.")
    [mail] = mail_to(world["ombudsman"], "oversight_reply")
    assert "Cavab hazırdır." in mail.body_text and world["req"].reference in mail.subject
    assert f"/oversight/requests/{world['req'].reference}" in mail.body_text
