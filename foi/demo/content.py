"""Realistic, deterministic demo requests: who asked whom what, and where each request ended up.

Only data: turning these into database rows, events and deadlines is the job of the demo loader
in the services layer. The same seed always gives the same requests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from foi.demo import answers
from foi.demo.agencies import load_default_agencies
from foi.demo.names import person_name
from foi.demo.requests_az import TEMPLATES_AZ
from foi.demo.requests_en_ru import TEMPLATES_EN, TEMPLATES_RU
from foi.demo.template import RequestTemplate
from foi.text import fold

TEMPLATES: tuple[RequestTemplate, ...] = TEMPLATES_AZ + TEMPLATES_EN + TEMPLATES_RU

OUTCOMES = ("given", "partial", "refused", "not_held")
STATES = (
    "awaiting",
    "overdue",
    "clarification",
    "transferred",
    "extended",
    "answered_pending_approval",
    "published",
    "refused_published",
    "withdrawn",
)
ANSWERED_STATES = ("answered_pending_approval", "published", "refused_published")

# (state, weight, (fewest, most) days since filing). Answered requests are mostly old; open
# ones recent, except overdue ones, which by definition have passed the 7 working days of
# art. 24.1 of the law.
_STATE_PLAN = (
    ("awaiting", 14, (0, 6)),
    ("overdue", 9, (12, 60)),
    ("clarification", 7, (2, 15)),
    ("transferred", 6, (1, 8)),
    ("extended", 7, (8, 20)),
    ("answered_pending_approval", 10, (3, 14)),
    ("published", 35, (10, 400)),
    ("refused_published", 8, (10, 400)),
    ("withdrawn", 4, (5, 120)),
)
_PUBLISHED_OUTCOMES = (("given", 60), ("partial", 25), ("not_held", 15))
_LANG_WEIGHTS = (("az", 75), ("en", 12), ("ru", 13))
_URGENT_SHARE = 0.2
# Art. 24.2 of the law shortens the time limit to 24 hours when the information concerns a
# threat to life or health: only requests to these agencies can plausibly claim that.
_URGENT_AGENCIES = frozenset({"health", "emergency", "food-safety", "ecology", "roads", "anama"})

# (nominative, locative, English, Russian with its preposition)
PLACES = (
    ("Bakı şəhəri", "Bakı şəhərində", "Baku", "в Баку"),
    ("Gəncə şəhəri", "Gəncə şəhərində", "Ganja", "в Гяндже"),
    ("Sumqayıt şəhəri", "Sumqayıt şəhərində", "Sumgayit", "в Сумгайыте"),
    ("Mingəçevir şəhəri", "Mingəçevir şəhərində", "Mingachevir", "в Мингячевире"),
    ("Şirvan şəhəri", "Şirvan şəhərində", "Shirvan", "в Ширване"),
    ("Şəki rayonu", "Şəki rayonunda", "Shaki", "в Шекинском районе"),
    ("Lənkəran rayonu", "Lənkəran rayonunda", "Lankaran", "в Ленкоранском районе"),
    ("Quba rayonu", "Quba rayonunda", "Guba", "в Губинском районе"),
    ("Şamaxı rayonu", "Şamaxı rayonunda", "Shamakhi", "в Шамахинском районе"),
    ("Qəbələ rayonu", "Qəbələ rayonunda", "Gabala", "в Габалинском районе"),
    ("Masallı rayonu", "Masallı rayonunda", "Masalli", "в Масаллинском районе"),
    ("Bərdə rayonu", "Bərdə rayonunda", "Barda", "в Бардинском районе"),
    ("Xaçmaz rayonu", "Xaçmaz rayonunda", "Khachmaz", "в Хачмазском районе"),
)

# Azerbaijani ordinal suffixes follow the vowel of the last spoken word of the number:
# iyirmi bir -> 2021-ci, iyirmi üç -> 2023-cü.
_YEAR_SUFFIX = {2021: "ci", 2022: "ci", 2023: "cü", 2024: "cü"}


@dataclass(frozen=True)
class DemoRequest:
    """One demo request with its requester, its final state and, if answered, the answer."""

    agency_slug: str
    subject: str
    body: str
    lang: str
    urgent: bool
    requester_name: str
    requester_email: str
    state: str
    outcome: str | None
    answer: str
    days_ago_filed: int
    days_ago_answered: int | None
    transfer_to: str | None
    officer_note: str


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights=weights, k=1)[0]


def _email_for(name: str, index: int) -> str:
    local = ".".join(fold(name).split())
    return f"{local}.{index}@example.org"


def _fill(text: str, year: int, place: tuple[str, str, str, str]) -> str:
    return text.format(
        year=year,
        ilde=f"{year}-{_YEAR_SUFFIX[year]} ildə",
        place=place[0],
        place_loc=place[1],
        place_en=place[2],
        place_ru=place[3],
    )


def _compose_body(rng: random.Random, lang: str, core: str, urgent: bool) -> str:
    parts = [rng.choice(answers.OPENINGS[lang]), core]
    if urgent:
        parts.append(answers.URGENT[lang])
    parts.append(rng.choice(answers.CLOSINGS[lang]))
    return "\n\n".join(part for part in parts if part)


def _answer(rng, template, outcome, given, names) -> str:
    lang = template.lang
    if outcome == "given":
        return given
    if outcome == "partial":
        return answers.PARTIAL[lang].format(answer=given)
    if outcome == "refused":
        return rng.choice(answers.REFUSALS[lang])
    return answers.NOT_HELD[lang].format(agency=names[template.alt][lang])


def _one(rng: random.Random, index: int, template: RequestTemplate, names) -> DemoRequest:
    lang = template.lang
    state = _weighted(rng, ((s, w) for s, w, _ in _STATE_PLAN))
    if state == "transferred" and template.alt is None:
        state = "awaiting"  # nobody else holds this information
    low, high = next(days for s, _, days in _STATE_PLAN if s == state)
    urgent = template.agency_slug in _URGENT_AGENCIES and rng.random() < _URGENT_SHARE
    if urgent and state in ("awaiting", "clarification", "transferred"):
        low, high = 0, 1  # an urgent request is answered or late within a day or two
    days_ago = rng.randint(low, high)
    year = rng.choice(sorted(_YEAR_SUFFIX))
    place = rng.choice(PLACES)
    given = _fill(template.answer, year, place)

    outcome: str | None = None
    answer = ""
    note = ""
    transfer_to = None
    days_ago_answered = None
    if state == "published":
        outcome = _weighted(rng, _PUBLISHED_OUTCOMES)
    elif state == "refused_published":
        outcome = "refused"
    elif state == "answered_pending_approval":
        outcome = rng.choice(OUTCOMES)
    if outcome == "not_held" and template.alt is None:
        outcome = "given"  # "not held" needs another agency that plausibly holds it
    if outcome is not None:
        answer = _answer(rng, template, outcome, given, names)
        days_ago_answered = max(0, days_ago - rng.randint(1, max(1, min(9, days_ago))))
        if index % 4 == 0 and days_ago >= 30:
            # A real agency answers some requests late: 11 to 24 days after filing is past
            # the 7 working days of art. 24.1 (the statistics must show it, not hide it).
            days_ago_answered = days_ago - (11 + index % 14)
    if state == "clarification":
        note = rng.choice(answers.CLARIFICATIONS[lang])
    elif state == "extended":
        note = rng.choice(answers.EXTENSIONS[lang])
    elif state == "withdrawn":
        note = rng.choice(answers.WITHDRAWALS[lang])
    elif state == "transferred":
        transfer_to = template.alt
        note = answers.TRANSFERS[lang].format(agency=names[transfer_to][lang])

    name = person_name(rng)
    return DemoRequest(
        agency_slug=template.agency_slug,
        subject=_fill(template.subject, year, place),
        body=_compose_body(rng, lang, _fill(template.body, year, place), urgent),
        lang=lang,
        urgent=urgent,
        requester_name=name,
        requester_email=_email_for(name, index),
        state=state,
        outcome=outcome,
        answer=answer,
        days_ago_filed=days_ago,
        days_ago_answered=days_ago_answered,
        transfer_to=transfer_to,
        officer_note=note,
    )


def demo_requests(seed: int = 1, count: int = 200) -> list[DemoRequest]:
    """Return ``count`` demo requests, the same ones for the same ``seed``.

    Within a language every template is used before any is used twice, so even a small count
    covers many agencies; about three requests in four are in Azerbaijani.
    """
    # S311 is a false positive here: seeded for reproducible demo data, not for secrets.
    rng = random.Random(seed)  # noqa: S311
    names = {
        row.slug: {"az": row.name_az, "en": row.name_en, "ru": row.name_ru or row.name_az}
        for row in load_default_agencies()
    }
    by_lang = {lang: [t for t in TEMPLATES if t.lang == lang] for lang, _ in _LANG_WEIGHTS}
    pools: dict[str, list[RequestTemplate]] = {lang: [] for lang in by_lang}
    requests = []
    for index in range(count):
        lang = _weighted(rng, _LANG_WEIGHTS)
        if not pools[lang]:
            pools[lang] = list(by_lang[lang])
            rng.shuffle(pools[lang])
        requests.append(_one(rng, index, pools[lang].pop(), names))
    return requests
