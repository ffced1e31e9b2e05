"""A complaint's decision takes effect: the request reopens, and everyone concerned is told."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from foi.extensions import db
from foi.models import OutboxMessage
from foi.services.answering import request_answer
from foi.services.complaint_alerts import complaint_reminders_sweep
from foi.services.complaint_decisions import complaint_decide, complaint_extend
from foi.services.complaints import complaint_lodge
from foi.services.compliance import compliance
from foi.services.errors import DomainError, NotFound
from foi.services.publishing import response_approve
from foi.services.selectors import request_published
from tests.factories import file_request, make_agency, make_user

BAKU = ZoneInfo("Asia/Baku")
FILED = datetime(2026, 2, 2, 10, tzinfo=BAKU)  # Monday; due Wed 11 Feb (art. 24.1, 24.5)
ANSWERED = datetime(2026, 2, 5, 10, tzinfo=BAKU)
LODGED = datetime(2026, 2, 9, 10, tzinfo=BAKU)
DECIDED = datetime(2026, 2, 16, 10, tzinfo=BAKU)  # a Monday


@pytest.fixture
def world(app):
    agency = make_agency(name_en="Ministry of Health")
    citizen = make_user("citizen", locale="ru")
    officer, other_officer = make_user("officer", agency), make_user("officer", agency)
    coordinator = make_user("coordinator", agency)
    make_user("officer", make_agency())  # another agency's officer: never told
    ombudsman = make_user("ombudsman")
    req = file_request(citizen, agency, subject="Hospital budgets", now=FILED)
    return dict(
        agency=agency,
        citizen=citizen,
        officer=officer,
        staff=[officer, other_officer, coordinator],
        coordinator=coordinator,
        ombudsman=ombudsman,
        req=req,
    )


def refused_and_published(world):
    req = world["req"]
    request_answer(
        actor=world["officer"],
        req=req,
        outcome="refused",
        text="Dövlət sirridir.",
        grounds=["state_secret"],
    )
    req.answered_at = ANSWERED
    response_approve(actor=world["coordinator"], req=req)
    return complaint_lodge(
        requester=world["citizen"], req=req, text="Büdcə sirr deyil.", now=LODGED
    )


def mail_to(user, key_part):
    return db.session.scalars(
        select(OutboxMessage).where(
            OutboxMessage.to_addr == user.email, OutboxMessage.key.contains(key_part)
        )
    ).all()


def test_an_upheld_complaint_reopens_the_request_with_the_decisions_date(world, client, login):
    complaint = refused_and_published(world)
    req = world["req"]
    assert request_published(req.reference)  # in the archive before the decision
    complaint_decide(
        actor=world["ombudsman"],
        complaint=complaint,
        outcome="upheld",
        decision="Büdcə açıq məlumatdır; nazirlik cavab verməlidir.",
        answer_by=date(2026, 2, 20),
        now=DECIDED,
    )
    assert req.status == "awaiting" and req.outcome is None and req.answered_at is None
    assert req.due_at == datetime(2026, 2, 20, 23, 59, 59, tzinfo=BAKU)
    reopened = [e for e in req.events if e.kind == "reopened"][-1]
    assert reopened.visibility == "public" and reopened.data["previous_outcome"] == "refused"
    assert "42.1.2" in reopened.data["article"]
    # Out of the archive until the new answer is published.
    with pytest.raises(NotFound):
        request_published(req.reference)

    # The requester hears in Russian; every officer and the coordinator of the agency in theirs.
    [told] = mail_to(world["citizen"], "complaint_decided")
    assert "удовлетворена" in told.subject
    assert "Büdcə açıq məlumatdır" in told.body_text and "42.1.2" in told.body_text
    for person in world["staff"]:
        [mail] = mail_to(person, "complaint_upheld")
        assert req.reference in mail.subject and "20" in mail.body_text
    assert db.session.query(OutboxMessage).filter(OutboxMessage.key.contains("upheld")).count() == 3

    # The requester's page (in Russian, their language) says the answer shown is the earlier
    # one, and what was decided.
    html = login(world["citizen"]).get(f"/my/requests/{req.reference}").get_data(as_text=True)
    assert "Прежний ответ, до того как надзорный орган вновь открыл запрос" in html
    assert "Вновь открыт по решению надзорного органа: ответ до" in html

    # The agency answers again; the new answer replaces the first, the history keeps both.
    request_answer(actor=world["officer"], req=req, outcome="given", text="Büdcə əlavə olunur.")
    response_approve(actor=world["coordinator"], req=req)
    assert req.response.outcome == "given" and req.status == "published"
    # The public page shows the decision with its article (the citizen reads it in Russian).
    page = client.get(f"/r/{req.reference}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Надзорный орган принял решение по жалобе: Жалоба удовлетворена (Art. 42.1.2" in html
    assert "Вновь открыт по решению надзорного органа" in html


def test_partly_upheld_without_a_date_gives_the_laws_period_from_the_decision(world):
    complaint = refused_and_published(world)
    complaint_decide(
        actor=world["ombudsman"],
        complaint=complaint,
        outcome="partly_upheld",
        decision="Qismən: xərclərin cəmi verilməlidir.",
        now=DECIDED,
    )
    # 7 working days from Mon 16 Feb (art. 24.1, 24.5): Wed 25 Feb.
    assert world["req"].due_at == datetime(2026, 2, 25, 23, 59, 59, tzinfo=BAKU)
    # Counted honestly: open again, and overdue once that date passes unanswered.
    late = datetime(2026, 2, 26, 10, tzinfo=BAKU)
    assert compliance(world["agency"], now=late).open_overdue == 1


def test_an_overdue_requests_upheld_complaint_gives_a_new_deadline(world):
    req = world["req"]
    complaint = complaint_lodge(
        requester=world["citizen"], req=req, text="Cavab yoxdur.", now=LODGED + timedelta(days=7)
    )
    complaint_decide(
        actor=world["ombudsman"],
        complaint=complaint,
        outcome="upheld",
        decision="Cavab verilməlidir.",
        answer_by=date(2026, 3, 2),
        now=datetime(2026, 2, 24, 10, tzinfo=BAKU),
    )
    assert req.status == "awaiting"
    assert req.due_at == datetime(2026, 3, 2, 23, 59, 59, tzinfo=BAKU)


def test_a_rejected_complaint_tells_the_requester_why_and_changes_nothing(world):
    complaint = refused_and_published(world)
    complaint_decide(
        actor=world["ombudsman"],
        complaint=complaint,
        outcome="rejected",
        decision="İmtina dövlət sirri haqqında qanuna əsaslanır.",
        now=DECIDED,
    )
    req = world["req"]
    assert req.status == "published" and req.outcome == "refused"
    [told] = mail_to(world["citizen"], "complaint_decided")
    assert "отклонена" in told.subject
    assert "İmtina dövlət sirri haqqında qanuna əsaslanır." in told.body_text
    assert not db.session.query(OutboxMessage).filter(OutboxMessage.key.contains("upheld")).all()


def test_a_date_in_the_past_or_on_a_rejection_is_refused_and_nothing_is_written(world):
    complaint = refused_and_published(world)
    for outcome, answer_by in (("upheld", date(2026, 2, 16)), ("rejected", date(2026, 3, 1))):
        with pytest.raises(DomainError) as caught:
            complaint_decide(
                actor=world["ombudsman"],
                complaint=complaint,
                outcome=outcome,
                decision="Qərar.",
                answer_by=answer_by,
                now=DECIDED,
            )
        assert caught.value.field == "answer_by"
    assert complaint.status == "lodged" and world["req"].status == "published"


def test_every_step_of_a_complaint_emails_the_people_it_concerns(world):
    complaint = refused_and_published(world)
    assert mail_to(world["citizen"], "complaint_lodged")
    assert mail_to(world["ombudsman"], "lodged")
    assert mail_to(world["coordinator"], "complaint_lodged")
    assert not mail_to(world["officer"], "complaint_lodged")  # the coordinator answers for it
    complaint_extend(
        actor=world["ombudsman"],
        complaint=complaint,
        reason="Nazirliyin izahatı gözlənilir.",
        now=LODGED + timedelta(days=2),
    )
    [extended] = mail_to(world["citizen"], "complaint_extended")
    assert "Nazirliyin izahatı gözlənilir." in extended.body_text
    # The oversight body misses its own extended date: the requester is told, once.
    late = complaint.due_at + timedelta(days=1)
    complaint_reminders_sweep(now=late)
    complaint_reminders_sweep(now=late + timedelta(hours=1))
    [overdue] = mail_to(world["citizen"], "complaint_overdue")
    assert world["req"].reference in overdue.subject
