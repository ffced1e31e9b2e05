"""Highlighted extracts of a document around the words that matched.

Built in Python from the stored original text rather than by the database, so that both back ends
show the same thing, matches typed without diacritics are highlighted too, and every character of
the document is escaped: a published text holding ``<script>`` comes back as ``&lt;script&gt;``.
"""

import re
from bisect import bisect_left
from collections.abc import Sequence

from markupsafe import Markup, escape

from foi.search.query import Term
from foi.search.tokens import WORD_RE, folded

WINDOW_WORDS = 30
# Only the start of very long texts (whole PDFs) is scanned: a snippet must stay cheap.
SCAN_CHARS = 20_000


class Matcher:
    """Tell which words of a text a query's terms match, by their folded form."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self.words = {t.folded for t in terms if not t.prefix}
        self.prefixes = tuple({t.folded for t in terms if t.prefix})

    def __bool__(self) -> bool:
        return bool(self.words or self.prefixes)

    def key(self, word: str) -> str | None:
        """Return the folded word if it matches a term, else ``None``."""
        form = folded(word)
        if form in self.words or (self.prefixes and form.startswith(self.prefixes)):
            return form
        return None


def snippet(texts: Sequence[str], matcher: Matcher, width: int = WINDOW_WORDS) -> Markup:
    """Return an escaped extract of the best-matching text, its matches wrapped in ``<mark>``."""
    best: tuple[int, int, str, list[re.Match[str]], set[int]] | None = None
    first: str | None = None
    for text in texts:
        if not text:
            continue
        if first is None:
            first = text
        if not matcher:
            break
        tokens = list(WORD_RE.finditer(text, 0, SCAN_CHARS))
        keys = {i: k for i, k in enumerate(matcher.key(m.group()) for m in tokens) if k}
        hits = list(keys)  # ascending
        for i in hits[:200]:
            start = max(0, i - width // 4)
            inside = hits[bisect_left(hits, start) : bisect_left(hits, start + width)]
            score = len({keys[j] for j in inside}) * 1000 + len(inside)
            if best is None or score > best[0]:
                best = (score, start, text, tokens, set(inside))
    if best is None:
        if first is None:
            return Markup("")
        tokens = list(WORD_RE.finditer(first, 0, SCAN_CHARS))
        return _render(first, tokens, 0, width, set())
    _, start, text, tokens, marked = best
    return _render(text, tokens, start, width, marked)


def _render(
    text: str, tokens: list[re.Match[str]], start: int, width: int, marked: set[int]
) -> Markup:
    if not tokens:
        return Markup("")
    end = min(len(tokens), start + width)
    pos = tokens[start].start()
    parts: list[str] = ["\u2026 "] if pos > 0 else []
    for j in range(start, end):
        m = tokens[j]
        parts.append(str(escape(text[pos : m.start()])))
        word = str(escape(m.group()))
        parts.append(f"<mark>{word}</mark>" if j in marked else word)
        pos = m.end()
    if end < len(tokens) or len(text) > SCAN_CHARS:
        parts.append(" \u2026")
    else:
        parts.append(str(escape(text[pos:])))
    # The whitespace between words is collapsed so a snippet is one line of text.
    # S704 is a false positive here: every piece was passed through escape() above.
    return Markup(" ".join("".join(parts).split()))  # noqa: S704
