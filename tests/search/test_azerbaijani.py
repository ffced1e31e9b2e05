"""Azerbaijani, Russian and English text: case folding and search without diacritics."""

import pytest


def ids(results):
    return [hit.request_id for hit in results.hits]


@pytest.fixture
def cities(add, doc):
    add(
        doc(1, "Şəhər nəqliyyatı", "Bakı şəhərində avtobus marşrutlarının sayı nə qədərdir?"),
        doc(2, "Səhər növbəsi", "Səhər saat səkkizdə işə başlayan həkimlərin sayı."),
        doc(3, "Seher bazari", "Seher merkezindeki bazarin icare muqavilesi."),
        doc(4, "İNFORMASİYA SORĞUSU", "DÖVLƏT QULLUQÇULARININ SAYI HAQQINDA"),
        doc(5, "Işıqlandırma", "Küçə IŞIQLARININ dəyişdirilməsi üçün müqavilə."),
        doc(6, "Information request", "INFORMATION ABOUT CITY LIGHTING"),
        doc(7, "Налоги на ёлки", "Прошу предоставить информацию о налогах."),
    )


def test_query_without_diacritics_finds_the_azerbaijani_word(cities, search):
    assert set(ids(search("seher"))) == {1, 2, 3}


def test_exact_spelling_ranks_above_folded_matches(cities, search):
    assert ids(search("seher"))[0] == 3
    assert ids(search("şəhər"))[0] == 1
    assert ids(search("səhər"))[0] == 2


def test_capital_dotted_i_folds_to_i(cities, search):
    assert ids(search("informasiya")) == [4]
    assert ids(search("İnformasiya")) == [4]
    assert ids(search("dövlət qulluqçularının")) == [4]


def test_capital_dotless_i_folds_to_dotless_i(cities, search):
    assert ids(search("işıqlarının")) == [5]
    assert ids(search("ISIQLARININ")) == [5]
    assert ids(search("bakı")) == [1]
    assert ids(search("BAKI")) == [1]


def test_english_capital_i_is_still_i(cities, search):
    assert ids(search("information")) == [6]
    assert ids(search("INFORMATION lighting")) == [6]


def test_russian_case_and_yo(cities, search):
    assert ids(search("НАЛОГАХ")) == [7]
    assert ids(search("елки")) == [7]
    assert ids(search("налог*")) == [7]


def test_snippet_marks_words_found_without_diacritics(cities, search):
    hit = search("seher sayi", sort="newest").hits[0]
    assert hit.request_id == 2
    assert "<mark>Səhər</mark>" in hit.snippet
    assert "<mark>sayı</mark>" in hit.snippet
