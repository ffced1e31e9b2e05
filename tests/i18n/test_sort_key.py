"""Agency lists follow the reader's alphabet."""

import random

import pytest

from foi.i18n import collate, sort_key
from tests.factories import make_agency, make_user
from tests.i18n.conftest import sign_in

# Each pair differs at the letter the Azerbaijani alphabet places differently from Unicode order.
AZ_ORDER = [
    "Auditorlar Palatası",
    "“Azərişıq” ASC",  # quotes do not count
    "Cənub Regional İdarəsi",
    "Çay Komitəsi",  # ç after c
    "Dövlət Vergi Xidməti",
    "Ekologiya Nazirliyi",
    "Ədliyyə Nazirliyi",  # ə after e
    "Fövqəladə Hallar Nazirliyi",
    "Gənclər və İdman Nazirliyi",
    "Hərbi Prokurorluq",
    "Xarici İşlər Nazirliyi",  # x after h
    "Işıq Mərkəzi",  # ı before i (capital I is dotless in Azerbaijani)
    "İqtisadiyyat Nazirliyi",
    "Kənd Təsərrüfatı Nazirliyi",
    "Qaz Təchizatı",  # q after k
    "Lənkəran Rayon İcra Hakimiyyəti",
    "Orta İxtisas Təhsili",
    "Ölkə Statistika Komitəsi",  # ö after o
    "Səhiyyə Nazirliyi",
    "Şəhərsalma Komitəsi",  # ş after s
    "Təhsil Nazirliyi",
    "Urbanizasiya Agentliyi",
    "Üzüm Fondu",  # ü after u
    "Vergi Xidməti",
    "Yol Agentliyi",
    "Zəngilan Rayonu",
]
RU_ORDER = [
    "Агентство",
    "еда",
    "Ёлка",
    "Есенин",
    "Министерство",
    "Служба",
    "Яблоко",
    "ASAN xidmət",
    "DOST Mərkəzi",
]


def shuffled(names: list[str]) -> list[str]:
    copy = list(names)
    random.Random(5).shuffle(copy)
    return copy


def test_azerbaijani_alphabet():
    assert sorted(shuffled(AZ_ORDER), key=lambda t: sort_key(t, "az")) == AZ_ORDER


def test_unicode_order_would_be_wrong():
    assert sorted(AZ_ORDER) != AZ_ORDER  # the test above proves something


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Agentlik", "Ağdam"),
        ("Ağdam", "Ahıska"),
        ("ıslaq", "iş"),
        ("IŞIQ", "İŞ"),
        ("kənd", "Qəbələ"),
        ("Ordubad", "Özbəkistan"),
        ("Sabirabad", "Şabran"),
        ("Ucar", "Ümid"),
        ("Heydər", "Xaçmaz"),
        ("Xızı", "İsmayıllı"),
        ("Bakı", "Bakı Metropoliteni"),
        ("Göyçay", "Göygöl"),
    ],
)
def test_azerbaijani_pairs(before, after):
    assert sort_key(before, "az") < sort_key(after, "az")


def test_case_does_not_split_the_list():
    names = ["bakı", "Bakı Şəhər", "Abşeron", "abad"]
    assert sorted(names, key=lambda t: sort_key(t, "az")) == [
        "abad",
        "Abşeron",
        "bakı",
        "Bakı Şəhər",
    ]


def test_russian_alphabet_with_yo_beside_ye_then_latin():
    assert sorted(shuffled(RU_ORDER), key=lambda t: sort_key(t, "ru")) == RU_ORDER


def test_english_order_folds_accents_and_case():
    names = ["zoo", "Éclair", "apple", "Banana", "Ədliyyə"]
    assert sorted(names, key=lambda t: sort_key(t, "en")) == [
        "apple",
        "Banana",
        "Éclair",
        "Ədliyyə",
        "zoo",
    ]


def test_collate_calls_a_name_method_with_the_locale():
    class Agency:
        def __init__(self, az, ru):
            self.names = {"az": az, "ru": ru}

        def name(self, locale):
            return self.names[locale]

    agencies = [Agency("Çay", "Чай"), Agency("Cəmiyyət", "Общество")]
    assert [a.name("az") for a in collate(agencies, "name", "az")] == ["Cəmiyyət", "Çay"]
    assert [a.name("ru") for a in collate(agencies, "name", "ru")] == ["Общество", "Чай"]


@pytest.fixture
def az_agencies(app):
    names = [
        "Çay Komitəsi",
        "Zəngilan Rayonu",
        "Ədliyyə Nazirliyi",
        "Cənub İdarəsi",
        "İqtisadiyyat Nazirliyi",
        "Xarici İşlər Nazirliyi",
        "Ekologiya Nazirliyi",
    ]
    for n, name in enumerate(names):
        make_agency(slug=f"a{n}", name_az=name, name_en=f"Agency {name}")
    return [
        "Cənub İdarəsi",
        "Çay Komitəsi",
        "Ekologiya Nazirliyi",
        "Ədliyyə Nazirliyi",
        "Xarici İşlər Nazirliyi",
        "İqtisadiyyat Nazirliyi",
        "Zəngilan Rayonu",
    ]


def order_on_page(html: str, names: list[str]) -> list[str]:
    return sorted(names, key=html.index)


def test_public_agency_list_in_azerbaijani_order(visitor, az_agencies):
    html = visitor.get("/agencies").get_data(as_text=True)
    assert order_on_page(html, az_agencies) == az_agencies


def test_agency_choice_of_the_request_form_in_azerbaijani_order(visitor, az_agencies):
    sign_in(visitor, make_user("citizen", locale="az"))
    html = visitor.get("/requests/new").get_data(as_text=True)
    assert order_on_page(html, az_agencies) == az_agencies


def test_admin_agency_list_in_azerbaijani_order(visitor, az_agencies):
    sign_in(visitor, make_user("admin", locale="az"))
    html = visitor.get("/admin/agencies").get_data(as_text=True)
    assert order_on_page(html, az_agencies) == az_agencies


def test_archive_filter_lists_agencies_in_azerbaijani_order(visitor, az_agencies):
    html = visitor.get("/archive").get_data(as_text=True)
    assert order_on_page(html, az_agencies) == az_agencies
