"""Standard replies (issue 16.3): administrators keep them per agency in az, en and ru; an
officer picks one in a form and gets it filled from the request, in the request's language."""

import re
from html import unescape

import pytest
from sqlalchemy import select

from foi.extensions import db
from foi.models import ReplyTemplate
from foi.requests.states import EventKind
from foi.services.replies import fill, placeholder_problem
from tests.factories import file_request, make_agency, make_user

TEXTS = {
    "text_az": "{requester}, {reference} sorğusunu dəqiqləşdirin ({article}): {due_date}.",
    "text_en": "{requester}, please clarify request {reference} ({article}) by {due_date}.",
    "text_ru": "{requester}, уточните запрос {reference} ({article}) до {due_date}.",
}


@pytest.fixture
def office(app):
    agency = make_agency(slug="vergi", name_az="Vergi Xidməti", name_en="Tax Service")
    other = make_agency(slug="statistika", name_az="Statistika Komitəsi", name_en="Statistics")
    return dict(
        agency=agency,
        other=other,
        admin=make_user("admin"),
        citizen=make_user("citizen", display_name="Leyla Məmmədova"),
        officer=make_user("officer", agency),
        stranger=make_user("officer", other),
    )


def _add(client, agency, **changes):
    data = {"agency_id": agency.id, "kind": "clarify", "ground": "", "name": "Dəqiqləşdirmə"}
    return client.post("/admin/replies/new", data={**data, **TEXTS, **changes})


def _textarea(page: str, name: str) -> str:
    found = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    assert found, name
    return unescape(found.group(1)).strip()


def test_an_officer_picks_the_agencys_clarification_and_gets_it_filled_in_the_requests_language(
    office, client, login
):
    login(office["admin"])
    assert _add(client, office["agency"]).status_code == 302
    listing = client.get("/admin/replies").get_data(as_text=True)
    assert "Dəqiqləşdirmə" in listing
    template = db.session.scalars(select(ReplyTemplate)).one()

    req = file_request(office["citizen"], office["agency"], lang="ru")
    login(office["officer"])
    page = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
    assert f'<option value="{template.id}"' in page and "Standard reply" in page

    page = client.get(f"/officer/requests/{req.reference}?reply={template.id}").get_data(
        as_text=True
    )
    text = _textarea(page, "clarify-question")
    assert text.startswith("заявитель, уточните запрос " + req.reference)
    assert "(ст. 24.4)" in text  # the az law's article on clarification, cited in Russian
    assert "{" not in text and re.search(r"до \d{1,2} \w+ \d{4}", text)
    assert "Leyla" not in text  # the requester did not choose to publish their name

    # The officer edits it and sends it: what is sent is the edited text.
    response = client.post(
        f"/officer/requests/{req.reference}/clarify",
        data={"clarify-question": text + " Спасибо."},
    )
    assert response.status_code == 302
    db.session.refresh(req)
    [asked] = [e for e in req.events if e.kind == EventKind.CLARIFICATION_REQUESTED]
    assert asked.text == text + " Спасибо."


def test_the_requesters_name_is_used_only_when_they_published_it(office, client, login):
    login(office["admin"])
    _add(client, office["agency"])
    template = db.session.scalars(select(ReplyTemplate)).one()
    req = file_request(office["citizen"], office["agency"], lang="en", publish_name=True)
    login(office["officer"])
    page = client.get(f"/officer/requests/{req.reference}?reply={template.id}")
    text = _textarea(page.get_data(as_text=True), "clarify-question")
    assert text.startswith(f"Leyla Məmmədova, please clarify request {req.reference} (Art. 24.4)")


def test_an_officer_of_another_agency_never_sees_nor_fetches_the_reply(office, client, login):
    login(office["admin"])
    _add(client, office["agency"])
    client.get("/admin/replies")  # shows the "saved" message, which names the reply
    template = db.session.scalars(select(ReplyTemplate)).one()
    theirs = file_request(office["citizen"], office["other"])
    ours = file_request(office["citizen"], office["agency"])
    login(office["stranger"])
    page = client.get(f"/officer/requests/{theirs.reference}").get_data(as_text=True)
    assert "Dəqiqləşdirmə" not in page and 'name="reply"' not in page
    assert (
        client.get(f"/officer/requests/{theirs.reference}?reply={template.id}").status_code == 404
    )
    assert client.get(f"/officer/requests/{ours.reference}?reply={template.id}").status_code == 404


def test_a_refusal_reply_fills_the_answer_with_its_ground_and_article(office, client, login):
    login(office["admin"])
    response = _add(
        client,
        office["agency"],
        kind="refusal",
        ground="state_interests",
        name="İmtina",
        text_az="{reference}: {article} əsasında imtina edilir.",
    )
    assert response.status_code == 302
    template = db.session.scalars(select(ReplyTemplate)).one()
    req = file_request(office["citizen"], office["agency"], lang="az")
    login(office["officer"])
    page = client.get(f"/officer/requests/{req.reference}?reply={template.id}").get_data(
        as_text=True
    )
    assert _textarea(page, "answer-text") == f"{req.reference}: maddə 2.4-1 əsasında imtina edilir."
    assert re.search(
        r'value="state_interests"[^>]*checked|checked[^>]*value="state_interests"', page
    )
    assert re.search(r'value="refused"[^>]*checked|checked[^>]*value="refused"', page)


def test_a_bad_placeholder_is_shown_next_to_its_text_with_what_was_typed(office, client, login):
    login(office["admin"])
    typed = "Hörmətli {requestor}, {reference} sorğunuz."
    response = _add(client, office["agency"], text_az=typed)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Unknown placeholder: {requestor}." in page
    assert "{reference}, {due_date}, {requester}, {article}" in page
    assert _textarea(page, "text_az") == typed
    assert _textarea(page, "text_en") == TEXTS["text_en"]
    assert db.session.scalars(select(ReplyTemplate)).all() == []

    response = _add(client, office["agency"], text_ru="Запрос {reference")
    assert response.status_code == 422
    assert "A brace is not closed or not opened." in response.get_data(as_text=True)


def test_the_administrator_edits_and_deletes_a_reply(office, client, login):
    login(office["admin"])
    _add(client, office["agency"])
    template = db.session.scalars(select(ReplyTemplate)).one()
    response = client.post(
        f"/admin/replies/{template.id}",
        data={
            "agency_id": office["agency"].id,
            "kind": "extend",
            "ground": "",
            "name": "Uzatma",
            **TEXTS,
        },
    )
    assert response.status_code == 302
    assert "Uzatma" in client.get("/admin/replies").get_data(as_text=True)
    page = client.post(f"/admin/replies/{template.id}/delete", follow_redirects=True)
    assert "Standard reply “Uzatma” deleted." in page.get_data(as_text=True)
    assert "No standard replies yet" in page.get_data(as_text=True)
    assert db.session.scalars(select(ReplyTemplate)).all() == []


def test_filling_leaves_unknown_and_malformed_placeholders_as_typed():
    values = {"reference": "AZ-1"}
    assert fill("{reference} {other} {reference {} }", values) == "AZ-1 {other} {reference {} }"
    assert placeholder_problem("{reference} and {article}") is None
    assert placeholder_problem("{Reference}").unknown == ("{Reference}",)
    assert placeholder_problem("}{reference}").stray_brace
