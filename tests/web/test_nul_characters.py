"""A NUL character in a link or a form is refused or unknown on every database, not a crash."""


def test_api_treats_nul_as_any_unknown_value(client):
    listing = client.get("/api/v1/requests?agency=vergi%00x&q=su%00")
    assert listing.status_code == 200
    assert listing.get_json()["total"] == 0  # an agency nobody knows matches nothing
    one = client.get("/api/v1/requests/AZ-2026-0%00")
    assert one.status_code == 404
    assert one.mimetype == "application/problem+json"


def test_page_address_or_search_with_nul_shows_the_bad_request_page(client):
    for url in ("/agencies/vergi%00", "/r/AZ-2026-0%00", "/archive?q=su%00"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "text/html" in response.content_type


def test_form_with_nul_is_refused_before_anything_is_stored(client):
    from foi.extensions import db
    from foi.models import User

    assert client.post("/register", data={"email": "a@example.org"}).status_code == 422
    response = client.post(
        "/register",
        data={
            "email": "a\x00@example.org",
            "password": "long enough password",
            "display_name": "A",
        },
    )
    assert response.status_code == 400
    assert db.session.query(User).count() == 0
