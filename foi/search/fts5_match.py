"""Queries as FTS5 MATCH expressions over the columns of :mod:`foi.search.sqlite_fts`'s index.

Each word is looked up in its exact spelling in the exact columns and its folded spelling in the
folded ones (one phrase over all four when both agree); a phrase is narrowed first by its pairs
tokens (:mod:`foi.search.fts5_rows`) that the plan says are indexed; a prefix is spelled out as
the indexed words it covers when the plan lists them.
"""

from collections.abc import Sequence

from foi.search.fts5_rows import PAIR
from foi.search.query import ParsedQuery, Phrase, Term
from foi.search.terms import Plan

EXACT_COLUMNS = "{title_exact text_exact}"
FOLDED_COLUMNS = "{title_folded text_folded}"
WORD_COLUMNS = "{title_exact title_folded text_exact text_folded}"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _expanded(prefix: str, plan: Plan | None) -> tuple[str, ...] | None:
    if plan is None:
        return None
    return plan.expansions.get(prefix)


def _render_term(term: Term, plan: Plan | None) -> str:
    if term.prefix:
        exact_words, folded_words = _expanded(term.exact, plan), _expanded(term.folded, plan)
        if exact_words is not None and folded_words is not None and (exact_words or folded_words):
            # The indexed words the prefix covers, walked newest first side by side: FTS5
            # would otherwise merge the whole doclist of every one of them before the LIMIT.
            if term.exact == term.folded:
                return f"{WORD_COLUMNS} : ({' OR '.join(map(_quote, folded_words))})"
            sides = []
            if exact_words:
                sides.append(f"{EXACT_COLUMNS} : ({' OR '.join(map(_quote, exact_words))})")
            if folded_words:
                sides.append(f"{FOLDED_COLUMNS} : ({' OR '.join(map(_quote, folded_words))})")
            return "(" + " OR ".join(sides) + ")"
    return _render_words((term,))


def _render_words(terms: Sequence[Term]) -> str:
    star = " *" if terms[-1].prefix else ""
    exact_form = _quote(" ".join(t.exact for t in terms)) + star
    folded_form = _quote(" ".join(t.folded for t in terms)) + star
    if exact_form == folded_form:
        # Same spelling in both columns: one phrase over all four, both weights count.
        return f"{WORD_COLUMNS} : {exact_form}"
    return f"({EXACT_COLUMNS} : {exact_form} OR {FOLDED_COLUMNS} : {folded_form})"


def _render_atom(atom: Term | Phrase, plan: Plan | None = None) -> str:
    if isinstance(atom, Term):
        return _render_term(atom, plan)
    words = _render_words(atom.terms)
    pairs = [
        a.folded + PAIR + b.folded
        for a, b in zip(atom.terms, atom.terms[1:])
        if not b.prefix and (plan is None or plan.has_pair(a.folded, b.folded))
    ]
    if not pairs:
        return words
    return f"(pairs : ({' AND '.join(map(_quote, pairs))}) AND {words})"


def _any(atoms: Sequence[Term | Phrase], plan: Plan | None = None) -> str:
    rendered = [_render_atom(a, plan) for a in atoms]
    return rendered[0] if len(rendered) == 1 else "(" + " OR ".join(rendered) + ")"


def render_match(parsed: ParsedQuery, plan: Plan | None = None) -> str:
    """Render the positive part of ``parsed``, minus its exclusions, as an FTS5 expression."""
    expr = " AND ".join(_any(group, plan) for group in parsed.required)
    if parsed.excluded:
        expr = f"{expr} NOT {_any(parsed.excluded, plan)}"
    return expr


def render_excluded(parsed: ParsedQuery, plan: Plan | None = None) -> str:
    """Render the exclusions of ``parsed`` as one FTS5 expression."""
    return _any(parsed.excluded, plan)
