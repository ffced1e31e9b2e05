"""Numbers too large for the database answer 404 (URLs) or 400 (query strings), never 500."""

import pytest
from werkzeug.routing import AnyConverter, IntegerConverter

from foi.web.numbers import DB_INT_MAX
from tests.factories import file_request, make_agency, make_user

TOO_BIG = 2**63  # one past the largest 64-bit id; SQLite cannot even bind it


def _int_rules(app):
    for rule in app.url_map.iter_rules():
        if any(isinstance(c, IntegerConverter) for c in rule._converters.values()):
            yield rule


def _url(rule, reference: str) -> str:
    values = {}
    for name, converter in rule._converters.items():
        if isinstance(converter, IntegerConverter):
            values[name] = TOO_BIG
        elif isinstance(converter, AnyConverter):
            values[name] = sorted(converter.items)[0]
        else:
            values[name] = reference if name == "reference" else "x"
    return rule.build(values)[1]


def test_every_route_with_a_number_answers_404_for_one_past_the_largest(app, client, login):
    """Each role reaches its own pages with a number too large for the database: a 404."""
    agency = make_agency()
    citizen = make_user("citizen")
    reference = file_request(citizen, agency).reference
    people = [
        make_user("admin"),
        make_user("coordinator", agency=agency),
        make_user("officer", agency=agency),
        make_user("ombudsman"),
        citizen,
    ]
    rules = list(_int_rules(app))
    assert len(rules) >= 15  # the walk reaches the routes, not an empty map
    for person in people:
        login(person)
        for rule in rules:
            url = _url(rule, reference)
            response = client.get(url) if "GET" in rule.methods else client.post(url, data={})
            assert response.status_code == 404, (person.role, url, response.status_code)


@pytest.mark.parametrize("number", [DB_INT_MAX, DB_INT_MAX + 1, 2**63 - 1])
def test_numbers_at_the_edge_of_the_database_are_not_found(client, login, number):
    login(make_user("admin"))
    assert client.get(f"/admin/users/{number}").status_code == 404
    assert client.get(f"/admin/agencies/{number}").status_code == 404


@pytest.mark.parametrize("value", [str(TOO_BIG), "²", "-3", "1e9", "99999999999999999999999"])
def test_public_filters_ignore_numbers_the_database_cannot_hold(client, value):
    make_agency()
    for url in (
        f"/archive?agency={value}&year={value}&page={value}",
        f"/archive/similar?q=budget&agency={value}",
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("value", [str(TOO_BIG), "²", "0", "abc"])
def test_staff_lists_answer_400_for_a_page_number_that_is_not_one(client, login, value):
    agency = make_agency()
    login(make_user("admin"))
    assert client.get(f"/admin/users?page={value}").status_code == 400
    assert client.get(f"/admin/users?agency={value}").status_code == (200 if value == "0" else 400)
    assert client.get(f"/admin/outbox?page={value}").status_code == 400
    login(make_user("officer", agency=agency))
    assert client.get(f"/officer/?page={value}").status_code == 400
    assert client.get("/officer/?page=2").status_code == 200


def test_calendar_year_past_any_calendar_shows_the_nearest(client, login):
    login(make_user("admin"))
    assert client.get("/admin/calendar?year=²").status_code == 200
    assert client.get(f"/admin/calendar?year={TOO_BIG}").status_code == 200


@pytest.mark.parametrize("number", [DB_INT_MAX + 1, TOO_BIG, 10**18])
def test_the_api_filter_by_an_agency_number_no_database_holds_matches_nothing(client, number):
    make_agency()
    response = client.get(f"/api/v1/requests?agency={number}")
    assert response.status_code == 200 and response.get_json()["total"] == 0
