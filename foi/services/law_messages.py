"""What the law's refusals say to a person, in the language of whoever reads them.

foi.law is pure: a refusal (LawError) carries a stable ``code``, the figures it names
(``params``) and an English sentence for logs and the command line. Here each code has its
sentence in the catalogues, rendered when it is shown, so the same refusal reads in az, en
or ru: on the web next to the form field or in a flash message, in the API as a problem's
``detail`` (in the request's Accept-Language) with the code in its ``code`` member.
"""

from datetime import date

from flask_babel import LazyString, format_date, get_locale, lazy_ngettext
from flask_babel import lazy_gettext as _l

from foi.law import LawError
from foi.law.citations import cite

#: Refusals said in one fixed sentence, by code.
_FIXED = {
    "law_error": _l("The law does not allow this."),
    "urgency_not_available": _l("This law has no such urgent period."),
    "extension_not_allowed": _l("The law allows no such extension."),
    "extension_not_allowed.no_extension": _l("The law provides no extension of this period."),
    "extension_not_allowed.no_complaint_extension": _l(
        "This law allows no extension of the time to decide."
    ),
}


def law_message(exc: LawError) -> LazyString:
    """Return why the law refused, as a string translated when it is shown."""
    return LazyString(lambda: _said(exc.code, exc.params))


def _said(code: str, params: dict[str, object]) -> str:
    if code in _FIXED:
        return str(_FIXED[code])
    if code == "unknown_law":
        return str(_l("There is no law with the code %(law)s.", law=str(params.get("law", ""))))
    if code == "extension_not_allowed.after_due":
        return str(
            _l(
                "The period already ended on %(due)s; it can no longer be extended.",
                due=_day(params.get("due")),
            )
        )
    if code == "extension_not_allowed.not_later":
        return str(
            _l("An extension must move the due date (%(due)s) later.", due=_day(params.get("due")))
        )
    if code == "extension_not_allowed.beyond_ceiling":
        return _beyond_ceiling(params)
    # A code this module does not know yet still says what kind of refusal it is.
    return str(_FIXED.get(code.split(".")[0], _FIXED["law_error"]))


def _day(value: object) -> str:
    return format_date(value, "long") if isinstance(value, date) else ""


def _count(value: object) -> int:
    return value if isinstance(value, int) else 0


def _beyond_ceiling(params: dict[str, object]) -> str:
    locale = get_locale()
    article = cite(str(params.get("article", "")), locale.language if locale else "az")
    allowed = params.get("allowed", 0)
    if not isinstance(allowed, int) or allowed <= 0:
        message = lazy_ngettext(
            "The extension is already used: %(article)s allows at most %(num)d working day in all.",
            "The extension is already used: %(article)s allows at most %(num)d "
            "working days in all.",
            _count(params.get("ceiling", 0)),
            article=article,
        )
    else:
        message = lazy_ngettext(
            "%(article)s allows at most %(num)d working day of extension in all; "
            "%(allowed)d still possible.",
            "%(article)s allows at most %(num)d working days of extension in all; "
            "%(allowed)d still possible.",
            _count(params.get("ceiling", 0)),
            article=article,
            allowed=allowed,
        )
    text = str(message)
    return text[:1].upper() + text[1:]  # "maddə 25 ..." may open the sentence
