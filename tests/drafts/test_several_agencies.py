"""One request sent to several agencies at once: one request each, shown together (16.6)."""

import io
import re

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


def _box(page: str, agency) -> str:
    """Return the checkbox of ``agency`` in "Send it to other agencies too", with its row."""
    found = re.search(
        rf'<div class="checkbox"( hidden)?>\s*<input[^>]*name="also_agency_ids"[^>]*'
        rf'value="{agency.id}"[^>]*>',
        page,
    )
    assert found, f"no box for agency {agency.id}"
    return found.group(0)


def test_the_list_of_other_agencies_leaves_out_the_one_chosen_above(bodies, login):
    client = login(make_user("citizen"))
    response = client.post(
        "/requests/new",
        data={"subject": SUBJECT, "body": BODY, "agency_id": str(bodies[0].id), "save_draft": "1"},
        content_type="multipart/form-data",
    )
    page = client.get(response.location).get_data(as_text=True)
    chosen = _box(page, bodies[0])
    assert " hidden>" in chosen and "checked" not in chosen  # not offered, never ticked
    assert all(" hidden>" not in _box(page, other) for other in bodies[1:])


def test_the_main_agency_ticked_again_is_said_by_the_list_not_silently_dropped(bodies, login):
    client = login(make_user("citizen"))

    response = _send(client, bodies[0], [bodies[0], bodies[1]])

    assert response.status_code == 422
    assert db.session.query(InfoRequest).count() == 0
    page = response.get_data(as_text=True)
    said = re.search(r'<p class="error" id="also_agency_ids-error">(.*?)</p>', page, re.S)
    assert said and "The agency chosen above is ticked here too" in said.group(1)
    assert SUBJECT in page and BODY in page
    # Shown again left out and unticked, the other one still ticked: sending again files two.
    assert "checked" not in _box(page, bodies[0]) and "checked" in _box(page, bodies[1])
    _send(client, bodies[0], [bodies[1]])
    assert db.session.query(InfoRequest).count() == 2


def test_the_main_agency_ticked_again_is_said_in_russian(bodies, login):
    client = login(make_user("citizen", locale="ru"))
    page = _send(client, bodies[0], [bodies[0]]).get_data(as_text=True)
    assert "Ведомство, выбранное выше, отмечено и здесь" in page


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
