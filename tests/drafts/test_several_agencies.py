"""One request sent to several agencies at once: one request each, shown together (16.6)."""

import io

import pytest

from foi.extensions import db
from foi.models import Document, InfoRequest, OutboxMessage
from foi.requests.states import EventKind
from foi.services.answering import request_answer
from foi.services.publishing import response_approve
from tests.factories import file_request, make_agency, make_user

SUBJECT = "Park salınması 2025"
BODY = "2025-ci ildə salınan parkların siyahısını və xərclərini xahiş edirəm."


@pytest.fixture
def bodies(app):
    return [
        make_agency(slug=f"agency-{n}", name_az=f"Qurum {n}", name_en=f"Body {n}")
        for n in ("a", "b", "c")
    ]


def _send(client, main, also, **extra):
    return client.post(
        "/requests/new",
        data={
            "subject": SUBJECT,
            "body": BODY,
            "agency_id": str(main.id),
            "also_agency_ids": [str(a.id) for a in also],
            "urgency": "",
            **extra,
        },
        content_type="multipart/form-data",
    )


def test_each_agency_gets_its_own_request_reference_deadline_history_and_files(bodies, login):
    citizen = make_user("citizen")
    client = login(citizen)
    response = _send(
        client, bodies[0], bodies[1:], attachments=[(io.BytesIO(b"Xerite."), "map.txt")]
    )
    assert response.status_code == 302
    reqs = db.session.query(InfoRequest).order_by(InfoRequest.id).all()
    assert [r.agency_id for r in reqs] == [a.id for a in bodies]
    assert len({r.reference for r in reqs}) == 3
    assert all(r.due_at is not None for r in reqs)
    assert len({r.group_id for r in reqs}) == 1 and reqs[0].group_id is not None
    for req in reqs:
        assert [e.kind for e in req.events][:2] == [EventKind.FILED, EventKind.ROUTED]
        docs = db.session.query(Document).filter_by(request_id=req.id).all()
        assert [d.filename for d in docs] == ["map.txt"]
    acks = db.session.query(OutboxMessage).filter_by(to_addr=citizen.email).count()
    assert acks == 3
    assert response.location.endswith(f"/my/requests/{reqs[0].reference}")

    flashed = client.get(response.location).get_data(as_text=True)
    assert "sent to 3 agencies" in flashed
    assert "Also sent to" in flashed and "Body b" in flashed and reqs[2].reference in flashed

    mine = client.get("/my/requests").get_data(as_text=True)
    assert "Sent to 3 agencies together" in mine
    assert mine.count("data-request-group") == 1


def test_more_agencies_than_allowed_are_refused_by_the_field_keeping_the_text(bodies, login, app):
    app.config["MAX_AGENCIES_PER_REQUEST"] = 2
    try:
        response = _send(login(make_user("citizen")), bodies[0], bodies[1:])
    finally:
        app.config["MAX_AGENCIES_PER_REQUEST"] = 5
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "at most 2 agencies" in page and SUBJECT in page and BODY in page
    assert db.session.query(InfoRequest).count() == 0


def test_choosing_the_main_agency_again_sends_it_one_request(bodies, login):
    _send(login(make_user("citizen")), bodies[0], [bodies[0]])
    req = db.session.query(InfoRequest).one()
    assert req.group_id is None


def test_the_archive_shows_the_groups_published_answers_side_by_side(bodies, client):
    citizen = make_user("citizen")
    first = file_request(
        citizen, bodies[0], subject=SUBJECT, also_agency_ids=[b.id for b in bodies[1:]]
    )
    second, third = (
        db.session.query(InfoRequest).filter(InfoRequest.id != first.id).order_by(InfoRequest.id)
    )
    for req, text in ((first, "Birinci cavab: 12 park."), (second, "İkinci cavab: 3 park.")):
        officer = make_user("officer", req.agency)
        request_answer(actor=officer, req=req, outcome="given", text=text, grounds=[])
        response_approve(actor=make_user("coordinator", req.agency), req=req, public_text=None)

    page = client.get(f"/r/{first.reference}").get_data(as_text=True)
    assert "The same request to other agencies" in page
    assert "İkinci cavab: 3 park." in page and second.reference in page
    assert third.reference not in page  # not published: the archive says nothing of it
    other = client.get(f"/r/{second.reference}").get_data(as_text=True)
    assert "Birinci cavab: 12 park." in other
