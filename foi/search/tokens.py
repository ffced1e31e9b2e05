"""Word splitting and the two spellings every word is indexed under.

Each word is indexed twice: its *exact* form (lower-cased, diacritics kept) and its *folded* form
(:func:`foi.text.fold`, diacritics and Azerbaijani letters flattened). A query word matches either
form, and the exact form carries more weight, so ``seher`` finds ``şəhər`` but a document that
really says ``şəhər`` ranks above one that says ``səhər`` (morning) for the query ``şəhər``.
"""
import functools
import re
import unicodedata

from foi.text import fold

# Letters and digits; underscores and punctuation separate words, as in FTS5's unicode61.
WORD_RE = re.compile(r"[^\W_]+")

# A word holding one of these is Azerbaijani, so its capital I is the dotless ı.
_AZ_LETTERS = frozenset("əƏıİğĞşŞçÇöÖüÜ")
_AZ_LOWER = str.maketrans({"İ": "i", "I": "ı"})
_PLAIN_LOWER = str.maketrans({"İ": "i"})


def exact(text: str) -> str:
    """Return ``text`` lower-cased, with Turkic I/ı rules inside Azerbaijani words."""
    text = unicodedata.normalize("NFC", text)
    if "I" not in text and "İ" not in text:
        return text.lower()
    return WORD_RE.sub(_lower_word, text)


def _lower_word(match: re.Match[str]) -> str:
    word = match.group()
    if _AZ_LETTERS.intersection(word):
        return word.translate(_AZ_LOWER).lower()
    # English "INFORMATION" must stay "information"; İ only ever means i.
    return word.translate(_PLAIN_LOWER).lower()


def words(text: str) -> list[str]:
    """Split ``text`` into words as the index sees them, in their original spelling."""
    return WORD_RE.findall(text)


def forms(word: str) -> tuple[str, str]:
    """Return the exact and folded form of one word."""
    return exact(word), fold(word)


@functools.lru_cache(maxsize=200_000)
def forms_cached(word: str) -> tuple[str, str]:
    """Return :func:`forms` of ``word``, remembered: word frequencies follow Zipf's law."""
    return forms(word)


def folded_text(text: str) -> str:
    """Return the folded words of ``text`` joined by spaces (what the folded index holds)."""
    return " ".join([forms_cached(w)[1] for w in WORD_RE.findall(text)])
