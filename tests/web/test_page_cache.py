"""The application cache keeps anonymous pages until public content changes, then lets go at once.

To see that a page is kept, a test changes a row behind the services' back (no new version of
the public content): the kept page still shows the old value. A real change through the services
then shows the new answer on the very next request.
"""

import json

import pytest
from sqlalchemy import update

from foi.extensions import db
from foi.models import Agency
from tests.archive.seed import Archive, publish
from tests.factories import make_agency, make_user


@pytest.fixture
def archive(app):
    agency = make_agency(slug="vergi", name_az="Dövlət Vergi Xidməti", name_en="State Tax Service")
    archive = Archive(
        agency,
        make_agency(slug="tehsil"),
        make_user("citizen"),
        make_user("officer", agency),
        make_user("coordinator", agency),
    )
    publish(archive, "Vergi güzəştləri", "Siyahını göndərin.", "Siyahı əlavə olunub.")
    return archive


def _read(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    if response.is_json:
        return json.dumps(response.get_json(), ensure_ascii=False)
    return response.get_data(as_text=True)


def _rename_behind_the_back(agency: Agency, name: str) -> None:
    db.session.execute(update(Agency).where(Agency.id == agency.id).values(name_en=name))
    db.session.commit()


@pytest.mark.parametrize("path", ["/", "/archive", "/agencies", "/api/v1/requests?q=vergi"])
def test_a_page_is_kept_until_a_publication_and_then_the_new_one_is_served_at_once(
    client, archive, path
):
    first = _read(client, path)
    assert "Vergi güzəştləri" in first or "State Tax Service" in first
    _rename_behind_the_back(archive.agency, "Renamed Behind The Back")
    assert _read(client, path) == first  # kept

    publish(archive, "Vergi borcları", "Borcların siyahısı.", "Siyahı əlavə olunub.")
    fresh = _read(client, path)
    assert fresh != first
    if path != "/agencies":
        assert "Vergi borcları" in fresh
    if path != "/":
        assert "Renamed Behind The Back" in fresh


def test_the_request_page_shows_a_redacted_file_at_once(app, client, login):
    from foi.services.redaction import document_redact
    from tests.documents.factories import text_pdf
    from tests.documents_web.helpers import agency_files, answer_with_files
    from tests.documents_web.test_redaction import approve
    from tests.factories import file_request

    agency = make_agency()
    officer, coordinator = make_user("officer", agency), make_user("coordinator", agency)
    req = file_request(make_user("citizen"), agency)
    pdf = text_pdf(["Contract 17/2025", "Signed by Jane Roe"])
    assert answer_with_files(login(officer), req, {"contract.pdf": pdf}).status_code == 302
    approve(client, login, coordinator, req)
    client.post("/logout")
    client.get(f"/r/{req.reference}")  # shows the flash "Published", so is not kept

    (original,) = agency_files(req)
    page = client.get(f"/r/{req.reference}").get_data(as_text=True)
    assert f"/files/{original.id}" in page
    assert client.get(f"/r/{req.reference}").get_data(as_text=True) == page  # kept

    copy = document_redact(actor=coordinator, doc=original, terms=["Jane Roe"])
    page = client.get(f"/r/{req.reference}").get_data(as_text=True)
    assert f"/files/{copy.id}" in page and copy.filename in page
    assert f"/files/{original.id}" not in page


def test_a_signed_in_person_never_gets_a_kept_page_nor_leaves_one(client, archive, login):
    assert "Log out" not in client.get("/archive").get_data(as_text=True)  # now kept

    login(archive.citizen)
    signed_in = client.get("/archive")
    assert "Log out" in signed_in.get_data(as_text=True)
    assert signed_in.headers["Cache-Control"] == "private, no-store"
    # A page the signed-in person sees first is not kept for the next anonymous visitor.
    assert "Log out" in client.get("/archive?sort=newest").get_data(as_text=True)

    client.post("/logout")
    assert "Log out" not in client.get("/archive?sort=newest").get_data(as_text=True)


def test_api_answers_served_from_the_cache_still_count_against_the_limit(
    app, client, archive, monkeypatch
):
    monkeypatch.setitem(app.config, "RATE_LIMITS_ENABLED", True)
    monkeypatch.setitem(app.config, "RATE_LIMITS", {**app.config["RATE_LIMITS"]})
    app.config["RATE_LIMITS"]["api.address"] = "3/minute"
    answers = [client.get("/api/v1/requests").status_code for _ in range(5)]
    assert answers == [200, 200, 200, 429, 429]


def test_two_apps_on_one_redis_see_one_invalidation(app, archive, database_url, redis_client):
    from foi import create_app

    url = redis_client.connection_pool.connection_kwargs
    redis_url = f"redis://{url['host']}:{url['port']}/{url.get('db', 0)}"
    hosts = [
        create_app(
            "testing",
            SQLALCHEMY_DATABASE_URI=database_url,
            REDIS_URL=redis_url,
            SERVER_NAME="foi.test",
        )
        for _ in range(2)
    ]
    browsers = [h.test_client() for h in hosts]
    for b in browsers:
        b.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    try:
        first = browsers[0].get("/archive").get_data(as_text=True)
        assert redis_client.keys("foi:cache:page:*")  # kept in Redis, not in the process
        _rename_behind_the_back(archive.agency, "Renamed Behind The Back")
        assert browsers[1].get("/archive").get_data(as_text=True) == first  # A's page, on B

        publish(archive, "Vergi borcları", "Borcların siyahısı.", "Siyahı əlavə olunub.")
        for b in browsers:
            fresh = b.get("/archive").get_data(as_text=True)
            assert "Vergi borcları" in fresh and "Renamed Behind The Back" in fresh
    finally:
        for h in hosts:
            with h.app_context():
                db.engine.dispose()
