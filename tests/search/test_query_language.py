"""Words, phrases, prefixes, exclusions and OR, as a person types them."""

import pytest


def ids(results):
    return sorted(hit.request_id for hit in results.hits)


@pytest.fixture
def taxes(add, doc):
    add(
        doc(1, "Torpaq vergisi", "Kənd təsərrüfatı torpaqlarına görə vergi dərəcələri."),
        doc(2, "Əmlak vergisi", "Bakı şəhərində fiziki şəxslərin əmlak vergiləri."),
        doc(3, "Icra hakimiyyəti", "Şəhər icra hakimiyyətinin strukturu və ştat cədvəli."),
        doc(4, "Hakimiyyət orqanları", "Yerli icra orqanları və bələdiyyə hakimiyyəti."),
        doc(5, "Property tax", "Please send the property tax rates for 2024."),
        doc(6, "Tax exemptions", "Which charities received a taxation exemption?"),
    )


def test_all_words_must_match(taxes, search):
    assert ids(search("əmlak vergiləri")) == [2]
    assert ids(search("property tax")) == [5]


def test_phrase_needs_the_words_in_order(taxes, search):
    assert ids(search('"icra hakimiyyəti"')) == [3]
    assert ids(search("icra hakimiyyəti")) == [3, 4]


def test_prefix_finds_every_ending(taxes, search):
    assert ids(search("vergi*")) == [1, 2]
    assert ids(search("tax*")) == [5, 6]
    assert ids(search("vergi")) == [1]


def test_exclusion_drops_documents_with_the_word(taxes, search):
    assert ids(search("vergi* -torpaq")) == [2]
    assert ids(search('hakimiyyəti -"icra hakimiyyətinin"')) == [4]


def test_exclusion_alone_lists_everything_else(taxes, search):
    results = search("-vergi*")
    assert 1 not in ids(results) and 2 not in ids(results)
    assert {3, 4, 5, 6} <= set(ids(results))


def test_or_finds_either_word(taxes, search):
    assert ids(search("torpaq OR charities")) == [1, 6]
    assert ids(search("vergi* property OR charities")) == []
    assert ids(search("tax* property OR charities")) == [5, 6]


def test_reference_number_is_searchable(taxes, search):
    assert ids(search("AZ-2025-000004")) == [4]


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        '""',
        '"unclosed phrase',
        "*",
        "**",
        "tax**",
        "NEAR(",
        "NEAR(tax vergi, 2)",
        "'",
        "' OR 1=1 --",
        ":",
        "title_exact:vergi",
        "&|!",
        "!!tax",
        "tax & | !",
        "(",
        ")(",
        "-",
        "- -",
        "OR",
        "OR OR tax",
        "tax OR",
        "AND NOT",
        "^tax",
        "{title_exact}: x",
        "\\",
        "\x00",
        "vergi:*",
        "'vergi':*A",
        "<->",
        "a" * 5000,
        " ".join(["vergi"] * 500),
        "🙂",
        "%_",
    ],
)
def test_hostile_queries_never_raise(taxes, search, hostile):
    results = search(hostile)
    assert results.total >= 0
    assert search(hostile, sort="newest", agency_id=1).total >= 0


def test_unparseable_query_degrades_to_its_words(taxes, search):
    assert ids(search('(torpaq: "vergi')) == [1]
    assert ids(search("NEAR(torpaq, vergi)")) == []  # "near" is a word like any other
    assert ids(search("(property) & tax!")) == [5]
