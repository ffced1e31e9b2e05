"""Citations in the reader's language: "Art. 24.1" is "maddə 24.1" in az and "ст. 24.1" in ru.

The rule packs write their citations once, in English (the az pack) or in the law's own
language (the German pack's "§ 7 IFG"). Letters and e-mails go out in the requester's
language, so the English words of a citation, and the names of other acts it cites, are put
into that language here. Pure: no Flask, no database.
"""

import re

# Other acts the Azerbaijani pack cites, by their official titles in each language.
_ACTS = {
    "Constitutional Law on the Ombudsman": {
        "az": "«Azərbaycan Respublikasının İnsan hüquqları üzrə müvəkkili (ombudsman) haqqında» "
        "Konstitusiya Qanunu",
        "ru": "Конституционный закон «Об Уполномоченном по правам человека (омбудсмене) "
        "Азербайджанской Республики»",
    },
    "Law on State Secrets": {
        "az": "«Dövlət sirri haqqında» Azərbaycan Respublikasının Qanunu",
        "ru": "Закон Азербайджанской Республики «О государственной тайне»",
    },
}
_PHRASES = {
    "(one year)": {"az": "(bir il)", "ru": "(один год)"},
}
# "arts." before "art.", so that the plural is not read as the singular plus an "s".
_ARTICLE = re.compile(r"\b(?P<word>[Aa]rts?)\.\s*")
_ARTICLE_WORDS = {
    "az": {"art": "maddə", "arts": "maddələr"},
    "ru": {"art": "ст.", "arts": "ст."},
}


def cite(citation: str, lang: str) -> str:
    """Return ``citation`` in ``lang``; English and unknown languages get it as written."""
    if lang not in _ARTICLE_WORDS or not citation:
        return citation
    for table in (_ACTS, _PHRASES):
        for english, names in table.items():
            citation = citation.replace(english, names[lang])
    words = _ARTICLE_WORDS[lang]
    return _ARTICLE.sub(lambda m: f"{words[m.group('word').lower()]} ", citation)


def join_citations(*citations: str) -> str:
    """Join citations with "; ", naming each other act once.

    ``"Art. 42.1.2; Constitutional Law on the Ombudsman, arts. 1.3, 13-1"`` joined with
    ``"Constitutional Law on the Ombudsman (one year)"`` gives ``"Art. 42.1.2; Constitutional
    Law on the Ombudsman, arts. 1.3, 13-1 (one year)"``: the act is not repeated.
    """
    parts: list[str] = []
    for citation in citations:
        for part in (p.strip() for p in (citation or "").split(";")):
            if not part:
                continue
            act = _act_of(part)
            same = next((i for i, p in enumerate(parts) if act and _act_of(p) == act), None)
            if same is None:
                parts.append(part)
                continue
            rest = part[len(act) :].strip(" ,")
            if rest and rest not in parts[same]:
                parts[same] = f"{parts[same]} {rest}"
    return "; ".join(parts)


def _act_of(part: str) -> str:
    """Return the other act a citation names, or "" for the pack's own law ("Art. 25")."""
    for act in _ACTS:
        if part.startswith(act):
            return act
    return ""
