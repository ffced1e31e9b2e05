"""A form sent back with errors answers 422 and shows what was typed, next to the error."""

from tests.factories import make_agency, make_user


def test_registration_with_a_short_password_is_422_with_the_address_kept(client):
    response = client.post(
        "/register",
        data={"email": "leyla@example.org", "display_name": "Leyla", "password": "short"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="leyla@example.org"' in page and "at least 10 characters" in page


def test_a_wrong_password_is_422_and_a_right_one_signs_in(client):
    user = make_user()
    response = client.post("/login", data={"email": user.email, "password": "wrong password"})
    assert response.status_code == 422
    assert "The e-mail or password is not right." in response.get_data(as_text=True)
    response = client.post(
        "/login", data={"email": user.email, "password": "correct horse battery"}
    )
    assert response.status_code == 302


def test_a_request_without_a_subject_is_422_with_the_text_kept(client, login):
    agency = make_agency()
    login(make_user())
    response = client.post(
        "/requests/new", data={"agency_id": agency.id, "subject": "", "body": "Send the budget."}
    )
    assert response.status_code == 422
    assert "Send the budget." in response.get_data(as_text=True)


def test_the_first_visit_to_a_form_is_200(client):
    assert client.get("/register").status_code == 200
    assert client.get("/login").status_code == 200
