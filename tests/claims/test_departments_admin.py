"""Administrators edit an agency's departments and put officers in them."""

import pytest

from foi.extensions import db
from foi.models import Department, User
from foi.services import claims
from tests.documents_web.helpers import in_english
from tests.factories import file_request, make_agency, make_user


@pytest.fixture
def admin_client(app, login):
    agency = make_agency()
    return in_english(login(make_user("admin"))), agency


def departments(agency):
    db.session.expire_all()
    return list(db.session.scalars(db.select(Department).where(Department.agency_id == agency.id)))


def test_an_administrator_adds_and_renames_a_department_in_three_languages(admin_client):
    client, agency = admin_client
    url = f"/admin/agencies/{agency.id}/departments"
    added = client.post(
        url,
        data={"new-name_az": "Yollar şöbəsi", "new-name_en": "Roads", "new-name_ru": "Дороги"},
        follow_redirects=True,
    )
    assert "Department “Roads” saved." in added.get_data(as_text=True)
    (roads,) = departments(agency)
    assert (roads.name_az, roads.name_ru) == ("Yollar şöbəsi", "Дороги")
    renamed = client.post(
        f"{url}/{roads.id}", data={"name_az": "Yol təsərrüfatı", "name_en": "Road works"}
    )
    assert renamed.status_code == 302
    assert departments(agency)[0].name_az == "Yol təsərrüfatı"
    assert f"/admin/agencies/{agency.id}/departments" in client.get(
        f"/admin/agencies/{agency.id}"
    ).get_data(as_text=True)


def test_a_department_without_its_azerbaijani_name_or_twice_the_same_is_refused(admin_client):
    client, agency = admin_client
    url = f"/admin/agencies/{agency.id}/departments"
    empty = client.post(url, data={"new-name_en": "Roads"})
    assert empty.status_code == 422
    assert 'value="Roads"' in empty.get_data(as_text=True)  # what was typed stays
    assert client.post(url, data={"new-name_az": "Yollar"}).status_code == 302
    twice = client.post(url, data={"new-name_az": "YOLLAR"})
    assert twice.status_code == 422
    assert "The agency has a department of that name." in twice.get_data(as_text=True)
    assert len(departments(agency)) == 1


def test_a_department_with_open_requests_is_not_removed(admin_client):
    client, agency = admin_client
    client.post(f"/admin/agencies/{agency.id}/departments", data={"new-name_az": "Yollar"})
    (roads,) = departments(agency)
    req = file_request(make_user("citizen"), agency)
    claims.request_route(actor=make_user("coordinator", agency), req=req, department_id=roads.id)
    refused = client.post(
        f"/admin/agencies/{agency.id}/departments/{roads.id}/delete", follow_redirects=True
    )
    assert "1 open request is routed to this department" in refused.get_data(as_text=True)
    assert departments(agency)


def test_an_unused_department_is_removed_and_its_officers_keep_their_account(admin_client):
    client, agency = admin_client
    client.post(f"/admin/agencies/{agency.id}/departments", data={"new-name_az": "Yollar"})
    (roads,) = departments(agency)
    officer = make_user("officer", agency, department_id=roads.id)
    done = client.post(f"/admin/agencies/{agency.id}/departments/{roads.id}/delete")
    assert done.status_code == 302
    assert departments(agency) == []
    assert db.session.get(User, officer.id).department_id is None


def test_another_agencys_department_is_a_404_on_this_agencys_pages(admin_client):
    client, agency = admin_client
    other = make_agency()
    client.post(f"/admin/agencies/{other.id}/departments", data={"new-name_az": "Kənar"})
    (foreign,) = departments(other)
    assert client.get(f"/admin/agencies/{agency.id}/departments/{foreign.id}").status_code == 404


def test_the_administrator_puts_an_officer_in_a_department_of_their_agency(admin_client):
    client, agency = admin_client
    client.post(f"/admin/agencies/{agency.id}/departments", data={"new-name_az": "Yollar"})
    (roads,) = departments(agency)
    officer = make_user("officer", agency, display_name="Leyla")
    form = {
        "display_name": "Leyla",
        "role": "officer",
        "agency_id": agency.id,
        "department_id": roads.id,
    }
    assert client.post(f"/admin/users/{officer.id}", data=form).status_code == 302
    db.session.expire_all()
    assert db.session.get(User, officer.id).department_id == roads.id
    # Moving to another agency without a department of that agency is refused by the field.
    other = make_agency()
    moved = client.post(f"/admin/users/{officer.id}", data={**form, "agency_id": other.id})
    assert moved.status_code == 422
    assert "Choose a department of the person&#39;s agency." in moved.get_data(as_text=True)
