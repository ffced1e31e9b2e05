"""The officer's queue search folds as the archive does and finds requests by who sent them."""

import pytest

from foi.models.base import utcnow
from foi.services import answering
from foi.services.selectors import officer_queue
from tests.documents_web.helpers import in_english
from tests.factories import file_request, make_agency, make_user


@pytest.fixture
def desk(app):
    agency, other = make_agency(), make_agency()
    leyla = make_user("citizen", display_name="Leyla Məmmədova", email="leyla.m@example.az")
    tural = make_user("citizen", display_name="Tural Əliyev", email="tural@example.az")
    officer = make_user("officer", agency)
    roads = file_request(leyla, agency, subject="Şəki rayonunda yollar", body="Təmir planı.")
    budget = file_request(tural, agency, subject="Büdcə", body="İSMAYILLI üzrə xərclər.")
    answering.request_answer(
        actor=officer, req=budget, outcome="given", text="Gəncə şəhəri üçün cədvəl əlavə olunur."
    )
    elsewhere = file_request(leyla, other, subject="Şəki teatrı", body="Biletlər.")
    return {
        "officer": officer,
        "other_officer": make_user("officer", other),
        "roads": roads,
        "budget": budget,
        "elsewhere": elsewhere,
    }


def found(user, q):
    page = officer_queue(user, status="all", q=q, now=utcnow())
    return {r.reference for r in page.items}


@pytest.mark.parametrize("q", ["seki", "ŞƏKİ", "Şəki", "SEKI", "şeki"])
def test_seki_finds_seki_however_it_is_typed(desk, q):
    assert found(desk["officer"], q) == {desk["roads"].reference}


def test_capital_dotted_and_dotless_i_meet(desk):
    assert found(desk["officer"], "ismayıllı") == {desk["budget"].reference}
    assert found(desk["officer"], "İsmayilli") == {desk["budget"].reference}


def test_found_by_reference_in_any_case(desk):
    reference = desk["budget"].reference
    assert found(desk["officer"], reference.lower()) == {reference}


def test_found_by_words_of_the_answer(desk):
    assert found(desk["officer"], "gence cedvel") == {desk["budget"].reference}


def test_every_word_must_be_found(desk):
    assert found(desk["officer"], "seki gence") == set()


def test_found_by_the_requesters_name_or_e_mail(desk):
    assert found(desk["officer"], "memmedova") == {desk["roads"].reference}
    assert found(desk["officer"], "Aliyev") == set()  # Əliyev folds to eliyev, not aliyev
    assert found(desk["officer"], "eliyev") == {desk["budget"].reference}
    assert found(desk["officer"], "TURAL@EXAMPLE.AZ") == {desk["budget"].reference}


def test_never_finds_another_agencys_request(desk):
    assert found(desk["other_officer"], "seki") == {desk["elsewhere"].reference}
    assert found(desk["other_officer"], "leyla.m@example.az") == {desk["elsewhere"].reference}
    assert found(desk["other_officer"], desk["roads"].reference) == set()


def test_the_queue_page_finds_seki_among_all_statuses(desk, login):
    client = in_english(login(desk["officer"]))
    page = client.get("/officer/?q=seki&status=all").get_data(as_text=True)
    assert desk["roads"].reference in page
    assert desk["budget"].reference not in page and desk["elsewhere"].reference not in page
    answered = client.get("/officer/?q=gence&status=all").get_data(as_text=True)
    assert desk["budget"].reference in answered
