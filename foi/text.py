"""Text folding shared by search and routing.

Azerbaijani needs its own folding: Unicode case folding turns ``I`` into ``i`` (Turkic languages
want ``ı``) and no NFKD decomposition touches ``ə`` or ``ı``. We fold every form to plain Latin
letters so that ``SEHER``, ``şəhər`` and ``Şəhər`` meet in one key; exact forms can still be
ranked higher by the caller.
"""

import functools
import unicodedata

# Letters that NFKD does not decompose but that users type without their marks.
_SPECIAL = str.maketrans(
    {
        "ə": "e",
        "Ə": "e",
        "ı": "i",
        "İ": "i",
        "I": "i",
        "ё": "е",
        "Ё": "е",  # Russian: ё is routinely written as е
        "ß": "ss",
    }
)


def fold(text: str) -> str:
    """Return ``text`` lower-cased with diacritics removed, Azerbaijani letters included."""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Keep Cyrillic й (и + breve) intact: dropping the breve merges distinct Russian words.
    out = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            if ch == "\u0306" and out and out[-1] in "иИ":
                out[-1] = "й"
            continue
        out.append(ch)
    return "".join(out)


# Where the characters people write live: Latin with its marks, Greek, Cyrillic.
_WRITTEN = (range(0x30, 0x2B0), range(0x370, 0x530), range(0x1E00, 0x1F00))


@functools.cache
def _folds_of() -> dict[str, str]:
    """Return, for each folded letter or digit, every character that folds to it."""
    variants: dict[str, set[str]] = {}
    for block in _WRITTEN:
        for code in block:
            ch = chr(code)
            folded = fold(ch)
            if ch.isalnum() and len(folded) == 1 and folded.isalnum():
                variants.setdefault(folded, {folded}).add(ch)
    return {key: "".join(sorted(chars)) for key, chars in variants.items()}


def fold_pattern(text: str) -> str:
    """Return a regular expression that finds ``text`` wherever :func:`fold` would.

    For text the database holds unfolded: each character of the folded ``text`` becomes the
    class of every character that folds to it (``seki`` → ``[sSşŞ…][eEəƏ…][kK…][iIİı…]``), so
    ``seki``, ``ŞƏKİ`` and ``Şəki`` all find "Şəki" with the case rules of Azerbaijani. Only
    bracket classes of letters and backslash-escaped punctuation are used, which SQLite's
    Python ``re`` and PostgreSQL's regular expressions read alike.
    """
    folds = _folds_of()
    parts = []
    for ch in fold(text):
        if ch in folds:
            parts.append(f"[{folds[ch]}]" if len(folds[ch]) > 1 else ch)
        elif ch.isalnum():
            parts.append(ch)
        else:
            parts.append("\\" + ch)
    return "".join(parts)
