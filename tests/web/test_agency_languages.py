"""An agency describes itself in the page's language: Russian pages show no English (issue 16)."""

import io

from foi.extensions import db
from foi.models import Agency
from tests.factories import make_agency, make_user


def _agency():
    return make_agency(
        slug="maliyye",
        name_az="Maliyyə Nazirliyi",
        name_en="Ministry of Finance",
        name_ru="Министерство финансов",
        description_az="Dövlət büdcəsini hazırlayır.",
        description_en="Prepares the state budget.",
        description_ru="Составляет государственный бюджет.",
    )


def _page(client, lang: str, path: str) -> str:
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = lang
    return client.get(path).get_data(as_text=True)


def test_russian_pages_show_the_russian_description(app, client):
    _agency()
    for path in ("/agencies", "/agencies/maliyye"):
        page = _page(client, "ru", path)
        assert "Составляет государственный бюджет." in page
        assert "Prepares the state budget." not in page
    assert "Prepares the state budget." in _page(client, "en", "/agencies/maliyye")
    assert "Dövlət büdcəsini hazırlayır." in _page(client, "az", "/agencies/maliyye")


def test_without_a_russian_description_a_russian_page_shows_the_azerbaijani_one(app, client):
    agency = _agency()
    agency.description_ru = ""
    db.session.commit()
    page = _page(client, "ru", "/agencies/maliyye")
    assert "Dövlət büdcəsini hazırlayır." in page and "Prepares the state budget." not in page


def test_administrators_write_the_russian_description_by_hand_and_by_csv(app, client, login):
    agency = _agency()
    login(make_user("admin"))
    response = client.post(
        f"/admin/agencies/{agency.id}",
        data={
            "slug": agency.slug,
            "name_az": agency.name_az,
            "name_en": agency.name_en,
            "kind": "ministry",
            "publish_mode": "approval",
            "active": "y",
            "description_ru": "Исполняет бюджет.",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Agency, agency.id).description_ru == "Исполняет бюджет."
    csv = (
        "slug,name_az,name_en,kind,topics,description_ru\n"
        "vergi,Vergi Xidməti,Tax Service,service,tax,Собирает налоги.\n"
    )
    client.post(
        "/admin/agencies/import",
        data={"file": (io.BytesIO(csv.encode()), "agencies.csv")},
        content_type="multipart/form-data",
    )
    db.session.expire_all()
    imported = db.session.scalar(db.select(Agency).where(Agency.slug == "vergi"))
    assert imported is not None and imported.description_ru == "Собирает налоги."
