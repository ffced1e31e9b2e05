"""Routing suggestions: real request texts reach the agency that holds the information."""

import pytest

from foi.agency_suggest import AgencyProfile, Suggestion, suggest_agencies
from foi.demo.agencies import load_default_agencies


@pytest.fixture(scope="module")
def directory():
    """Return the shipped directory as routing profiles and a map from id to slug."""
    rows = load_default_agencies()
    profiles = [row.profile(agency_id) for agency_id, row in enumerate(rows, start=1)]
    slugs = {agency_id: row.slug for agency_id, row in enumerate(rows, start=1)}
    return profiles, slugs


def best(directory, text, limit=3):
    profiles, slugs = directory
    return [slugs[s.agency_id] for s in suggest_agencies(text, profiles, limit=limit)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Azerbaijani, with the endings the language adds to stems.
        ("2024-cü ildə fiziki şəxslərdən yığılan gəlir vergisinin məbləği nə qədər olub?", {"tax"}),
        ("VERGİ borcu olan sahibkarların sayı barədə məlumat verməyinizi xahiş edirəm", {"tax"}),
        ("Sabunçu rayonundakı 145 nömrəli məktəbdə neçə müəllim çatışmır?", {"science-education"}),
        ("Şəki rayon mərkəzi xəstəxanasında neçə həkim və tibb bacısı işləyir?", {"health"}),
        (
            "Yaşa görə əmək pensiyasının orta məbləği 2025-ci ildə nə qədər olub?",
            {"social-protection-fund", "labour"},
        ),
        ("Qəbələ-Şəki avtomobil yolunun təmirinə nə qədər vəsait xərclənib?", {"roads"}),
        ("Bakıda 2024-cü ildə neçə avtobus marşrutu ləğv edilib?", {"land-transport"}),
        ("Gömrükdə saxlanılan poçt bağlamalarının sayı və saxlanma qaydaları", {"customs"}),
        ("Kəlbəcər rayonunda minalardan təmizlənmiş ərazilərin sahəsi", {"anama"}),
        ("Qida Təhlükəsizliyi Agentliyi restoranlarda neçə yoxlama aparıb?", {"food-safety"}),
        ("Uşaq bağçalarında yerlərin çatışmazlığı barədə statistik məlumat", {"science-education"}),
        ("Gəncə şəhərində yaşıllıq zolağında ağacların kəsilməsinə kim icazə verib?", {"ecology"}),
        (
            "Məcburi köçkün ailələrinin Böyük Qayıdış proqramı üzrə köçürülmə qrafiki",
            {"refugees-idps"},
        ),
        (
            "İcbari tibbi sığorta ilə ödənilən xidmətlər zərfinə hansı əməliyyatlar daxildir?",
            {"health-insurance"},
        ),
        # English.
        ("How many hospital beds per 10,000 people were there in Ganja in 2024?", {"health"}),
        ("Please send the list of schools renovated in Baku since 2022.", {"science-education"}),
        ("What was the total VAT refunded to exporters last year?", {"tax"}),
        ("Number of residence permits issued to foreigners in 2025", {"migration"}),
        # Russian, with its inflections.
        ("Прошу сообщить размер налоговой задолженности предприятий Сумгайыта", {"tax"}),
        ("Сколько школ построено в Гяндже в 2023 году?", {"science-education"}),
        ("Сколько больниц отремонтировано за последние пять лет?", {"health"}),
        ("Размер средней трудовой пенсии по возрасту в 2024 году", {"social-protection-fund"}),
        ("Планы ремонта автомобильных дорог в Ленкоранском районе", {"roads"}),
    ],
)
def test_request_text_routes_to_the_agency_that_holds_the_information(directory, text, expected):
    assert best(directory, text)[0] in expected


def test_folding_makes_case_and_azerbaijani_letters_irrelevant(directory):
    assert best(directory, "VERGİ")[0] == best(directory, "vergi")[0] == "tax"
    assert best(directory, "xestexana")[0] == best(directory, "XƏSTƏXANA")[0] == "health"


@pytest.mark.parametrize("text", ["asdkjh qwe zxcvb", "", "   ", "Salam! Hello. Привет!", "12345"])
def test_text_without_any_keyword_gets_no_suggestion(directory, text):
    assert best(directory, text) == []


def test_suggestions_explain_themselves_and_come_best_first(directory):
    profiles, slugs = directory
    result = suggest_agencies(
        "Məktəb binasının təmiri zamanı yanğın təhlükəsizliyi qaydalarına əməl edilibmi?",
        profiles,
    )
    assert [s.score for s in result] == sorted((s.score for s in result), reverse=True)
    assert {slugs[s.agency_id] for s in result} >= {"science-education", "emergency"}
    assert all(s.matched for s in result)


def test_limit_caps_the_number_of_suggestions(directory):
    text = "vergi məktəb xəstəxana pensiya gömrük yol avtobus"
    assert len(best(directory, text, limit=2)) == 2
    assert best(directory, text, limit=0) == []


AGENCIES = [
    AgencyProfile(1, "Tax", ["vergi", "ƏDV"], ["finance"]),
    AgencyProfile(2, "Finance", ["büdcə", "finance"], ["finance"]),
    AgencyProfile(3, "Culture", ["muzey", "mina="], []),
]


def test_keyword_stem_matches_agglutinated_forms_only_at_word_start():
    assert suggest_agencies("vergilərdən azad olunma", AGENCIES)[0].agency_id == 1
    assert suggest_agencies("ədalətli mübahisə", AGENCIES) == []  # "vergi" is not inside it


def test_acronyms_and_keywords_ending_in_equals_match_whole_words_only():
    assert suggest_agencies("ƏDV-nin qaytarılması", AGENCIES)[0].agency_id == 1
    assert suggest_agencies("edvard", AGENCIES) == []
    assert suggest_agencies("mina", AGENCIES)[0].agency_id == 3
    assert suggest_agencies("minarə", AGENCIES) == []


def test_keyword_shared_by_many_agencies_counts_less_than_a_rare_one():
    agencies = [
        AgencyProfile(1, "A", ["hesabat", "audit"]),
        AgencyProfile(2, "B", ["hesabat"]),
        AgencyProfile(3, "C", ["hesabat"]),
        AgencyProfile(4, "D", ["vergi"]),
    ]
    result = suggest_agencies("audit hesabatı", agencies)
    assert result[0] == Suggestion(1, result[0].score, ("audit", "hesabat"))
    shared = suggest_agencies("hesabat", agencies)[0].score
    rare = suggest_agencies("vergi", agencies)[0].score
    assert rare > shared


def test_topic_words_count_less_than_keywords_but_still_route():
    agencies = [AgencyProfile(1, "A", ["maliyyə"]), AgencyProfile(2, "B", [], ["maliyyə"])]
    result = suggest_agencies("maliyyə hesabatı", agencies)
    assert [s.agency_id for s in result] == [1, 2]
    assert result[0].score > result[1].score
