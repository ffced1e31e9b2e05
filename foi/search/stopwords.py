"""Words too common to say what a request is about, in the archive's three languages.

Used only to pick the telling words of a subject for "similar requests"; the index keeps them.
"""

_LINES = (
    "the and for with that this from about are was were have has not you your please all any",
    "information request requests copy copies documents document",
    "və ilə üçün bu bir olan olunan haqqında barədə məlumat informasiya sorğu xahiş edirəm",
    "edirik zəhmət olmasa da də ki nə necə hansı",
    "и в во на по с со для о об от что как это или не за из к у",
    "информация информации запрос прошу просим предоставить копию",
)

STOP_WORDS = frozenset(" ".join(_LINES).split())
