"""Following a public request, an agency or a search: an e-mail when answers are published."""

from datetime import timedelta

from sqlalchemy import select

from foi.extensions import db
from foi.models import Follow, OutboxMessage
from foi.models.base import utcnow
from foi.services.answering import request_answer
from foi.services.follows import follows_search_sweep
from foi.services.publishing import response_approve
from tests.factories import file_request, make_agency, make_user


def _published(agency, subject="Vergi güzəştləri", body="Güzəştlərin siyahısı."):
    officer = make_user("officer", agency)
    coordinator = make_user("coordinator", agency)
    req = file_request(make_user("citizen"), agency, subject=subject, body=body)
    request_answer(actor=officer, req=req, outcome="given", text="Siyahı əlavə olunur.")
    response_approve(actor=coordinator, req=req)
    return req


def _mail_to(address: str) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.to_addr == address)))


def test_an_agencys_follower_is_emailed_when_it_publishes_and_can_stop(app, client, login):
    agency = make_agency(slug="vergi", name_en="State Tax Service")
    first = _published(agency)
    reader = make_user("citizen", display_name="Jurnalist")
    login(reader)
    page = client.get("/agencies/vergi").get_data(as_text=True)
    assert "Follow by e-mail" in page
    back = client.post(
        "/follow", data={"kind": "agency", "agency": "vergi", "next": "/agencies/vergi"}
    )
    assert back.status_code == 302 and back.headers["Location"].endswith("/agencies/vergi")
    assert "Stop following" in client.get("/agencies/vergi").get_data(as_text=True)

    second = _published(agency, subject="Gömrük rüsumları")
    [mail] = _mail_to(reader.email)
    assert "Gömrük rüsumları" in mail.subject
    assert f"/r/{second.reference}" in mail.body_text and "/my/follows" in mail.body_text
    assert not [m for m in _mail_to(second.requester.email) if "New answer" in m.subject]

    [follow] = db.session.scalars(select(Follow)).all()
    assert "State Tax Service" in client.get("/my/follows").get_data(as_text=True)
    client.post(f"/follow/{follow.id}/stop")
    _published(agency, subject="Üçüncü")
    assert len(_mail_to(reader.email)) == 1
    assert first.reference  # the earlier answer was not mailed: only what comes after


def test_a_search_follower_gets_one_daily_email_with_the_new_answers_only(app, client, login):
    agency = make_agency()
    old = _published(agency, subject="Məktəb təmiri 2024", body="Məktəb təmiri xərcləri.")
    reader = make_user("citizen")
    login(reader)
    client.post("/follow", data={"kind": "search", "q": "təmiri", "page": "3"})
    [follow] = db.session.scalars(select(Follow)).all()
    assert follow.target == "q=t%C9%99miri"  # the page is not part of the search

    new = _published(agency, subject="Məktəb təmiri 2025", body="Məktəb təmiri xərcləri.")
    _published(agency, subject="Yol tikintisi", body="Yolların tikintisi.")
    assert follows_search_sweep(now=utcnow()) == 0  # not a day since following
    tomorrow = utcnow() + timedelta(days=1, minutes=1)
    assert follows_search_sweep(now=tomorrow) == 1
    [mail] = _mail_to(reader.email)
    assert new.reference in mail.body_text
    assert old.reference not in mail.body_text and "Yol tikintisi" not in mail.body_text
    assert follows_search_sweep(now=tomorrow + timedelta(hours=1)) == 0


def test_visitors_are_asked_to_log_in_and_only_public_things_can_be_followed(app, client, login):
    agency = make_agency()
    public = _published(agency)
    unpublished = file_request(make_user("citizen"), agency, subject="Açıq")
    page = client.get(f"/r/{public.reference}").get_data(as_text=True)
    assert "Log in to follow it by e-mail" in page and "Follow by e-mail" not in page
    response = client.post("/follow", data={"kind": "request", "reference": public.reference})
    assert response.status_code == 302 and "/login" in response.headers["Location"]

    reader = make_user("citizen")
    login(reader)
    assert (
        client.post(
            "/follow", data={"kind": "request", "reference": unpublished.reference}
        ).status_code
        == 404
    )
    client.post("/follow", data={"kind": "request", "reference": public.reference})
    [follow] = db.session.scalars(select(Follow)).all()
    login(make_user("citizen"))
    assert client.post(f"/follow/{follow.id}/stop").status_code == 404
    assert db.session.get(Follow, follow.id) is not None
