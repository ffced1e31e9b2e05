"""PostgreSQL's text search values, built in Python: tsvector literals and tsquery texts.

The tsvector is built here with the same word splitting and folding as the query side, so
PostgreSQL's parser and locale never disagree with us about Azerbaijani letters. Each word is
stored at its position under its exact spelling (weight A in the title, B in the text) and, when
different, its folded spelling (C in the title, D in the text). Word pairs go to a second,
position-less tsvector that narrows phrases.
"""

import operator
from collections import Counter
from collections.abc import Sequence
from itertools import compress

from foi.search.query import ParsedQuery, Phrase, Term
from foi.search.terms import ALL, Plan
from foi.search.tokens import indexed_words

MAX_LEXEME = 200  # characters; longer "words" are noise (hashes, base64)
# Starts and joins a lexeme of two neighbouring folded words: a private-use character no word
# holds. Leading with it keeps pairs out of prefix matches ('su':* must not match a pair).
PAIR = "\ue000"


def _lexeme(word: str) -> str:
    if "'" in word or "\\" in word:  # never in a word of letters and digits, but be sure
        word = word.replace("\\", "\\\\").replace("'", "''")
    return "'" + word + "'"


MAX_POS = 16383  # PostgreSQL's largest word position
# One entry per word occurrence: PostgreSQL's tsvector input merges the positions of a repeated
# lexeme (keeping the higher weight where exact and folded spelling coincide) and keeps the
# first 256 positions of a lexeme. The text after each word, by weight and position, is made
# once: "':12A '" follows an exact title word at 12; D has no mark.
_AFTER = {
    weight: [f"':{pos}{'' if weight == 'D' else weight} '" for pos in range(MAX_POS + 1)]
    for weight in "ABCD"
}


def _entries(
    words: Sequence[str], weight: str, first: int, unless: Sequence[str] | None = None
) -> str:
    """Return the tsvector entries of ``words`` at positions ``first``, ``first + 1``, …

    With ``unless``, a word equal to the word of ``unless`` at its position is left out.
    """
    if not words:
        return ""
    after = _AFTER[weight][first : first + len(words)]
    if len(after) < len(words):  # past PostgreSQL's last position: the rest share it
        after += [after[-1] if after else _AFTER[weight][MAX_POS]] * (len(words) - len(after))
    if unless is not None:
        differ = list(map(operator.ne, words, unless))
        words, after = list(compress(words, differ)), list(compress(after, differ))
        if not words:
            return ""
    return "'" + "".join(map(str.__add__, words, after))[:-2]


def build_tsvector(heading: str, text: str) -> str:
    """Return the tsvector literal for a document's heading (A/C) and text (B/D)."""
    return build_vectors(heading, text)[0]


def build_vectors(
    heading: str, text: str, terms: Counter | None = None, pair_words: frozenset[str] | None = None
) -> tuple[str, str]:
    """Return the literals of a document's tsvector and of its word pairs.

    The tsvector holds each word at its position: exact spelling weighted A in the heading and
    B in the text, folded spelling C and D (left out where it is the exact spelling, which
    PostgreSQL would merge into the exact entry). The pairs are every two neighbouring folded
    pair words (every word if ``pair_words`` is ``None``) as one position-less lexeme,
    :func:`_pair`, so that a GIN index narrows a phrase to the documents holding its pairs.
    The document's distinct word forms are counted into ``terms``.

    Words hold letters and digits only (:mod:`foi.search.tokens`), so they need no quoting.
    """
    out: list[str] = []
    pairs: set[str] = set()
    forms: set[str] = set()
    pos = 1
    for field, (exact_weight, folded_weight) in ((heading, "AC"), (text, "BD")):
        exact_words, folded_words = indexed_words(field)
        count = len(exact_words)
        neighbours = zip(folded_words, folded_words[1:])
        if count and max(map(len, exact_words)) > MAX_LEXEME:
            exact_words, folded_words, neighbours = _without_long(exact_words, folded_words)
        out.append(_entries(exact_words, exact_weight, pos))
        # A folded spelling equal to the exact one would only be merged into its entry by
        # PostgreSQL (the higher weight wins): left out, the literal is a tenth shorter and
        # the server parses it a tenth faster (measured: 164 → 145 µs a request).
        out.append(_entries(folded_words, folded_weight, pos, unless=exact_words))
        forms.update(exact_words, folded_words)
        if pair_words is None:
            pairs.update([PAIR + a + PAIR + b for a, b in neighbours])
        else:
            pairs.update(
                [PAIR + a + PAIR + b for a, b in neighbours if a in pair_words and b in pair_words]
            )
        pos += count + 1  # a gap, so that no phrase runs from title into text
    if terms is not None:
        forms.discard(PAIR)
        terms.update(forms)
        terms[ALL] += 1
    return " ".join(filter(None, out)), " ".join(map(_lexeme, pairs))


def _without_long(exact_words: list[str], folded_words: list[str]) -> tuple:
    """Replace over-long "words" (hashes, base64) by :data:`PAIR`, a lexeme no query asks for.

    No lexeme may be that long, nor would anyone search for one; the placeholder keeps the
    positions of the other words, and no pair is made with it.
    """
    keep = [len(w) <= MAX_LEXEME for w in exact_words]
    exact_words = [w if k else PAIR for w, k in zip(exact_words, keep)]
    folded_words = [w if k else PAIR for w, k in zip(folded_words, keep)]
    neighbours = [
        (a, b) for a, b, ka, kb in zip(folded_words, folded_words[1:], keep, keep[1:]) if ka and kb
    ]
    return exact_words, folded_words, neighbours


def _pair(first: str, second: str) -> str:
    return PAIR + first + PAIR + second


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
    return (
        "("
        + " <-> ".join(_term(t.exact, t.prefix and i == last, "AB") for i, t in enumerate(terms))
        + ")"
    )


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
    return (
        "("
        + " <-> ".join(_term(t.folded, t.prefix and i == last) for i, t in enumerate(atom.terms))
        + ")"
    )


def render_match_tsquery(parsed: ParsedQuery, plan: Plan | None = None) -> str:
    """Render ``parsed`` as the tsquery that finds its documents, on folded lexemes only.

    Folded lexemes exist for every word, so they find every match (the exact ones only weigh
    in ranking); a prefix is replaced by the indexed words it covers when there are few. A
    phrase the pairs condition decides alone (:func:`_pair_decides`) is left to it: the result
    may then be empty.
    """

    def any_of(atoms) -> str:
        rendered = [_render_match_atom(a, plan) for a in atoms]
        return rendered[0] if len(rendered) == 1 else "(" + " | ".join(rendered) + ")"

    parts = [any_of(group) for group in parsed.required if not _pair_decides(group, plan)]
    parts.extend(f"!{any_of((atom,))}" for atom in parsed.excluded)
    return " & ".join(parts)


def _pair_decides(group: tuple, plan: Plan | None) -> bool:
    """Return whether the pairs condition alone finds this group's documents.

    A phrase of two words whose pair is indexed, required on its own: the pair lexeme is in
    exactly the documents where the two folded words stand side by side in one field, which is
    what ``<->`` would check on every one of them, reading and decompressing its ``tsv``.
    """
    if len(group) != 1 or not isinstance(group[0], Phrase) or len(group[0].terms) != 2:
        return False
    first, second = group[0].terms
    return not second.prefix and (plan is None or plan.has_pair(first.folded, second.folded))


def render_pairs_tsquery(parsed: ParsedQuery, plan: Plan | None = None) -> str:
    """Render the word pairs every match of ``parsed`` must hold, or nothing.

    They come from phrases that are required on their own (not one side of an OR) and whose
    pairs are indexed (:meth:`Plan.has_pair`): the GIN index of the pairs then narrows the
    phrase to a few documents, and the planner can estimate a pair (it cannot estimate ``<->``).
    """
    pairs = {
        _pair(a.folded, b.folded)
        for group in parsed.required
        if len(group) == 1 and isinstance(group[0], Phrase)
        for a, b in zip(group[0].terms, group[0].terms[1:])
        if not b.prefix and (plan is None or plan.has_pair(a.folded, b.folded))
    }
    return " & ".join(map(_lexeme, sorted(pairs)))
