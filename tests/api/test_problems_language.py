"""API errors are RFC 9457 problems in the client's language."""

import pytest


@pytest.mark.parametrize(
    "lang,word", [("en", "Parameter page"), ("az", "Parametr page"), ("ru", "Параметр page")]
)
def test_bad_parameter_is_explained_in_the_clients_language(client, lang, word):
    response = client.get("/api/v1/requests?page=0", headers={"Accept-Language": lang})
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert response.headers["Content-Language"] == lang
    body = response.get_json()
    assert body["status"] == 400 and body["detail"].startswith(word)
    assert body["invalid_params"][0]["name"] == "page"


def test_unknown_reference_is_a_404_problem_in_russian(client):
    response = client.get("/api/v1/requests/AZ-1999-000001", headers={"Accept-Language": "ru"})
    body = response.get_json()
    assert response.status_code == 404 and body["title"] == "Не найдено"
    assert "AZ-1999-000001" in body["detail"]


def test_wrong_method_is_a_problem_too(client):
    response = client.post("/api/v1/requests", headers={"Accept-Language": "az"})
    assert response.status_code == 405
    assert response.get_json()["title"] == "Metoda icazə verilmir"
