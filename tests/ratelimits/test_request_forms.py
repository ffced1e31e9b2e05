"""Filing, clarifications, complaints, address changes, uploads and the API past their limits:
429 with Retry-After, the typed text kept on the page, nothing done."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from foi.extensions import db
from foi.mail.delivery import deliver_pending
from foi.models import Complaint, InfoRequest
from foi.models.base import utcnow
from foi.services.answering import request_ask_clarification
from tests.factories import file_request, make_agency, make_user
from tests.ratelimits.test_account_forms import WAIT

FILED = datetime(2026, 2, 2, 10, tzinfo=ZoneInfo("Asia/Baku"))  # long overdue by now


def _file(client, agency, subject: str, lang: str = "en"):
    return client.post(
        "/requests/new",
        data={
            "subject": subject,
            "body": f"Please send {subject}, with the figures by district.",
            "agency_id": str(agency.id),
            "urgency": "",
        },
        headers={"Accept-Language": lang},
    )


def _requests() -> int:
    return db.session.scalar(select(func.count()).select_from(InfoRequest))


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_filing_past_both_limits_re_shows_the_form_with_what_was_typed(
    app, client, login, limits_on, lang
):
    # Two filed, one more held for the administrators' check, then the form is refused.
    limits_on(filing__account="2/hour", filing_review__account="1/day")
    agency = make_agency()
    login(make_user("citizen", locale=lang))  # the account's language is the page's
    assert [_file(client, agency, f"Budget {n}", lang).status_code for n in range(3)] == [302] * 3
    page = _file(client, agency, "Şəhər büdcəsi 2025", lang)
    text = page.get_data(as_text=True)
    assert page.status_code == 429
    assert 3000 < int(page.headers["Retry-After"]) <= 3600
    assert WAIT[lang] in text
    assert 'value="Şəhər büdcəsi 2025"' in text
    assert "Please send Şəhər büdcəsi 2025, with the figures by district." in text
    assert _requests() == 3


def test_the_filing_limit_is_per_account(app, client, login, limits_on):
    limits_on(filing__account="1/hour")
    agency = make_agency()
    login(make_user("citizen"))
    assert _file(client, agency, "First").status_code == 302
    assert _file(client, agency, "Second").status_code == 302  # held for the administrators
    login(make_user("citizen"))  # someone else at the same address
    assert _file(client, agency, "Third").status_code == 302
    held = {r.subject: r.hidden_reason for r in db.session.scalars(select(InfoRequest))}
    assert held == {"First": "", "Second": "rate_limit", "Third": ""}


def test_asking_for_a_suggestion_does_not_count_as_filing(app, client, login, limits_on):
    limits_on(filing__account="1/hour")
    agency = make_agency(keywords="büdcə")
    login(make_user("citizen"))
    for _ in range(3):
        page = client.post(
            "/requests/new",
            data={"subject": "Büdcə", "body": "Büdcə xərcləri", "agency_id": "0", "urgency": ""},
        )
        assert page.status_code in (200, 422)
    assert _file(client, agency, "Budget").status_code == 302


def test_clarifications_past_the_limit_keep_the_answer_typed(app, client, login, limits_on):
    limits_on(clarify__account="1/hour")
    agency = make_agency()
    officer = make_user("officer", agency)
    citizen = make_user("citizen")
    reqs = [file_request(citizen, agency) for _ in range(2)]
    for req in reqs:
        request_ask_clarification(actor=officer, req=req, question="Which year?")
    login(citizen)
    first = client.post(f"/my/requests/{reqs[0].reference}/clarify", data={"text": "2025."})
    assert first.status_code == 302
    page = client.post(
        f"/my/requests/{reqs[1].reference}/clarify", data={"text": "The year 2024, please."}
    )
    assert page.status_code == 429 and "Retry-After" in page.headers
    text = page.get_data(as_text=True)
    assert WAIT["en"] in text and "The year 2024, please." in text
    db.session.refresh(reqs[1])
    assert reqs[1].status == "clarification"


def test_complaints_past_the_limit_keep_the_complaint_typed(app, client, login, limits_on):
    limits_on(complaint__account="1/hour")
    agency = make_agency()
    citizen = make_user("citizen")
    # Overdue (7 working days, art. 24.1) yet within the year a complaint may be lodged in:
    # relative to today, as a fixed date would leave that year one day.
    filed = utcnow() - timedelta(days=40)
    reqs = [file_request(citizen, agency, now=filed) for _ in range(2)]
    login(citizen)
    ok = client.post(f"/my/requests/{reqs[0].reference}/complain", data={"text": "Too late."})
    assert ok.status_code == 302
    page = client.post(
        f"/my/requests/{reqs[1].reference}/complain", data={"text": "No answer in 7 days."}
    )
    assert page.status_code == 429 and "Retry-After" in page.headers
    text = page.get_data(as_text=True)
    assert WAIT["en"] in text and "No answer in 7 days." in text
    assert db.session.scalar(select(func.count()).select_from(Complaint)) == 1


def test_address_changes_past_the_limit_keep_the_new_address_typed(app, client, login, limits_on):
    limits_on(email_change__account="1/hour")
    user = make_user("citizen")
    login(user)

    def change(to: str):
        return client.post(
            "/account/email",
            data={"email-email": to, "email-password": "correct horse battery"},
        )

    assert change("new1@example.org").status_code == 302
    page = change("new2@example.org")
    assert page.status_code == 429 and "Retry-After" in page.headers
    text = page.get_data(as_text=True)
    assert WAIT["en"] in text and 'value="new2@example.org"' in text


def test_address_change_links_to_one_address_stop_after_three(
    app, client, login, limits_on, mail_server
):
    from foi.ratelimits import mail_allowed

    limits_on(email_change__account="100/hour")
    user = make_user("citizen")
    login(user)
    assert mail_allowed("target@example.org") and mail_allowed("target@example.org")
    for _ in range(3):  # the third e-mail of the hour, then none
        page = client.post(
            "/account/email",
            data={"email-email": "target@example.org", "email-password": "correct horse battery"},
            follow_redirects=True,
        )
        assert "We sent a link to target@example.org" in page.get_data(as_text=True)
    deliver_pending(utcnow())
    assert len(mail_server.to("target@example.org")) == 1


def test_uploads_past_the_limit_keep_the_answer_typed(app, client, login, limits_on):
    limits_on(upload__account="1/hour")
    agency = make_agency()
    officer = make_user("officer", agency)
    citizen = make_user("citizen")
    reqs = [file_request(citizen, agency) for _ in range(2)]
    login(officer)

    def answer(req, text):
        return client.post(
            f"/officer/requests/{req.reference}/answer",
            data={
                "answer-outcome": "given",
                "answer-text": text,
                "answer-attachments": [(io.BytesIO(b"The figures: 1, 2, 3.\n"), "figures.txt")],
            },
            content_type="multipart/form-data",
        )

    assert answer(reqs[0], "Here they are.").status_code == 302
    page = answer(reqs[1], "The budget lines are attached.")
    assert page.status_code == 429 and "Retry-After" in page.headers
    text = page.get_data(as_text=True)
    assert WAIT["en"] in text and "The budget lines are attached." in text
    db.session.refresh(reqs[1])
    assert reqs[1].status == "awaiting"


@pytest.mark.parametrize(
    "lang, title", [("en", "Too Many Requests"), ("ru", "Слишком много запросов")]
)
def test_the_api_past_its_limit_answers_a_problem_with_retry_after(
    app, client, limits_on, lang, title
):
    limits_on(api__address="3/minute")
    for _ in range(3):
        assert client.get("/api/v1/requests").status_code == 200
    answer = client.get("/api/v1/requests", headers={"Accept-Language": lang})
    assert answer.status_code == 429
    assert answer.mimetype == "application/problem+json"
    retry = int(answer.headers["Retry-After"])
    assert 0 < retry <= 60
    problem = answer.get_json()
    assert problem["status"] == 429 and problem["title"] == title
    assert abs(problem["retry_after"] - retry) <= 1
    assert "public" not in answer.headers["Cache-Control"]  # no proxy keeps a refusal
    # Another address is not limited by this one.
    other = client.get("/api/v1/requests", environ_base={"REMOTE_ADDR": "198.51.100.3"})
    assert other.status_code == 200
