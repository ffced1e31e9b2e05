"""PostgreSQL's text search values, built in Python: tsvector literals and tsquery texts.

The tsvector is built here with the same word splitting and folding as the query side, so
PostgreSQL's parser and locale never disagree with us about Azerbaijani letters. Each word is
stored at its position under its exact spelling (weight A in the title, B in the text) and, when
different, its folded spelling (C in the title, D in the text). Word pairs go to a second,
position-less tsvector that narrows phrases.
"""
import functools
from collections import Counter, defaultdict
from collections.abc import Sequence

from foi.search.query import ParsedQuery, Phrase, Term
from foi.search.terms import ALL, Plan
from foi.search.tokens import indexed_words

MAX_POS = 16383  # PostgreSQL's largest word position
MAX_POSITIONS = 255  # positions kept per word
MAX_LEXEME = 200  # characters; longer "words" are noise (hashes, base64)
# Starts and joins a lexeme of two neighbouring folded words: a private-use character no word
# holds. Leading with it keeps pairs out of prefix matches ('su':* must not match a pair).
PAIR = "\ue000"


def _lexeme(word: str) -> str:
    if "'" in word or "\\" in word:  # never in a word of letters and digits, but be sure
        word = word.replace("\\", "\\\\").replace("'", "''")
    return "'" + word + "'"


@functools.cache
def _entries(weight: str) -> list[str]:
    """Return position entries as text, made once: "12A" for an exact title word, "12" for D."""
    mark = "" if weight == "D" else weight
    return [f"{pos}{mark}" for pos in range(MAX_POS + 1)]


def build_tsvector(heading: str, text: str) -> str:
    """Return the tsvector literal for a document's heading (A/C) and text (B/D)."""
    return build_vectors(heading, text)[0]


def build_vectors(heading: str, text: str, terms: Counter | None = None) -> tuple[str, str]:
    """Return the literals of a document's tsvector and of its word pairs.

    The tsvector holds each word at its position: exact spelling weighted A in the heading and
    B in the text, folded spelling (when different) C and D. The pairs are every two
    neighbouring folded words as one position-less lexeme, :func:`_pair`, so that a GIN index
    narrows a phrase to the documents holding its pairs. The document's distinct word forms
    are counted into ``terms``.
    """
    entries: defaultdict[str, list[str]] = defaultdict(list)
    pairs: set[str] = set()
    pos = 0
    for field, (exact_weight, folded_weight) in ((heading, ("A", "C")), (text, ("B", "D"))):
        exact_words, folded_words = indexed_words(field)
        if not exact_words:
            pos = min(pos + 1, MAX_POS)
            continue
        at_exact, at_folded = _entries(exact_weight), _entries(folded_weight)
        if pos + len(exact_words) < MAX_POS and max(map(len, exact_words)) <= MAX_LEXEME:
            for at, exact_form, folded_form in zip(range(pos + 1, MAX_POS), exact_words,
                                                   folded_words):
                entries[exact_form].append(at_exact[at])
                if folded_form != exact_form:
                    entries[folded_form].append(at_folded[at])
            pairs.update(map(_pair, folded_words, folded_words[1:]))
            pos += len(exact_words)
        else:
            pos = _add_long(entries, pairs, pos, exact_words, folded_words, at_exact,
                            at_folded)
        pos = min(pos + 1, MAX_POS)  # a gap, so that no phrase runs from title into text
    if terms is not None:
        terms.update(entries.keys())
        terms[ALL] += 1
    out = [f"{_lexeme(word)}:{','.join(found[:MAX_POSITIONS])}"
           for word, found in entries.items()]
    return " ".join(out), " ".join(map(_lexeme, pairs))


def _add_long(entries: defaultdict[str, list[str]], pairs: set[str], pos: int,
              exact_words: list[str], folded_words: list[str], at_exact: list[str],
              at_folded: list[str]) -> int:
    """Add the words of a text that is very long or holds over-long "words"; return pos."""
    previous = None
    for exact_form, folded_form in zip(exact_words, folded_words):
        pos = min(pos + 1, MAX_POS)
        if len(exact_form) > MAX_LEXEME:
            previous = None
            continue
        _add_at(entries[exact_form], at_exact[pos])
        if folded_form != exact_form:
            _add_at(entries[folded_form], at_folded[pos])
        if previous is not None:
            pairs.add(_pair(previous, folded_form))
        previous = folded_form
    return pos


def _pair(first: str, second: str) -> str:
    return PAIR + first + PAIR + second


def _add_at(found: list[str], entry: str) -> None:
    # Positions must be distinct: past the last one, a word is kept once, there.
    if not found or found[-1].rstrip("ABC") != entry.rstrip("ABC"):
        found.append(entry)


def _term(word: str, prefix: bool, weights: str = "") -> str:
    marks = ("*" if prefix else "") + weights
    return _lexeme(word) + (f":{marks}" if marks else "")


def _render_atom(atom: Term | Phrase) -> str:
    terms = atom.terms if isinstance(atom, Phrase) else (atom,)
    last = len(terms) - 1
    folded = " <-> ".join(_term(t.folded, t.prefix and i == last) for i, t in enumerate(terms))
    exact = " <-> ".join(_term(t.exact, t.prefix and i == last) for i, t in enumerate(terms))
    # Folded lexemes exist for every word (plain words are their own folded form), so the
    # folded rendering finds all matches; the exact one only adds weight.
    return f"({folded})" if folded == exact else f"(({exact}) | ({folded}))"


def _render_exact(atom: Term | Phrase) -> str:
    terms = atom.terms if isinstance(atom, Phrase) else (atom,)
    last = len(terms) - 1
    return "(" + " <-> ".join(
        _term(t.exact, t.prefix and i == last, "AB") for i, t in enumerate(terms)) + ")"


def _any(atoms: Sequence[Term | Phrase], render=_render_atom) -> str:
    rendered = [render(a) for a in atoms]
    return rendered[0] if len(rendered) == 1 else "(" + " | ".join(rendered) + ")"


def render_tsquery(parsed: ParsedQuery) -> str:
    """Render ``parsed`` as tsquery text (cast with ``::tsquery``, never ``to_tsquery``)."""
    parts = [_any(group) for group in parsed.required]
    parts.extend(f"!{_any((atom,))}" for atom in parsed.excluded)
    return " & ".join(parts)


def render_exact_tsquery(parsed: ParsedQuery) -> str:
    """Render the positive words of ``parsed`` as spelled, matching exact lexemes only.

    Ranking adds its ts_rank to the main one: ts_rank weighs lexemes by position weight, not
    by query term, so this is how a document spelled like the query beats one that merely
    folds to it (``şəhər`` over a diacritic-less ``seher`` for the query ``şəhər``).
    """
    return " & ".join(_any(group, _render_exact) for group in parsed.required)


def _render_match_atom(atom: Term | Phrase, plan: Plan | None) -> str:
    if isinstance(atom, Term):
        words = plan.expansions.get(atom.folded) if plan is not None and atom.prefix else None
        if words:
            # The indexed words the prefix covers: the planner knows how common each one is.
            return "(" + " | ".join(map(_lexeme, words)) + ")"
        return _term(atom.folded, atom.prefix)
    last = len(atom.terms) - 1
    return "(" + " <-> ".join(
        _term(t.folded, t.prefix and i == last) for i, t in enumerate(atom.terms)) + ")"


def render_match_tsquery(parsed: ParsedQuery, plan: Plan | None = None) -> str:
    """Render ``parsed`` as the tsquery that finds its documents, on folded lexemes only.

    Folded lexemes exist for every word, so they find every match (the exact ones only weigh
    in ranking); a prefix is replaced by the indexed words it covers when there are few.
    """
    def any_of(atoms) -> str:
        rendered = [_render_match_atom(a, plan) for a in atoms]
        return rendered[0] if len(rendered) == 1 else "(" + " | ".join(rendered) + ")"

    parts = [any_of(group) for group in parsed.required]
    parts.extend(f"!{any_of((atom,))}" for atom in parsed.excluded)
    return " & ".join(parts)


def render_pairs_tsquery(parsed: ParsedQuery) -> str:
    """Render the word pairs every match of ``parsed`` must hold, or nothing.

    They come from phrases that are required on their own (not one side of an OR): the GIN
    index of the pairs then narrows the phrase to a few documents, and the planner can
    estimate a pair (it cannot estimate ``<->``).
    """
    pairs = {_pair(a.folded, b.folded)
             for group in parsed.required if len(group) == 1 and isinstance(group[0], Phrase)
             for a, b in zip(group[0].terms, group[0].terms[1:]) if not b.prefix}
    return " & ".join(map(_lexeme, sorted(pairs)))
