"""Word splitting and the two spellings every word is indexed under.

Each word is indexed twice: its *exact* form (lower-cased, diacritics kept) and its *folded* form
(:func:`foi.text.fold`, diacritics and Azerbaijani letters flattened). A query word matches either
form, and the exact form carries more weight, so ``seher`` finds ``şəhər`` but a document that
really says ``şəhər`` ranks above one that says ``səhər`` (morning) for the query ``şəhər``.

Indexing a million requests means about 150 million words: both forms depend on the word alone,
so they are computed once per distinct word and then looked up (word frequencies follow Zipf's
law, and a few hundred thousand distinct words cover an archive).
"""

import functools
import re
import unicodedata

from foi.text import fold

# Letters and digits; underscores and punctuation separate words, as in FTS5's unicode61.
WORD_RE = re.compile(r"[^\W_]+")

# Its lower case depends on the language of the word.
_CAPITAL_I = re.compile("[Iİ]")
# A word holding one of these is Azerbaijani, so its capital I is the dotless ı.
_AZ_LETTERS = frozenset("əƏıİğĞşŞçÇöÖüÜ")
_AZ_LOWER = str.maketrans({"İ": "i", "I": "ı"})
_PLAIN_LOWER = str.maketrans({"İ": "i"})
# Distinct words remembered by the lookup tables below before they start again.
MAX_REMEMBERED = 500_000


def exact_word(word: str) -> str:
    """Return one word lower-cased, with Turkic I/ı rules if it is Azerbaijani."""
    if "I" not in word and "İ" not in word:
        return word.lower()
    if _AZ_LETTERS.intersection(word):
        return word.translate(_AZ_LOWER).lower()
    # English "INFORMATION" must stay "information"; İ only ever means i.
    return word.translate(_PLAIN_LOWER).lower()


class _Forms(dict):
    """A word → form table that computes and remembers a missing word's form."""

    def __init__(self, make) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, word: str) -> str:
        if len(self) >= MAX_REMEMBERED:
            self.clear()
        value = self[word] = self.make(word)
        return value


_EXACT = _Forms(exact_word)
_FOLDED = _Forms(fold)


def nfc(text: str) -> str:
    """Return ``text`` in NFC, so that a letter typed as two code points is one word."""
    return (
        text
        if text.isascii() or unicodedata.is_normalized("NFC", text)
        else unicodedata.normalize("NFC", text)
    )


def words(text: str) -> list[str]:
    """Split ``text`` into words as the index sees them, in their original spelling."""
    return WORD_RE.findall(nfc(text))


def forms(word: str) -> tuple[str, str]:
    """Return the exact and folded form of one word."""
    return _EXACT[word], _FOLDED[word]


@functools.lru_cache(maxsize=200_000)
def forms_cached(word: str) -> tuple[str, str]:
    """Return :func:`forms` of ``word``, remembered: word frequencies follow Zipf's law."""
    return forms(word)


def folded(word: str) -> str:
    """Return the folded form of one word (remembered, as every form here)."""
    return _FOLDED[word]


def folded_words(text: str) -> list[str]:
    """Return the folded form of every word of ``text``, in order."""
    return list(map(_FOLDED.__getitem__, words(text)))


def indexed_words(text: str) -> tuple[list[str], list[str]]:
    """Return the exact and the folded form of every word of ``text``, in order.

    This is what the index holds: the same words, at the same positions, as the query side
    splits and spells them (:func:`exact_word` and :func:`foi.text.fold` of each word).
    Lower-casing the whole text at once is that, and several times faster, once the words with
    a capital I or İ have been given their Turkic spelling (the only letters whose lower case
    depends on the word); folding an exact form gives the same as folding the word. (Greek
    final sigma before punctuation may differ from the query's spelling; its folded form, which
    finds it, does not.)
    """
    text = nfc(text)
    if "I" in text or "İ" in text:
        text = _turkic_capitals(text)
    exact_forms = WORD_RE.findall(text.lower())
    return exact_forms, list(map(_FOLDED.__getitem__, exact_forms))


def _turkic_capitals(text: str) -> str:
    """Return ``text`` with each word holding a capital I or İ replaced by its exact form.

    Found from each capital (a few a page) rather than by a regular expression, which would try
    every word of the text.
    """
    out, done, end = [], 0, len(text)
    for capital in _CAPITAL_I.finditer(text):
        start = stop = capital.start()
        if start < done:
            continue  # a second capital in a word already replaced
        while start > done and text[start - 1].isalnum():
            start -= 1
        while stop < end and text[stop].isalnum():
            stop += 1
        out.append(text[done:start])
        out.append(_EXACT[text[start:stop]])
        done = stop
    out.append(text[done:])
    return "".join(out)
