"""Departments and claims: routed requests wait under "Unclaimed"; one officer claims each."""

import threading

import pytest
from flask_babel import force_locale, refresh

from foi.extensions import db
from foi.models import Event, InfoRequest, User
from foi.requests.states import EventKind
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
    schools = department_save(actor=admin, agency_id=agency.id, name_az="Məktəblər")
    people = {
        "agency": agency,
        "other": other,
        "admin": admin,
        "roads": roads,
        "schools": schools,
        "leyla": make_user("officer", agency, display_name="Leyla Həsənova"),
        "tural": make_user("officer", agency, display_name="Tural Quliyev"),
        "nigar": make_user("officer", agency, display_name="Nigar Schools"),
        "coordinator": make_user("coordinator", agency, display_name="Kamran Coordinator"),
        "citizen": make_user("citizen"),
    }
    for name, department in (("leyla", roads), ("tural", roads), ("nigar", schools)):
        people[name].department_id = department.id
    db.session.commit()
    return people


def routed(office, department="roads"):
    req = file_request(office["citizen"], office["agency"], subject="Şəki yolu")
    claims.request_route(actor=office["coordinator"], req=req, department_id=office[department].id)
    return req


def unclaimed_page(client):
    return client.get("/officer/?assignee=unclaimed").get_data(as_text=True)


def history(req):
    return [e.kind for e in db.session.scalars(db.select(Event).where(Event.request_id == req.id))]


def test_the_department_sees_a_routed_request_under_unclaimed_and_others_do_not(office, login):
    req = file_request(office["citizen"], office["agency"], subject="Şəki yolu")
    client = in_english(login(office["coordinator"]))
    response = client.post(
        f"/officer/requests/{req.reference}/route",
        data={"route-department_id": office["roads"].id},
        follow_redirects=True,
    )
    assert "Routed to a department: Roads" in response.get_data(as_text=True)
    assert req.reference in unclaimed_page(in_english(login(office["leyla"])))
    assert req.reference not in unclaimed_page(in_english(login(office["nigar"])))


def test_an_officer_claims_in_one_click_and_the_history_says_who(office, login):
    req = routed(office)
    client = in_english(login(office["leyla"]))
    assert f'/officer/requests/{req.reference}/claim"' in unclaimed_page(client)
    page = client.post(f"/officer/requests/{req.reference}/claim", follow_redirects=True)
    text = page.get_data(as_text=True)
    assert "You claimed this request" in text
    assert "Claimed" in text and "Leyla Həsənova" in text
    db.session.expire_all()
    assert db.session.get(InfoRequest, req.id).assignee_id == office["leyla"].id
    assert req.reference not in unclaimed_page(client)


def test_an_officer_of_another_department_cannot_claim(office, login):
    req = routed(office)
    client = in_english(login(office["nigar"]))
    response = client.post(f"/officer/requests/{req.reference}/claim")
    assert response.status_code == 422
    assert "routed to another department" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(InfoRequest, req.id).assignee_id is None


def test_the_slower_of_two_officers_is_told_who_claimed_it(office, login):
    req = routed(office)
    client = in_english(login(office["tural"]))
    assert f'/officer/requests/{req.reference}/claim"' in unclaimed_page(client)  # seen free
    claims.request_claim(actor=office["leyla"], req=req)  # Leyla is faster
    response = client.post(f"/officer/requests/{req.reference}/claim")
    assert response.status_code == 409
    assert "Leyla Həsənova has already claimed this request." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(InfoRequest, req.id).assignee_id == office["leyla"].id


def test_two_claims_at_the_same_moment_one_wins_and_the_other_learns_who(app, office):
    req_id = routed(office).id
    officer_ids = [office["leyla"].id, office["tural"].id]
    db.session.remove()  # each thread uses its own connection
    start = threading.Barrier(2)
    outcome: dict[int, str] = {}

    def claim(officer_id):
        with app.app_context():
            officer = db.session.get(User, officer_id)
            req = db.session.get(InfoRequest, req_id)
            assert req.assignee_id is None  # both saw it unclaimed
            start.wait()
            try:
                claims.request_claim(actor=officer, req=req)
            except claims.AlreadyClaimed as exc:
                with force_locale("en"):
                    outcome[officer_id] = str(exc.message)
            else:
                outcome[officer_id] = "won"
            finally:
                db.session.remove()

    threads = [threading.Thread(target=claim, args=(i,)) for i in officer_ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [i for i, result in outcome.items() if result == "won"]
    assert len(winners) == 1 and len(outcome) == 2
    (loser,) = set(officer_ids) - set(winners)
    winner = db.session.get(User, winners[0])
    assert outcome[loser] == f"{winner.display_name} has already claimed this request."
    req = db.session.get(InfoRequest, req_id)
    assert req.assignee_id == winner.id
    assert history(req).count(EventKind.CLAIMED) == 1


def test_releasing_asks_why_and_the_request_is_unclaimed_again(office, login):
    req = routed(office)
    claims.request_claim(actor=office["leyla"], req=req)
    client = in_english(login(office["leyla"]))
    missing = client.post(f"/officer/requests/{req.reference}/release", data={})
    assert missing.status_code == 422
    done = client.post(
        f"/officer/requests/{req.reference}/release",
        data={"release-reason": "Mən məzuniyyətə gedirəm."},
        follow_redirects=True,
    )
    text = done.get_data(as_text=True)
    assert "Claim released" in text and "Mən məzuniyyətə gedirəm." in text
    assert req.reference in unclaimed_page(in_english(login(office["tural"])))


def test_only_the_claimant_releases_and_only_the_coordinator_reassigns(office, login):
    req = routed(office)
    claims.request_claim(actor=office["leyla"], req=req)
    client = in_english(login(office["tural"]))
    refused = client.post(
        f"/officer/requests/{req.reference}/release", data={"release-reason": "Mine now"}
    )
    assert refused.status_code == 422
    assert (
        client.post(
            f"/officer/requests/{req.reference}/assign",
            data={"assign-assignee_id": office["tural"].id},
        ).status_code
        == 404
    )
    coordinator = in_english(login(office["coordinator"]))
    moved = coordinator.post(
        f"/officer/requests/{req.reference}/assign",
        data={"assign-assignee_id": office["tural"].id},
        follow_redirects=True,
    )
    assert "Assigned: Tural Quliyev" in moved.get_data(as_text=True)


def test_the_history_of_claims_reads_in_azerbaijani_and_russian(office, login):
    req = routed(office)
    claims.request_claim(actor=office["leyla"], req=req)
    claims.request_release_claim(actor=office["leyla"], req=req, reason="Səhv şöbə.")
    client = login(office["tural"])
    for lang, words in (
        ("az", ("Yollar şöbəsi", "İcraya götürüldü")),
        ("ru", ("Дороги", "Взято в работу")),
    ):
        client.post("/language", data={"lang": lang})
        refresh()
        page = client.get(f"/officer/requests/{req.reference}").get_data(as_text=True)
        for word in words:
            assert word in page, (lang, word)


def test_a_transfer_leaves_the_old_agencys_department_behind(office):
    req = routed(office)
    answering.request_transfer(
        actor=office["coordinator"], req=req, agency_id=office["other"].id, reason="Onlarındır."
    )
    db.session.expire_all()
    assert db.session.get(InfoRequest, req.id).department_id is None


def test_a_department_of_another_agency_cannot_be_chosen(office, login):
    foreign = department_save(actor=office["admin"], agency_id=office["other"].id, name_az="Kənar")
    req = file_request(office["citizen"], office["agency"])
    client = in_english(login(office["coordinator"]))
    response = client.post(
        f"/officer/requests/{req.reference}/route", data={"route-department_id": foreign.id}
    )
    assert response.status_code == 422
