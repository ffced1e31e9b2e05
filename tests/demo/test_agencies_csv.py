"""The agency directory CSV: the shipped file is complete, and bad files are refused clearly."""

import io
import re

import pytest

from foi.agency_suggest import parse_keyword
from foi.demo.agencies import DEFAULT_CSV, load_default_agencies
from foi.services.agency_import import AgencyCsvError, load_agencies_csv
from foi.topics import TOPICS

HEADER = (
    "slug,name_az,name_en,name_ru,kind,description_az,description_en,topics,keywords,"
    "website,email,notes\n"
)
GOOD = (
    "justice,Ədliyyə Nazirliyi,Ministry of Justice,Министерство юстиции,ministry,"
    '"Ədliyyə, notariat.",Justice.,justice,ədliyyə;notari,https://justice.gov.az,'
    "info@justice.gov.az,\n"
)


def load(text):
    return load_agencies_csv(io.StringIO(text))


def error_of(text):
    with pytest.raises(AgencyCsvError) as caught:
        load(text)
    return caught.value


def test_shipped_directory_has_at_least_35_central_bodies_with_unique_slugs():
    rows = load_default_agencies()
    assert len(rows) >= 35
    assert len({row.slug for row in rows}) == len(rows)


def test_every_shipped_agency_is_named_and_described_in_azerbaijani_english_and_russian():
    for row in load_default_agencies():
        assert row.name_az and row.name_en and row.name_ru, row.slug
        assert row.description_az and row.description_en and row.description_ru, row.slug
        assert re.search("[а-яё]", row.description_ru), row.slug
        assert row.keywords and row.topics, row.slug


def test_shipped_directory_covers_each_kind_and_the_agencies_named_in_the_brief():
    rows = {row.slug: row for row in load_default_agencies()}
    assert {row.kind for row in rows.values()} == {"ministry", "committee", "service", "agency"}
    for slug in (
        "justice",
        "finance",
        "health",
        "science-education",
        "tax",
        "customs",
        "social-protection-fund",
        "asan",
        "health-insurance",
        "roads",
        "exam-centre",
    ):
        assert slug in rows
    assert rows["science-education"].name_az == "Elm və Təhsil Nazirliyi"


def test_shipped_addresses_are_on_the_agencys_own_gov_az_domain():
    for row in load_default_agencies():
        if row.email:
            domain = row.email.split("@")[1]
            assert domain.endswith(".az"), row.slug
            assert domain.split(".")[0] in row.website, row.slug
        else:
            assert "not verified" in row.notes, row.slug  # blank only when said why


def test_every_topic_of_the_directory_is_defined_and_labelled_in_three_languages():
    used = {code for row in load_default_agencies() for code in row.topics}
    assert used <= set(TOPICS)
    for topic in TOPICS.values():
        assert topic.az and topic.en and topic.ru


def test_loading_accepts_a_path_a_text_stream_and_a_binary_stream_with_bom():
    by_path = load_agencies_csv(DEFAULT_CSV)
    with open(DEFAULT_CSV, encoding="utf-8") as stream:
        assert load_agencies_csv(stream) == by_path
    binary = io.BytesIO(("\ufeff" + HEADER + GOOD).encode("utf-8"))
    assert [row.slug for row in load_agencies_csv(binary)] == ["justice"]
    assert not binary.closed


def test_good_row_is_read_with_lists_split_and_cells_trimmed():
    (row,) = load(HEADER + GOOD + "\n\n")
    assert row.keywords == ("ədliyyə", "notari")
    assert row.topics == ("justice",)
    assert row.description_az == "Ədliyyə, notariat."
    assert row.line_no == 2


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (GOOD.replace("Ədliyyə Nazirliyi,", ",", 1), "column 'name_az' is empty"),
        (GOOD.replace("Ministry of Justice,", ",", 1), "column 'name_en' is empty"),
        (GOOD.replace("justice,Ə", "Ədliyyə,Ə", 1), "slug 'Ədliyyə' is not valid"),
        (GOOD.replace(",ministry,", ",department,"), "unknown kind 'department'"),
        (GOOD.replace(",justice,ədliyyə", ",justice;weather,ədliyyə"), "unknown topic 'weather'"),
        (GOOD.replace("https://justice.gov.az", "justice.gov.az"), "is not an http"),
        (GOOD.replace("info@justice.gov.az", "info at justice"), "e-mail address"),
        (GOOD.replace("notari", "no=tari"), "keyword 'no=tari' is not valid"),
        (GOOD.replace("gov.az,\n", "gov.az\n"), "expected 12 cells, found 11"),
    ],
)
def test_bad_row_is_refused_with_its_line_and_reason(row, expected):
    error = error_of(HEADER + GOOD.replace("justice,", "other,", 1) + row)
    assert error.line_no == 3
    assert expected in error.message
    assert str(error).startswith("line 3: ")


def test_duplicate_slug_names_the_line_of_the_first_use():
    error = error_of(HEADER + GOOD + GOOD)
    assert (error.line_no, error.message) == (
        3,
        "duplicate slug 'justice', already used on line 2 (agency 'justice')",
    )


def test_line_numbers_count_physical_lines_inside_quoted_cells():
    multiline = GOOD.replace('"Ədliyyə, notariat."', '"Ədliyyə,\nnotariat."')
    error = error_of(HEADER + multiline + GOOD.replace(",ministry,", ",bureau,"))
    assert error.line_no == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        (HEADER.replace("name_en", "name_eng"), "unknown column 'name_eng'"),
        (HEADER.replace("kind,", ""), "missing required column 'kind'"),
        (HEADER.replace("notes", "notes,notes"), "column 'notes' appears twice"),
        (HEADER.replace(",", ";"), "save the file as comma-separated CSV"),
    ],
)
def test_bad_header_is_refused_on_line_1(text, expected):
    error = error_of(text)
    assert error.line_no == 1
    assert expected in error.message


def test_file_that_is_not_utf8_is_refused_with_a_hint():
    binary = io.BytesIO((HEADER + GOOD).encode("cp1251", errors="replace"))
    with pytest.raises(AgencyCsvError, match="not UTF-8"):
        load_agencies_csv(binary)


def test_every_shipped_keyword_parses_for_routing():
    for row in load_default_agencies():
        for keyword in row.keywords:
            assert parse_keyword(keyword) is not None, (row.slug, keyword)
