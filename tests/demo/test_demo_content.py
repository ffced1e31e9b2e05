"""Demo requests: deterministic, consistent with their state, and routed where they belong."""

import re
from collections import Counter

import pytest

from foi.agency_suggest import suggest_agencies
from foi.demo.agencies import load_default_agencies
from foi.demo.content import ANSWERED_STATES, OUTCOMES, STATES, TEMPLATES, demo_requests

OPEN_STATES = ("awaiting", "overdue", "clarification", "transferred", "extended", "withdrawn")


@pytest.fixture(scope="module")
def requests():
    return demo_requests()


@pytest.fixture(scope="module")
def slugs():
    return {row.slug for row in load_default_agencies()}


def test_same_seed_gives_the_same_requests_and_another_seed_other_ones():
    assert demo_requests(seed=7, count=30) == demo_requests(seed=7, count=30)
    assert demo_requests(seed=7, count=30) != demo_requests(seed=8, count=30)
    assert len(demo_requests(count=5)) == 5
    assert demo_requests(count=0) == []


def test_two_hundred_requests_by_default_spread_over_most_agencies(requests, slugs):
    assert len(requests) == 200
    assert {r.agency_slug for r in requests} <= slugs
    assert len({r.agency_slug for r in requests}) >= 35


def test_most_requests_are_in_azerbaijani_some_in_english_and_russian(requests):
    languages = Counter(r.lang for r in requests)
    assert languages["az"] > 0.6 * len(requests)
    assert languages["en"] >= 10 and languages["ru"] >= 10
    for r in requests:
        if r.lang == "az":
            assert re.search("[əğıöüçşƏĞIÖÜÇŞ]", r.body), r.subject
        if r.lang == "ru":
            assert re.search("[а-яА-Я]", r.body), r.subject


def test_every_state_occurs_and_outcomes_match_the_state(requests):
    assert {r.state for r in requests} == set(STATES)
    for r in requests:
        if r.state in ANSWERED_STATES:
            assert r.outcome in OUTCOMES and r.answer
            assert 0 <= r.days_ago_answered <= r.days_ago_filed
        else:
            assert r.outcome is None and r.answer == "" and r.days_ago_answered is None
        if r.state == "refused_published":
            assert r.outcome == "refused"
        if r.state == "published":
            assert r.outcome in ("given", "partial", "not_held")


def test_officer_notes_and_transfers_accompany_the_states_that_need_them(requests, slugs):
    for r in requests:
        needs_note = r.state in ("clarification", "extended", "transferred", "withdrawn")
        assert bool(r.officer_note) == needs_note, r.state
        if r.state == "transferred":
            assert r.transfer_to in slugs and r.transfer_to != r.agency_slug
        else:
            assert r.transfer_to is None


def test_overdue_requests_are_older_than_the_seven_working_day_limit(requests):
    assert all(r.days_ago_filed >= 12 for r in requests if r.state == "overdue")


def test_refusals_give_the_article_and_the_right_to_go_to_court(requests):
    refusals = [r for r in requests if r.outcome == "refused"]
    assert refusals
    for r in refusals:
        assert re.search(r"\b(21\.2\.\d|38)\b", r.answer)
        assert re.search("məhkəmə|court|суд", r.answer)


def test_texts_have_no_unfilled_placeholders_and_correct_year_suffixes(requests):
    for r in requests:
        for text in (r.subject, r.body, r.answer, r.officer_note):
            assert "{" not in text and "}" not in text
            # Azerbaijani vowel harmony: 2023-cü and 2024-cü, but 2021-ci and 2022-ci.
            assert not re.search(r"202[34]-ci|202[12]-cü", text)


def test_requesters_have_a_full_name_and_a_unique_ascii_address(requests):
    emails = [r.requester_email for r in requests]
    assert len(set(emails)) == len(emails)
    for r in requests:
        assert len(r.requester_name.split()) == 2
        assert r.requester_email.isascii() and r.requester_email.endswith("@example.org")


def test_urgent_requests_are_a_few_and_say_why(requests):
    urgent = [r for r in requests if r.urgent]
    assert 0 < len(urgent) < len(requests) / 4
    assert all(re.search("həyat|life|жизн", r.body) for r in urgent)


def test_every_template_is_routed_to_its_own_agency_by_the_shipped_directory():
    rows = load_default_agencies()
    profiles = [row.profile(agency_id) for agency_id, row in enumerate(rows)]
    misrouted = []
    for template in TEMPLATES:
        best = suggest_agencies(f"{template.subject}\n{template.body}", profiles, limit=1)
        if not best or rows[best[0].agency_id].slug != template.agency_slug:
            misrouted.append(template.subject)
    assert misrouted == []


def test_not_held_answers_and_transfers_point_to_another_real_agency(requests, slugs):
    names = {row.slug: row.name_az for row in load_default_agencies()}
    for template in TEMPLATES:
        assert template.alt is None or (
            template.alt in slugs and template.alt != template.agency_slug
        )
    not_held = [r for r in requests if r.outcome == "not_held"]
    assert not_held
    for r in not_held:
        assert r.agency_slug in {t.agency_slug for t in TEMPLATES if t.alt}
        if r.lang == "az":
            assert any(name in r.answer for slug, name in names.items() if slug != r.agency_slug)
