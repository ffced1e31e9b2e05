"""GET /api/v1/requests and /api/v1/requests/<reference>: public fields, pages, problems."""

import pytest

from tests.archive.seed import build_archive, publish


@pytest.fixture
def archive(app):
    return build_archive()


def test_list_filters_by_agency_slug_or_id_alike(archive, client):
    by_slug = client.get("/api/v1/requests?agency=tehsil").get_json()
    by_id = client.get(f"/api/v1/requests?agency={archive.other_agency.id}").get_json()
    assert [i["subject"] for i in by_slug["items"]] == ["Məktəb təmiri"]
    assert by_slug["items"] == by_id["items"]
    assert client.get("/api/v1/requests?agency=no-such-agency").get_json()["total"] == 0


def test_list_items_hold_public_fields_only(archive, client):
    body = client.get("/api/v1/requests?q=şəhər").get_json()
    assert body["total"] == 1
    item = body["items"][0]
    assert set(item) == {
        "reference",
        "url",
        "subject",
        "agency",
        "outcome",
        "channel",
        "requester",
        "received_at",
        "due_at",
        "answered_at",
        "published_at",
    }
    assert item["requester"] is None and item["outcome"] == "partial"
    assert item["channel"] == "online"


def test_detail_gives_the_published_redacted_answer(archive, client):
    first = archive.published[0]
    body = client.get(f"/api/v1/requests/{first.reference}").get_json()
    assert body["answer"] == "Vergi güzəştlərinin siyahısı əlavə olunur. [redaktə]"
    assert body["body"] == first.body and body["files"] == []
    assert body["url"].endswith(f"/r/{first.reference}")


def test_requester_who_agreed_is_named(archive, client):
    req = publish(archive, "Adı açıq sorğu", "Açıq informasiya.", "Cavab.")
    req.publish_name = True
    from foi.extensions import db

    db.session.commit()
    assert (
        client.get(f"/api/v1/requests/{req.reference}").get_json()["requester"] == "Aysel Məmmədova"
    )


def test_unknown_or_unpublished_reference_is_a_404_problem(archive, client):
    for ref in ("AZ-1999-000001", archive.unpublished.reference):
        response = client.get(f"/api/v1/requests/{ref}")
        assert response.status_code == 404 and response.mimetype == "application/problem+json"
        assert response.get_json()["status"] == 404


@pytest.mark.parametrize(
    "args, name",
    [
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=99999999", "page"),
        ("year=20x6", "year"),
        ("year=12", "year"),
        ("outcome=secret", "outcome"),
        ("q=" + "a" * 501, "q"),
    ],
)
def test_bad_parameters_are_400_problems_naming_the_parameter(app, client, args, name):
    response = client.get(f"/api/v1/requests?{args}")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["title"] == "Bad Request" and problem["status"] == 400
    assert problem["invalid_params"][0]["name"] == name


def test_pages_link_to_each_other_and_keep_the_filters(archive, client):
    for n in range(20):
        publish(archive, f"Yol təmiri {n}", "Yolların təmiri barədə informasiya.", "Cavab.")
    first = client.get("/api/v1/requests?q=informasiya&sort=newest").get_json()
    assert first["total"] == 22 and first["pages"] == 2 and len(first["items"]) == 20
    assert "prev" not in first["links"]
    assert "q=informasiya" in first["links"]["next"] and "sort=newest" in first["links"]["next"]
    second = client.get(first["links"]["next"]).get_json()
    assert second["page"] == 2 and len(second["items"]) == 2
    assert "next" not in second["links"] and second["links"]["prev"] == first["links"]["self"]
    seen = {i["reference"] for i in first["items"] + second["items"]}
    assert len(seen) == 22
