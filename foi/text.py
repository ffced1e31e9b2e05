"""Text folding shared by search and routing.

Azerbaijani needs its own folding: Unicode case folding turns ``I`` into ``i`` (Turkic languages
want ``ı``) and no NFKD decomposition touches ``ə`` or ``ı``. We fold every form to plain Latin
letters so that ``SEHER``, ``şəhər`` and ``Şəhər`` meet in one key; exact forms can still be
ranked higher by the caller.
"""
import unicodedata

# Letters that NFKD does not decompose but that users type without their marks.
_SPECIAL = str.maketrans({
    "ə": "e", "Ə": "e", "ı": "i", "İ": "i", "I": "i",
    "ё": "е", "Ё": "е",  # Russian: ё is routinely written as е
    "ß": "ss",
})


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
