"""A refusal by the law reads in the reader's language: on the officer's page and in the API.

foi.law raises it in English with a stable code (e.g. extension_not_allowed.beyond_ceiling);
foi.services.law_messages says it in az, en or ru when it is shown.
"""

import pytest

from foi.services import answering
from tests.factories import file_request, make_agency, make_user


@pytest.mark.parametrize(
    "locale,words",
    [
        ("az", "Uzadılma artıq istifadə olunub: maddə 25 ümumilikdə ən çox 7 iş günü"),
        ("ru", "Продление уже использовано: ст. 25 допускает не более 7 рабочих дней"),
    ],
)
def test_an_officer_asking_past_the_laws_ceiling_reads_why_in_their_language(
    app, login, locale, words
):
    agency = make_agency()
    officer = make_user("officer", agency, locale=locale)
    req = file_request(make_user("citizen"), agency)
    answering.request_extend(actor=officer, req=req, days=7, reason="Çox sənəd var.")

    page = login(officer).post(
        f"/officer/requests/{req.reference}/extend",
        data={"extend-days": "3", "extend-reason": "Yenə çox sənəd var."},
    )

    assert page.status_code == 422  # the form again, with the reason by its field
    text = page.get_data(as_text=True)
    assert words in text
    assert "allows at most" not in text  # not the law engine's English


@pytest.mark.parametrize(
    "lang,title,words",
    [
        ("az", "Emal edilə bilməyən məzmun", "Maddə 25 ümumilikdə ən çox 7 iş günü uzadılmaya"),
        ("ru", "Необрабатываемое содержимое", "Ст. 25 допускает не более 7 рабочих дней"),
        ("en", "Unprocessable Content", "Art. 25 allows at most 7 working days of extension"),
    ],
)
def test_the_api_says_an_extension_past_the_ceiling_in_the_clients_language_with_a_code(
    client, lang, title, words
):
    response = client.get(
        "/api/v1/deadline?law=az&received=2026-02-02T10:00&extend_days=9",
        headers={"Accept-Language": lang},
    )
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert response.headers["Content-Language"] == lang
    body = response.get_json()
    assert body["code"] == "extension_not_allowed.beyond_ceiling"  # the same in every language
    assert body["title"] == title
    assert words in body["detail"]


def test_an_urgency_the_law_does_not_have_is_refused_in_russian(client):
    response = client.get(
        "/api/v1/deadline?law=az&received=2026-02-02T10:00&urgency=tomorrow",
        headers={"Accept-Language": "ru"},
    )
    body = response.get_json()
    assert response.status_code == 422 and body["code"] == "urgency_not_available"
    assert body["detail"] != "This law has no such urgent period."
    assert "срочного" in body["detail"]


def test_the_api_counts_the_deadline_as_the_calculator_does(client):
    body = client.get("/api/v1/deadline?law=az&received=2026-02-02T10:00&extend_days=3").get_json()
    # 7 working days from Tuesday 3 February (art. 24.1, 24.5), then 3 more (art. 25).
    assert body["original_due_at"] == "2026-02-11T23:59:59+04:00"
    assert body["due_at"] == "2026-02-16T23:59:59+04:00"
    assert body["extended"] is True


def test_an_unknown_law_is_a_bad_parameter_with_its_code(client):
    response = client.get(
        "/api/v1/deadline?law=xx&received=2026-02-02", headers={"Accept-Language": "az"}
    )
    body = response.get_json()
    assert response.status_code == 400 and body["code"] == "unknown_law"
    assert body["invalid_params"][0]["name"] == "law"
