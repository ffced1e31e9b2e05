"""Routing a request to a department e-mails its members (issue 16.1), in their language."""

from sqlalchemy import select

from foi.extensions import db
from foi.models import OutboxMessage
from foi.services import claims
from foi.services.departments import department_save
from tests.factories import file_request, make_agency, make_user


def test_the_departments_members_are_e_mailed_in_their_language_with_a_link(app):
    agency = make_agency()
    admin = make_user("admin")
    roads = department_save(
        actor=admin, agency_id=agency.id, name_az="Yollar şöbəsi", name_en="Roads", name_ru="Дороги"
    )
    schools = department_save(actor=admin, agency_id=agency.id, name_az="Məktəblər")
    leyla = make_user("officer", agency, locale="az", department_id=roads.id)
    ivan = make_user("officer", agency, locale="ru", department_id=roads.id)
    gone = make_user("officer", agency, department_id=roads.id, active=False)
    nigar = make_user("officer", agency, department_id=schools.id)
    coordinator = make_user("coordinator", agency, department_id=roads.id)
    req = file_request(make_user("citizen"), agency, subject="Şəki yolu")

    claims.request_route(actor=coordinator, req=req, department_id=roads.id)

    routed = select(OutboxMessage).where(OutboxMessage.key.like("%:department_routed:%"))
    mail = {m.to_addr: m for m in db.session.scalars(routed)}
    # Not the inactive account, nor another department, nor the coordinator who routed it.
    assert set(mail) == {leyla.email, ivan.email}
    assert not {gone.email, nigar.email, coordinator.email} & set(mail)
    assert (
        mail[leyla.email].subject == f"{req.reference} sorğusu şöbəyə yönləndirildi: Yollar şöbəsi"
    )
    assert mail[ivan.email].subject == f"Запрос {req.reference} направлен в отдел «Дороги»"
    assert f"http://foi.test/officer/requests/{req.reference}" in mail[leyla.email].body_text
    assert "Şəki yolu" in mail[ivan.email].body_text


def test_routing_again_to_the_same_department_later_writes_again_but_never_twice_per_routing(app):
    agency = make_agency()
    admin = make_user("admin")
    roads = department_save(actor=admin, agency_id=agency.id, name_az="Yollar")
    schools = department_save(actor=admin, agency_id=agency.id, name_az="Məktəblər")
    leyla = make_user("officer", agency, department_id=roads.id)
    coordinator = make_user("coordinator", agency)
    req = file_request(make_user("citizen"), agency)

    claims.request_route(actor=coordinator, req=req, department_id=roads.id)
    claims.request_route(actor=coordinator, req=req, department_id=schools.id)
    claims.request_route(actor=coordinator, req=req, department_id=roads.id)
    claims.request_route(actor=coordinator, req=req, department_id=None)

    to_leyla = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.to_addr == leyla.email)
    ).all()
    assert len(to_leyla) == 2  # routed to roads twice; moving it away tells nobody
