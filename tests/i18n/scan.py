"""Find user-facing text in templates that does not pass through gettext."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import Environment
from jinja2.lexer import (
    TOKEN_BLOCK_END,
    TOKEN_LPAREN,
    TOKEN_NAME,
    TOKEN_RPAREN,
    TOKEN_STRING,
    TOKEN_VARIABLE_END,
)

#: Attributes whose values people read or hear.
READ_ATTRIBUTES = {
    "title",
    "placeholder",
    "aria-label",
    "alt",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
}
#: Text that is the same in every language: the site's name, symbols, formats, units.
ALLOWED = {
    "foi",
    "JSON",
    "CSV",
    "API",
    "PDF",
    "Atom",
    "RSS",
    "ZIP",
    "OpenAPI",
    "UTF-8",
    "MB",
    "KB",
    "QR",
    "AZ-2026-000123",
    "YYYY-MM-DD",
    "e.g.",
    "%",
    "·",
    "—",
    "–",
    "…",
}
#: Elements whose text is code or data, the same in every language.
SKIPPED_ELEMENTS = {"script", "style", "code", "pre", "kbd", "samp"}
GETTEXT_CALLS = {"_", "gettext", "ngettext", "pgettext", "npgettext", "lazy_gettext", "_l"}
PLACEHOLDER = "0"  # stands for any Jinja output; valid in tag names, attributes and text

LETTERS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Finding:
    template: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.template}:{self.line}: {self.text!r}"


def is_prose(text: str) -> bool:
    """Say whether ``text`` holds words a person reads (not a symbol, number or allowed name)."""
    text = " ".join(text.replace(PLACEHOLDER, " ").split())
    if not text or text in ALLOWED:
        return False
    words = [w for w in LETTERS.findall(text) if w not in ALLOWED]
    return bool(words)


def _looks_like_prose_literal(value: str) -> bool:
    """Say whether a string literal in a Jinja expression reads like a sentence or label."""
    if not is_prose(value):
        return False
    if re.fullmatch(r"[\w./:#%?=&@-]*", value):  # endpoints, classes, formats, paths, keys
        return bool(re.fullmatch(r"[A-Z][a-z]+", value))  # except a lone word: "Archive"
    if re.fullmatch(r"[a-z0-9 _-]+", value):  # CSS class lists, field names
        return False
    return True


class _TextCollector(HTMLParser):
    """Collect text nodes and read attributes outside script and style."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self._skip += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value and is_prose(value):
                self.found.append((self.getpos()[0], value))

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and is_prose(data):
            self.found.append((self.getpos()[0], data.strip()))


_TRANS_BLOCK = re.compile(r"{%-?\s*trans\b.*?{%-?\s*endtrans\s*-?%}", re.S)
_COMMENT = re.compile(r"{#.*?#}", re.S)
_BLOCK = re.compile(r"{%.*?%}", re.S)
_OUTPUT = re.compile(r"{{.*?}}", re.S)


def _blank(replacement: str):
    # Keep the line breaks so that the HTML parser reports the template's own line numbers.
    return lambda match: replacement + "\n" * match.group(0).count("\n")


def html_without_jinja(source: str) -> str:
    """Replace Jinja comments and tags by nothing, output and {% trans %} by a placeholder."""
    source = _COMMENT.sub(_blank(""), source)
    source = _TRANS_BLOCK.sub(_blank(PLACEHOLDER), source)
    source = _BLOCK.sub(_blank(""), source)
    return _OUTPUT.sub(_blank(PLACEHOLDER), source)


def literals_outside_gettext(source: str) -> list[tuple[int, str]]:
    """Return the prose-like string literals of Jinja expressions not inside a gettext call."""
    found = []
    calls: list[bool] = []  # one per open parenthesis: does it belong to a gettext call?
    previous: tuple[str, str] = ("", "")
    stream = Environment(extensions=["jinja2.ext.i18n"]).lexer.tokenize(source)
    for token in stream:
        kind, value = token.type, token.value
        if kind == TOKEN_LPAREN:
            calls.append(previous[0] == TOKEN_NAME and previous[1] in GETTEXT_CALLS)
        elif kind == TOKEN_RPAREN and calls:
            calls.pop()
        elif kind in (TOKEN_VARIABLE_END, TOKEN_BLOCK_END):
            calls.clear()
        elif kind == TOKEN_STRING and not any(calls) and _looks_like_prose_literal(value):
            found.append((token.lineno, value))
        previous = (kind, value if kind == TOKEN_NAME else "")
    return found


def untranslated(path: Path, root: Path) -> list[Finding]:
    """Return the user-facing strings of one HTML template that bypass gettext."""
    source = path.read_text(encoding="utf-8")
    name = path.relative_to(root).as_posix()
    collector = _TextCollector()
    collector.feed(html_without_jinja(source))
    collector.close()
    findings = [Finding(name, line, text) for line, text in collector.found]
    findings += [Finding(name, line, text) for line, text in literals_outside_gettext(source)]
    return sorted(findings, key=lambda f: f.line)
