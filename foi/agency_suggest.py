"""Suggest which agencies should receive a request, from the words of the request.

Pure: no Flask, no database. The caller passes the agency profiles (from the directory) and the
request text, and gets back the best agencies with the keywords that decided it, so an officer or
a citizen can see *why* an agency was suggested.

Matching rules for a keyword (the agency directory's ``keywords`` column follows them):

- Text and keywords are folded with :func:`foi.text.fold`, so ``Vergi``, ``VERGİ`` and ``vergi``
  meet, and so do ``şəhər`` and ``seher``.
- A keyword is a stem matched at the start of a word: Azerbaijani and Russian add endings, so
  ``vergi`` matches ``vergilər`` and ``vergidən``, ``налог`` matches ``налоговой``.
- A keyword of several words matches those words in a row, each as a stem:
  ``sosial müdafiə`` matches ``sosial müdafiəsi``; ``социальн защит`` matches ``социальной защиты``.
- Whole words only, not stems, for: words of three letters or fewer (``qaz``, ``tax``), keywords
  written in capitals (acronyms such as ``ƏDV``, ``ASAN``, ``DİM``) and keywords ending in ``=``
  (``mina=`` matches ``mina`` but not ``minarə``).

Scoring: each matched keyword adds its weight once, however often it occurs. The weight is higher
for rarer keywords (an inverse document frequency over the given agencies), so a word shared by
many agencies barely separates them; a phrase weighs more than one word; topic words count half.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from foi.text import fold

_WORD = re.compile(r"\w+")
_PHRASE_BONUS = 0.5  # each extra word of a matched phrase adds half the keyword's weight
_TOPIC_FACTOR = 0.5  # topic words are broad; an agency's own keywords decide first


@dataclass(frozen=True)
class AgencyProfile:
    """What routing knows of an agency: its id, name, keywords and topic words."""

    agency_id: int
    name: str
    keywords: Sequence[str]
    topics: Sequence[str] = ()


@dataclass(frozen=True)
class Suggestion:
    """An agency suggested for a request, its score and the keywords that matched."""

    agency_id: int
    score: float
    matched: tuple[str, ...]


@dataclass(frozen=True)
class _Term:
    """A keyword parsed into folded words and how each word must match."""

    words: tuple[str, ...]
    exact: tuple[bool, ...]

    @property
    def key(self) -> tuple[tuple[str, bool], ...]:
        return tuple(zip(self.words, self.exact))


@lru_cache(maxsize=16384)  # directories repeat the same keywords on every call
def parse_keyword(keyword: str) -> _Term | None:
    """Return the folded words of ``keyword`` and their match mode, or None if it has no words."""
    raw = keyword.strip()
    forced = raw.endswith("=")
    if forced:
        raw = raw.rstrip("=").strip()
    letters = [ch for ch in raw if ch.isalpha()]
    acronym = len(letters) > 1 and all(ch.isupper() for ch in letters)
    words = tuple(_WORD.findall(fold(raw)))
    if not words:
        return None
    exact = tuple(forced or acronym or len(word) <= 3 for word in words)
    return _Term(words, exact)


class _Text:
    """The words of a text, indexed for prefix and phrase look-ups."""

    def __init__(self, text: str) -> None:
        self.tokens = _WORD.findall(fold(text))
        self.positions: dict[str, list[int]] = {}
        for index, token in enumerate(self.tokens):
            self.positions.setdefault(token, []).append(index)
        self.sorted = sorted(self.positions)

    def _starts(self, word: str, exact: bool) -> list[int]:
        if exact:
            return self.positions.get(word, [])
        found: list[int] = []
        i = bisect_left(self.sorted, word)
        while i < len(self.sorted) and self.sorted[i].startswith(word):
            found.extend(self.positions[self.sorted[i]])
            i += 1
        return found

    def _word_at(self, index: int, word: str, exact: bool) -> bool:
        if index >= len(self.tokens):
            return False
        token = self.tokens[index]
        return token == word if exact else token.startswith(word)

    def contains(self, term: _Term) -> bool:
        """Return whether ``term`` occurs in the text."""
        for start in self._starts(term.words[0], term.exact[0]):
            if all(
                self._word_at(start + offset, word, exact)
                for offset, (word, exact) in enumerate(term.key[1:], start=1)
            ):
                return True
        return False


def _agency_terms(agency: AgencyProfile) -> dict[tuple, tuple[str, float]]:
    """Map each distinct term key of ``agency`` to its original spelling and base factor."""
    terms: dict[tuple, tuple[str, float]] = {}
    for source, factor in ((agency.topics, _TOPIC_FACTOR), (agency.keywords, 1.0)):
        for keyword in source:
            term = parse_keyword(keyword)
            if term is None:
                continue
            # A keyword that is also a topic word counts as a keyword (the higher factor).
            terms[term.key] = (keyword.strip().rstrip("="), factor)
    return terms


def suggest_agencies(
    text: str, agencies: Sequence[AgencyProfile], limit: int = 3
) -> list[Suggestion]:
    """Return up to ``limit`` agencies whose keywords occur in ``text``, best first.

    Returns an empty list when no keyword of any agency occurs in the text.
    """
    if limit <= 0 or not agencies or not text.strip():
        return []
    per_agency = [_agency_terms(agency) for agency in agencies]
    frequency: dict[tuple, int] = {}
    for terms in per_agency:
        for key in terms:
            frequency[key] = frequency.get(key, 0) + 1
    document = _Text(text)
    found: dict[tuple, bool] = {}
    total = len(agencies)
    suggestions = []
    for agency, terms in zip(agencies, per_agency):
        score = 0.0
        matched: list[tuple[float, str]] = []
        for key, (spelling, factor) in terms.items():
            if key not in found:
                words, exact = zip(*key)
                found[key] = document.contains(_Term(words, exact))
            if not found[key]:
                continue
            weight = (1.0 + math.log(total / frequency[key])) * factor
            weight *= 1.0 + _PHRASE_BONUS * (len(key) - 1)
            score += weight
            matched.append((weight, spelling))
        if matched:
            matched.sort(key=lambda item: (-item[0], item[1]))
            suggestions.append(
                Suggestion(agency.agency_id, round(score, 3), tuple(s for _, s in matched))
            )
    suggestions.sort(key=lambda s: (-s.score, s.agency_id))
    return suggestions[:limit]
