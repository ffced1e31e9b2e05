"""Administrators keep the agency directory: add, edit, deactivate, import from CSV."""

import io

from sqlalchemy import select

from foi.extensions import db
from foi.models import Agency
from tests.factories import make_agency, make_user

HEADER = (
    "slug,name_az,name_en,name_ru,kind,description_az,description_en,topics,keywords,"
    "website,email\n"
)


def test_admin_adds_an_agency_and_citizens_can_choose_it(app, client, login):
    login(make_user("admin"))
    response = client.post(
        "/admin/agencies/new",
        data={
            "slug": "gomruk",
            "name_az": "Dövlət Gömrük Komitəsi",
            "name_en": "State Customs Committee",
            "kind": "committee",
            "publish_mode": "approval",
            "active": "y",
            "keywords": "gömrük;customs",
        },
    )
    assert response.status_code == 302
    login(make_user("citizen"))
    assert "State Customs Committee" in client.get("/requests/new").get_data(as_text=True)


def test_bad_slug_is_shown_next_to_the_field_and_the_typed_names_stay(app, client, login):
    login(make_user("admin"))
    page = client.post(
        "/admin/agencies/new",
        data={
            "slug": "Bad Slug!",
            "name_az": "Ad",
            "name_en": "Name",
            "kind": "agency",
            "publish_mode": "approval",
        },
    ).get_data(as_text=True)
    assert "lower-case letters" in page
    assert 'value="Bad Slug!"' in page
    assert db.session.scalar(select(Agency).where(Agency.name_az == "Ad")) is None


def test_deactivated_agency_disappears_from_the_filing_form(app, client, login):
    agency = make_agency(name_az="Ləğv edilmiş Agentlik")
    login(make_user("admin"))
    response = client.post(
        f"/admin/agencies/{agency.id}",
        data={
            "slug": agency.slug,
            "name_az": agency.name_az,
            "name_en": agency.name_en,
            "kind": "agency",
            "publish_mode": "approval",
        },
    )  # the active box left unticked
    assert response.status_code == 302
    login(make_user("citizen"))
    assert "Ləğv edilmiş Agentlik" not in client.get("/requests/new").get_data(as_text=True)


def test_csv_import_adds_and_updates_by_slug(app, client, login):
    make_agency(slug="vergi", name_az="Köhnə ad")
    login(make_user("admin"))
    csv = HEADER + (
        "vergi,Dövlət Vergi Xidməti,State Tax Service,Государственная налоговая служба,service,"
        "Vergilər.,Taxes.,tax,vergi;tax,https://www.taxes.gov.az,info@taxes.gov.az\n"
        "tehsil,Elm və Təhsil Nazirliyi,Ministry of Science and Education,,ministry,"
        "Təhsil.,Education.,education,məktəb;school,https://edu.gov.az,info@edu.gov.az\n"
    )
    response = client.post(
        "/admin/agencies/import",
        data={"file": (io.BytesIO(csv.encode("utf-8-sig")), "agencies.csv")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "1 new, 1 updated" in response.get_data(as_text=True)
    names = set(db.session.scalars(select(Agency.name_az)))
    assert names == {"Dövlət Vergi Xidməti", "Elm və Təhsil Nazirliyi"}


def test_bad_csv_changes_nothing_and_says_which_line(app, client, login):
    login(make_user("admin"))
    csv = HEADER + ",No slug,No slug,,ministry,,,,,,\n"
    response = client.post(
        "/admin/agencies/import",
        data={"file": (io.BytesIO(csv.encode()), "agencies.csv")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "line 2" in response.get_data(as_text=True)
    assert db.session.query(Agency).count() == 0
