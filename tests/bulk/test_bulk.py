"""Bulk actions from the officer's queue (issue 16.2): each request on its own, under its law."""

import pytest
from flask_babel import refresh
from sqlalchemy import select

from foi.extensions import db
from foi.models import Event, InfoRequest, OutboxMessage, ReplyTemplate
from foi.models.reply import CLARIFY, MESSAGE
from foi.requests.states import EventKind, RequestStatus
from foi.services import answering, claims
from foi.services.departments import department_save
from tests.documents_web.helpers import in_english
from tests.factories import file_request, make_agency, make_user


@pytest.fixture
def office(app):
    agency, other = make_agency(), make_agency()
    admin = make_user("admin")
    roads = department_save(
        actor=admin, agency_id=agency.id, name_az="Yollar şöbəsi", name_en="Roads", name_ru="Дороги"
    )
    people = {
        "agency": agency,
        "other": other,
        "roads": roads,
        "leyla": make_user("officer", agency, display_name="Leyla Həsənova"),
        "tural": make_user("officer", agency, display_name="Tural Quliyev"),
        "coordinator": make_user("coordinator", agency, display_name="Kamran Əliyev"),
        "stranger": make_user("officer", other),
        "citizen": make_user("citizen", display_name="Aygün Məmmədova"),
    }
    return people


def _file(office, subject="Şəki yolu", agency="agency", **values):
    return file_request(office["citizen"], office[agency], subject=subject, **values)


def kinds(req):
    query = select(Event.kind).where(Event.request_id == req.id).order_by(Event.id)
    return list(db.session.scalars(query))


def bulk(client, action, refs=(), scope="ticked", **fields):
    data = {"bulk-action": action, "bulk-scope": scope, "ref": list(refs)}
    data.update({k if k in FILTERS else f"bulk-{k}": v for k, v in fields.items()})
    return client.post("/officer/bulk", data=data)


FILTERS = ("status", "assignee", "urgent", "q", "due", "department", "on_page", "page")


def test_an_extension_already_used_is_refused_for_that_request_and_the_others_are_extended(
    office, login
):
    used, first, second = _file(office), _file(office), _file(office)
    # AZ law, art. 25: seven working days of extension in all; this one has had them.
    answering.request_extend(actor=office["leyla"], req=used, days=7, reason="Çox sənəd var.")
    due_before = db.session.get(InfoRequest, used.id).due_at
    others_due = {r.id: r.due_at for r in (first, second)}
    client = in_english(login(office["leyla"]))

    response = bulk(
        client,
        "extend",
        [first.reference, used.reference, second.reference],
        days=3,
        reason="Sənədlər arxivdən gətirilir.",
    )

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "2 requests done" in page and "1 refused" in page
    assert (
        f"{used.reference}</a>: The extension is already used: Art. 25 allows at most 7 "
        "working days in all." in page
    )
    db.session.expire_all()
    assert kinds(used).count(EventKind.EXTENDED) == 1  # unchanged: no second extension
    assert db.session.get(InfoRequest, used.id).due_at == due_before
    for req in (first, second):
        assert kinds(req).count(EventKind.EXTENDED) == 1
        assert db.session.get(InfoRequest, req.id).due_at > others_due[req.id]
    told = db.session.scalars(
        select(OutboxMessage.key).where(OutboxMessage.key.like("req:%:extended:%"))
    ).all()
    assert len(told) == 3  # the first extension of `used`, and the two of this bulk action


def test_a_reference_of_another_agency_is_not_found_and_never_acted_on(office, login):
    mine, theirs = _file(office), _file(office, agency="other")
    client = in_english(login(office["leyla"]))

    page = bulk(client, "note", [mine.reference, theirs.reference, "AZ-1999-999999"], text="Bax.")

    text = page.get_data(as_text=True)
    assert f"{theirs.reference}: Not found." in text
    assert "AZ-1999-999999: Not found." in text
    assert f'href="/officer/requests/{theirs.reference}"' not in text
    assert kinds(mine).count(EventKind.NOTE) == 1
    assert EventKind.NOTE not in kinds(theirs)


def test_all_matching_this_filter_runs_the_queues_filter_again_on_the_server(office, login):
    roads = [_file(office, subject=f"Yol təmiri {n}") for n in range(3)]
    budget = _file(office, subject="Büdcə")
    elsewhere = _file(office, subject="Yol təmiri", agency="other")
    client = in_english(login(office["leyla"]))

    page = bulk(client, "note", scope="matching", q="yol", text="Yol layihəsi üzrə.", status="open")

    assert "3 requests done" in page.get_data(as_text=True)
    for req in roads:
        assert kinds(req).count(EventKind.NOTE) == 1
    assert EventKind.NOTE not in kinds(budget)
    assert EventKind.NOTE not in kinds(elsewhere)


def test_all_matching_is_capped_and_the_result_says_so(office, login, app, monkeypatch):
    monkeypatch.setitem(app.config, "BULK_MAX", 2)
    for n in range(3):
        _file(office, subject=f"Yol {n}")
    client = in_english(login(office["leyla"]))

    page = bulk(client, "note", scope="matching", q="yol", text="Bax.").get_data(as_text=True)

    assert "2 requests done" in page
    assert "3 requests matched the filter; only the first 2 were taken" in page


def test_every_request_on_this_page_without_javascript(office, login):
    shown = [_file(office) for _ in range(2)]
    client = in_english(login(office["leyla"]))
    queue = client.get("/officer/").get_data(as_text=True)
    for req in shown:
        assert f'<input type="hidden" name="on_page" value="{req.reference}">' in queue

    page = bulk(client, "note", scope="page", on_page=[r.reference for r in shown], text="Bax.")

    assert "2 requests done" in page.get_data(as_text=True)


def test_claiming_in_bulk_leaves_a_colleagues_claim_and_names_them(office, login):
    free, taken = _file(office), _file(office)
    claims.request_claim(actor=office["tural"], req=taken)
    client = in_english(login(office["leyla"]))

    page = bulk(client, "claim", [free.reference, taken.reference]).get_data(as_text=True)

    assert "Tural Quliyev has already claimed this request." in page
    db.session.expire_all()
    assert db.session.get(InfoRequest, free.id).assignee_id == office["leyla"].id
    assert db.session.get(InfoRequest, taken.id).assignee_id == office["tural"].id


def test_a_standard_question_reaches_each_requester_in_their_requests_language(office, login):
    template = ReplyTemplate(
        agency_id=office["agency"].id,
        kind=CLARIFY,
        name="Dövrü dəqiqləşdirin",
        text_az="{reference}: hansı ili nəzərdə tutursunuz?",
        text_en="{reference}: which year do you mean?",
        text_ru="{reference}: какой год вы имеете в виду?",
    )
    db.session.add(template)
    db.session.commit()
    az, ru = _file(office, lang="az"), _file(office, lang="ru")
    client = in_english(login(office["leyla"]))

    page = bulk(client, "clarify", [az.reference, ru.reference], clarify_reply=template.id)

    assert "2 requests done" in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(InfoRequest, az.id).status == RequestStatus.CLARIFICATION
    asked = {
        e.request_id: e.text
        for e in db.session.scalars(
            select(Event).where(Event.kind == EventKind.CLARIFICATION_REQUESTED)
        )
    }
    assert asked == {
        az.id: f"{az.reference}: hansı ili nəzərdə tutursunuz?",
        ru.id: f"{ru.reference}: какой год вы имеете в виду?",
    }


def test_a_standard_question_of_another_agency_is_refused_before_anything_is_done(office, login):
    theirs = ReplyTemplate(
        agency_id=office["other"].id, kind=CLARIFY, name="X", text_az="a", text_en="a", text_ru="a"
    )
    db.session.add(theirs)
    db.session.commit()
    req = _file(office)
    client = in_english(login(office["leyla"]))

    response = bulk(client, "clarify", [req.reference], clarify_reply=theirs.id)

    assert response.status_code == 422
    assert EventKind.CLARIFICATION_REQUESTED not in kinds(req)


def test_a_standard_message_is_sent_to_each_requester_and_leaves_every_clock_alone(office, login):
    template = ReplyTemplate(
        agency_id=office["agency"].id,
        kind=MESSAGE,
        name="Gecikmə",
        text_az="{reference}: sorğunuz üzərində işləyirik, cavab {due_date} tarixinədək.",
        text_en="{reference}: we are working on it; the answer is due by {due_date}.",
        text_ru="{reference}: мы работаем над запросом; ответ до {due_date}.",
    )
    db.session.add(template)
    db.session.commit()
    az, ru = _file(office, lang="az"), _file(office, lang="ru")
    due = {r.id: r.due_at for r in (az, ru)}
    client = in_english(login(office["leyla"]))

    page = bulk(client, "message", [az.reference, ru.reference], message_reply=template.id)

    assert "2 requests done" in page.get_data(as_text=True)
    db.session.expire_all()
    for req in (az, ru):
        again = db.session.get(InfoRequest, req.id)
        assert again.status == RequestStatus.AWAITING and again.due_at == due[req.id]
    sent = db.session.scalars(
        select(OutboxMessage.body_text).where(OutboxMessage.key.like("req:%:message:%"))
    ).all()
    assert len(sent) == 2
    assert any(f"{az.reference}: sorğunuz üzərində işləyirik" in body for body in sent)
    assert any(f"{ru.reference}: мы работаем над запросом" in body for body in sent)


def test_the_coordinator_approves_the_answered_ones_and_is_told_why_not_the_open_one(office, login):
    answered, still_open = _file(office), _file(office)
    answering.request_answer(actor=office["leyla"], req=answered, outcome="given", text="Cavab.")
    client = in_english(login(office["coordinator"]))

    page = bulk(client, "approve", [answered.reference, still_open.reference], status="all")

    text = page.get_data(as_text=True)
    assert "1 request done" in text
    assert "Only an answered request waiting for approval can be published." in text
    db.session.expire_all()
    assert db.session.get(InfoRequest, answered.id).status == RequestStatus.PUBLISHED
    assert db.session.get(InfoRequest, still_open.id).status == RequestStatus.AWAITING


def test_an_officer_cannot_pick_the_coordinators_actions(office, login):
    answered = _file(office)
    answering.request_answer(actor=office["leyla"], req=answered, outcome="given", text="Cavab.")
    client = in_english(login(office["leyla"]))
    assert 'value="approve"' not in client.get("/officer/").get_data(as_text=True)

    response = bulk(client, "approve", [answered.reference])

    assert response.status_code == 422
    db.session.expire_all()
    assert db.session.get(InfoRequest, answered.id).status == RequestStatus.ANSWERED


def test_a_missing_field_is_shown_by_the_field_and_nothing_is_done(office, login):
    req = _file(office)
    client = in_english(login(office["leyla"]))

    response = bulk(client, "note", [req.reference], text="")

    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="bulk-text-error"' in page and "Write the note first." in page
    assert f'value="{req.reference}" id="ref-{req.id}" checked' in page  # the ticks are kept
    assert EventKind.NOTE not in kinds(req)


def _mail_to(person):
    query = select(OutboxMessage).where(OutboxMessage.to_addr == person.email)
    return db.session.scalars(query.order_by(OutboxMessage.id)).all()


def test_routing_in_bulk_e_mails_each_member_one_summary_naming_every_request(office, login):
    ivan = make_user("officer", office["agency"], locale="ru", department_id=office["roads"].id)
    for name in ("tural", "leyla"):  # Leyla routes them, and is in the department herself
        office[name].department_id = office["roads"].id
    office["tural"].locale = "en"
    db.session.commit()
    batch = [_file(office, subject=s) for s in ("Şəki yolu", "Qəbələ körpüsü", "Gəncə prospekti")]
    client = in_english(login(office["leyla"]))

    page = bulk(client, "route", [r.reference for r in batch], department_id=office["roads"].id)

    assert "3 requests done" in page.get_data(as_text=True)
    (to_tural,) = _mail_to(office["tural"])  # one message, not three
    assert to_tural.subject == "3 requests were routed to Roads"
    for req in batch:
        assert f"- {req.reference} · {req.subject}" in to_tural.body_text
        assert f"http://foi.test/officer/requests/{req.reference}" in to_tural.body_text
    assert to_tural.body_text.count("Legal due date: ") == 3
    (to_ivan,) = _mail_to(ivan)  # in his language, the number agreeing with "запроса"
    assert to_ivan.subject == "3 запроса направлены в отдел «Дороги»"
    assert all(req.reference in to_ivan.body_text for req in batch)
    assert _mail_to(office["leyla"]) == []  # she routed them: she knows

    # The same batch again is refused request by request ("routed there already"): no mail.
    bulk(client, "route", [r.reference for r in batch], department_id=office["roads"].id)
    assert len(_mail_to(office["tural"])) == 1


def test_one_request_routed_in_bulk_gets_the_same_e_mail_as_from_its_page(office, login):
    office["tural"].department_id = office["roads"].id
    office["tural"].locale = "en"
    db.session.commit()
    req = _file(office)

    bulk(
        in_english(login(office["leyla"])),
        "route",
        [req.reference],
        department_id=office["roads"].id,
    )

    (mail,) = _mail_to(office["tural"])
    assert mail.subject == f"Request {req.reference} was routed to Roads"


def test_the_queue_rows_have_labelled_checkboxes_and_the_form_its_token(office, login):
    req = _file(office)
    page = in_english(login(office["leyla"])).get("/officer/").get_data(as_text=True)
    assert f'name="ref" value="{req.reference}" id="ref-{req.id}"' in page
    assert f'<label for="ref-{req.id}"><span class="visually-hidden">Select {req.reference}' in page
    assert 'form="bulk-form"' in page and 'action="/officer/bulk"' in page
    assert "Select all on this page" in page


def test_the_result_page_speaks_azerbaijani(office, client, login):
    used, fresh = _file(office), _file(office)
    answering.request_extend(actor=office["leyla"], req=used, days=7, reason="Çox sənəd var.")
    login(office["leyla"])
    client.post("/language", data={"lang": "az"})
    refresh()

    page = bulk(client, "extend", [used.reference, fresh.reference], days=2, reason="Səbəb.")

    text = page.get_data(as_text=True)
    assert "Toplu əməliyyat: Müddəti uzadın" in text
    assert "1 sorğu icra olundu" in text
    assert "Uzadılma artıq istifadə olunub: maddə 25 ümumilikdə ən çox 7 iş günü" in text


def test_no_action_is_chosen_for_the_officer_and_a_reload_goes_back_to_the_queue(office, login):
    req = _file(office)
    client = in_english(login(office["leyla"]))
    queue = client.get("/officer/").get_data(as_text=True)
    assert 'value="">Choose an action</option>' in queue

    response = bulk(client, "", [req.reference])

    assert response.status_code == 422
    assert "Choose an action." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(InfoRequest, req.id).assignee_id is None
    assert client.get("/officer/bulk").location.endswith("/officer/")


def test_a_standard_reason_for_an_extension_is_filled_in_each_requests_language(office, login):
    template = ReplyTemplate(
        agency_id=office["agency"].id,
        kind="extend",
        name="Arxiv",
        text_az="{reference}: sənədlər arxivdədir ({article}).",
        text_en="{reference}: the papers are in the archive ({article}).",
        text_ru="{reference}: документы в архиве ({article}).",
    )
    db.session.add(template)
    db.session.commit()
    az, ru = _file(office, lang="az"), _file(office, lang="ru")
    client = in_english(login(office["leyla"]))

    page = bulk(client, "extend", [az.reference, ru.reference], days=2, extend_reply=template.id)

    assert "2 requests done" in page.get_data(as_text=True)
    reasons = {
        e.request_id: e.text
        for e in db.session.scalars(select(Event).where(Event.kind == EventKind.EXTENDED))
    }
    assert reasons == {
        az.id: f"{az.reference}: sənədlər arxivdədir (maddə 25).",
        ru.id: f"{ru.reference}: документы в архиве (ст. 25).",
    }
