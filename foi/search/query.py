"""Parse what people type into the search box into a small tree the back ends render.

The language: words (all must match), ``"a phrase"``, a prefix ``tax*``, an exclusion ``-word`` or
``-"a phrase"``, and ``OR`` between two terms. Anything else is punctuation and is ignored, so no
input can make the parser fail: at worst a query degrades to its plain words. User text never
reaches FTS5 MATCH or ``to_tsquery`` as typed; back ends render only the words kept here.
"""

import re
from dataclasses import dataclass, field

from foi.search.tokens import forms_cached, words

# Bounds keep hostile input (thousands of words) from building huge index expressions.
MAX_TERMS = 24
MAX_WORD_CHARS = 64

_CHUNK_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Inside a word, these join its parts into a phrase ("e-mail", "AZ-2026-000123"); any other
# punctuation (brackets, colons, operators of other search syntaxes) only separates words.
_SEPARATOR_RE = re.compile(r"[^\w\s\"*\-./'’]|_")


@dataclass(frozen=True)
class Term:
    """One word, maybe a prefix; ``exact`` and ``folded`` are its two indexed spellings."""

    exact: str
    folded: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words that must follow each other; the last one may be a prefix."""

    terms: tuple[Term, ...]


Atom = Term | Phrase


@dataclass(frozen=True)
class ParsedQuery:
    """All ``required`` groups must match (each group is an OR of atoms); no ``excluded`` may."""

    required: tuple[tuple[Atom, ...], ...] = ()
    excluded: tuple[Atom, ...] = ()
    terms: tuple[Term, ...] = field(default=(), compare=False)

    @property
    def is_empty(self) -> bool:
        """Return whether the query asks for nothing (every document matches)."""
        return not self.required and not self.excluded


def _term(word: str, prefix: bool = False) -> Term:
    exact, folded = forms_cached(word[:MAX_WORD_CHARS])
    return Term(exact, folded, prefix)


def _atom(text: str, prefix: bool) -> Atom | None:
    found = words(text)
    if not found:
        return None
    if len(found) == 1:
        return _term(found[0], prefix)
    # "e-mail" or "AZ-2026-000123" typed as one word means these words in this order.
    terms = [_term(w) for w in found[:MAX_TERMS]]
    terms[-1] = Term(terms[-1].exact, terms[-1].folded, prefix)
    return Phrase(tuple(terms))


def parse(text: str) -> ParsedQuery:
    """Parse the query ``text``; never raise, whatever it holds."""
    groups: list[list[Atom]] = []
    excluded: list[Atom] = []
    pending_or = False
    count = 0
    for match in _CHUNK_RE.finditer(_SEPARATOR_RE.sub(" ", text or "")):
        if count >= MAX_TERMS:
            break
        dash, quoted, bare = match.groups()
        if bare is not None:
            if bare in ("OR", "|", "||"):
                pending_or = bool(groups)
                continue
            negative = bare.startswith("-") and len(bare) > 1
            body = bare[1:] if negative else bare
            atom = _atom(body, prefix=body.endswith("*"))
        else:
            negative = bool(dash)
            atom = _atom(quoted, prefix=False)
        if atom is None:
            continue
        count += 1
        if negative:
            excluded.append(atom)
            pending_or = False
        elif pending_or:
            groups[-1].append(atom)
            pending_or = False
        else:
            groups.append([atom])
    return ParsedQuery(
        required=tuple(tuple(g) for g in groups),
        excluded=tuple(excluded),
        terms=tuple(_positive_terms(groups)),
    )


def _positive_terms(groups: list[list[Atom]]) -> list[Term]:
    out: list[Term] = []
    for group in groups:
        for atom in group:
            out.extend(atom.terms if isinstance(atom, Phrase) else (atom,))
    return out


def any_of(texts: list[str], limit: int = 12) -> ParsedQuery:
    """Build a query matching any of the given words (for "similar requests")."""
    seen: dict[str, Term] = {}
    for word in texts:
        term = _term(word)
        seen.setdefault(term.folded, term)
        if len(seen) >= limit:
            break
    atoms = tuple(seen.values())
    return ParsedQuery(required=(atoms,) if atoms else (), terms=atoms)
