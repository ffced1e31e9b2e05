"""Explanations of a computed deadline, as structured lines rendered in az, en or ru."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from foi.law.citations import cite

_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "az": (
        "yanvar",
        "fevral",
        "mart",
        "aprel",
        "may",
        "iyun",
        "iyul",
        "avqust",
        "sentyabr",
        "oktyabr",
        "noyabr",
        "dekabr",
    ),
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
}

# Unit names: (one, few, many). Only Russian uses "few" (2-4) differently from "many".
_UNITS = {
    "en": {
        "working_days": ("working day", "working days", "working days"),
        "days": ("day", "days", "days"),
        "months": ("month", "months", "months"),
        "hours": ("hour", "hours", "hours"),
        "working_hours": ("hour", "hours", "hours"),
    },
    "az": {
        "working_days": ("iş günü",) * 3,
        "days": ("gün",) * 3,
        "months": ("ay",) * 3,
        "hours": ("saat",) * 3,
        "working_hours": ("saat",) * 3,
    },
    "ru": {
        "working_days": ("рабочий день", "рабочих дня", "рабочих дней"),
        "days": ("день", "дня", "дней"),
        "months": ("месяц", "месяца", "месяцев"),
        "hours": ("час", "часа", "часов"),
        "working_hours": ("час", "часа", "часов"),
    },
}

_TEMPLATES: Mapping[str, Mapping[str, str]] = {
    "received": {
        "en": "received {at}",
        "az": "{at} daxil olub",
        "ru": "получен {at}",
    },
    "registered_later": {
        "en": "received on a day off or after office hours, so registered on {on} ({article})",
        "az": "istirahət günündə və ya iş saatından sonra daxil olduğu üçün {on} qeydə alınıb "
        "({article})",
        "ru": "получен в выходной или после окончания рабочего дня, поэтому зарегистрирован "
        "{on} ({article})",
    },
    "count": {
        "en": "{quantity} from {start} ({article})",
        "az": "{start} tarixindən {quantity} ({article})",
        "ru": "{quantity} начиная с {start} ({article})",
    },
    "count_working_hours": {
        "en": "{quantity} from {start}, counting working days only ({article})",
        "az": "{start} anından {quantity}, yalnız iş günləri sayılır ({article})",
        "ru": "{quantity} с {start}, считая только рабочие дни ({article})",
    },
    "days_off_one": {
        "en": "{days} is a day off ({reasons})",
        "az": "{days} istirahət günüdür ({reasons})",
        "ru": "{days} — выходной день ({reasons})",
    },
    "days_off_many": {
        "en": "{days} are days off ({reasons})",
        "az": "{days} istirahət günləridir ({reasons})",
        "ru": "{days} — выходные дни ({reasons})",
    },
    "working_weekend_one": {
        "en": "{days} is a working day",
        "az": "{days} iş günüdür",
        "ru": "{days} — рабочий день",
    },
    "working_weekend_many": {
        "en": "{days} are working days",
        "az": "{days} iş günləridir",
        "ru": "{days} — рабочие дни",
    },
    "rolled_forward": {
        "en": "{day} is a day off, so the period ends on the next working day ({article})",
        "az": "{day} istirahət günüdür, müddət növbəti iş günü bitir ({article})",
        "ru": "{day} — выходной, срок переносится на следующий рабочий день ({article})",
    },
    "paused": {
        "en": "clock stopped on {at}: {reason} ({article})",
        "az": "müddət {at} dayandırılıb: {reason} ({article})",
        "ru": "течение срока остановлено {at}: {reason} ({article})",
    },
    "pause_too_late": {
        "en": "{at}: too late to stop the clock, the period had already ended",
        "az": "{at}: müddəti dayandırmaq üçün gecdir, müddət artıq bitmişdi",
        "ru": "{at}: слишком поздно останавливать срок, он уже истёк",
    },
    "resumed": {
        "en": "clock running again from {at}, with {quantity} left",
        "az": "müddət {at} tarixindən yenidən axır, {quantity} qalıb",
        "ru": "срок снова течёт с {at}, осталось {quantity}",
    },
    "restarted": {
        "en": "{reason} on {at}: the period starts again ({article})",
        "az": "{at}: {reason}, müddət yenidən başlayır ({article})",
        "ru": "{at}: {reason}, срок начинается заново ({article})",
    },
    "still_paused": {
        "en": "the clock is stopped since {at}; {quantity} will be left when it runs again",
        "az": "müddət {at} tarixindən dayanıb; yenidən başlayanda {quantity} qalacaq",
        "ru": "срок остановлен с {at}; после возобновления останется {quantity}",
    },
    "extended": {
        "en": "extended by {quantity} to {to} ({article})",
        "az": "{quantity} uzadılıb, yeni tarix {to} ({article})",
        "ru": "продлён на {quantity} до {to} ({article})",
    },
    "extended_while_paused": {
        "en": "extended by {quantity} ({article})",
        "az": "{quantity} uzadılıb ({article})",
        "ru": "продлён на {quantity} ({article})",
    },
    "extension_refused": {
        "en": "extension ({to}) ignored: {why}",
        "az": "uzadılma ({to}) nəzərə alınmayıb: {why}",
        "ru": "продление ({to}) не учтено: {why}",
    },
    "transferred": {
        "en": "transferred on {at}; the competent holder's own period runs ({article})",
        "az": "{at} aidiyyəti üzrə göndərilib; səlahiyyətli sahibin öz müddəti axır ({article})",
        "ru": "{at} передан по принадлежности; течёт срок компетентного обладателя ({article})",
    },
    "reopened": {
        "en": "reopened on {at} by the oversight body's decision ({article})",
        "az": "{at} nəzarət orqanının qərarı ilə yenidən açılıb ({article})",
        "ru": "{at} вновь открыт по решению надзорного органа ({article})",
    },
    "reopened_until": {
        "en": "the decision sets the answer for {on} ({article})",
        "az": "qərar cavab üçün {on} tarixini müəyyən edir ({article})",
        "ru": "решение устанавливает срок ответа — {on} ({article})",
    },
    "start_capped": {
        "en": "the period starts no later than {on} ({article})",
        "az": "müddət ən gec {on} başlayır ({article})",
        "ru": "срок начинается не позднее {on} ({article})",
    },
    "late": {
        "en": "{what} on {at} came after the {quantity} allowed ({article})",
        "az": "{what} ({at}) icazə verilən {quantity} müddətdən sonra olub ({article})",
        "ru": "{what} ({at}) — позже допустимых {quantity} ({article})",
    },
    "due": {
        "en": "due {at}",
        "az": "son tarix {at}",
        "ru": "срок — {at}",
    },
}

# Words the templates above insert for event kinds and default reasons.
_WORDS = {
    "clarification": {
        "en": "the request lacks details",
        "az": "sorğuda çatışmazlıq var",
        "ru": "в запросе недостаёт сведений",
    },
    "clarification_received": {
        "en": "corrected request received",
        "az": "düzəldilmiş sorğu daxil olub",
        "ru": "получен исправленный запрос",
    },
    "paused": {"en": "paused", "az": "dayandırılıb", "ru": "приостановлен"},
    "transfer": {"en": "transfer", "az": "göndərmə", "ru": "передача"},
    "clarification_request": {
        "en": "request for details",
        "az": "çatışmazlıq barədə bildiriş",
        "ru": "запрос уточнений",
    },
    "beyond_ceiling": {
        "en": "beyond what the law allows",
        "az": "qanunun icazə verdiyindən artıq",
        "ru": "сверх допустимого законом",
    },
    "not_later": {
        "en": "not later than the current due date",
        "az": "hazırkı son tarixdən gec deyil",
        "ru": "не позже текущего срока",
    },
    "no_extension": {
        "en": "the law provides no extension",
        "az": "qanun uzadılma nəzərdə tutmur",
        "ru": "закон не предусматривает продления",
    },
    "after_due": {
        "en": "the period had already ended",
        "az": "müddət artıq bitmişdi",
        "ru": "срок уже истёк",
    },
}


@dataclass(frozen=True)
class Quantity:
    """An amount of a unit, e.g. 7 working days or 48 hours, or a remaining time span."""

    amount: int | timedelta
    unit: str


@dataclass(frozen=True)
class Word:
    """A word or phrase from the built-in vocabulary, rendered in the reader's language."""

    key: str


@dataclass(frozen=True)
class DaysOff:
    """Days skipped in a count, each with its reasons by language."""

    days: tuple[tuple[date, Mapping[str, str]], ...]


@dataclass(frozen=True)
class ExplanationLine:
    """One step of a deadline computation, rendered by :meth:`render` in a language."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, lang: str = "en") -> str:
        """Return the line as text in the language (az, en or ru; others get English)."""
        lang = lang if lang in _MONTHS else "en"
        key = self.key
        values = {name: _format(value, lang) for name, value in self.params.items()}
        if "article" in values:
            values["article"] = cite(values["article"], lang)
        days = self.params.get("days")
        if isinstance(days, DaysOff):
            values["reasons"] = reasons_of(days, lang)
            key = f"{key}_{'one' if len(days.days) == 1 else 'many'}"
        elif isinstance(days, tuple):
            key = f"{key}_{'one' if len(days) == 1 else 'many'}"
        return _TEMPLATES[key][lang].format(**values)


def render_lines(lines: Sequence[ExplanationLine], lang: str = "en") -> str:
    """Return the lines joined into one sentence-like text."""
    return "; ".join(line.render(lang) for line in lines)


def format_date(day: date, lang: str = "en", year: bool = True) -> str:
    """Return a date as people write it: 5 Nov 2025, 5 noyabr 2025, 5 ноября 2025."""
    lang = lang if lang in _MONTHS else "en"
    text = f"{day.day} {_MONTHS[lang][day.month - 1]}"
    return f"{text} {day.year}" if year else text


def format_datetime(moment: datetime, lang: str = "en") -> str:
    """Return a local date and time, e.g. 5 Nov 2025 10:00."""
    return f"{format_date(moment.date(), lang)} {moment:%H:%M}"


def _quantity(value: Quantity, lang: str) -> str:
    if isinstance(value.amount, timedelta):
        minutes = int(value.amount.total_seconds() // 60)
        hours, minutes = divmod(minutes, 60)
        unit = {"en": ("h", "min"), "az": ("saat", "dəq"), "ru": ("ч", "мин")}[lang]
        return f"{hours} {unit[0]} {minutes} {unit[1]}" if minutes else f"{hours} {unit[0]}"
    n = value.amount
    forms = _UNITS[lang][value.unit]
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            form = forms[0]
        elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            form = forms[1]
        else:
            form = forms[2]
    else:
        form = forms[0] if n == 1 else forms[2]
    return f"{n} {form}"


def _runs(days: Sequence[date]) -> list[tuple[date, date]]:
    runs: list[tuple[date, date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][1]).days == 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _format_runs(days: Sequence[date], lang: str) -> str:
    parts = []
    for first, last in _runs(days):
        if first == last:
            parts.append(format_date(first, lang))
        elif (first.year, first.month) == (last.year, last.month):
            parts.append(f"{first.day}–{format_date(last, lang)}")
        elif first.year == last.year:
            parts.append(f"{format_date(first, lang, year=False)} – {format_date(last, lang)}")
        else:
            parts.append(f"{format_date(first, lang)} – {format_date(last, lang)}")
    return ", ".join(parts)


def _format(value: object, lang: str) -> str:
    if isinstance(value, Quantity):
        return _quantity(value, lang)
    if isinstance(value, Word):
        return _WORDS[value.key][lang]
    if isinstance(value, DaysOff):
        return _format_runs([d for d, _ in value.days], lang)
    if isinstance(value, tuple) and all(isinstance(d, date) for d in value):
        return _format_runs(list(value), lang)
    if isinstance(value, datetime):
        return format_datetime(value, lang)
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, Mapping):
        return str(value.get(lang, value.get("en", "")))
    return str(value)


def reasons_of(days_off: DaysOff, lang: str) -> str:
    """Return the distinct reasons for the days off, in order, in the language."""
    seen: list[str] = []
    for _, reason in days_off.days:
        text = reason.get(lang, reason["en"])
        if text not in seen:
            seen.append(text)
    return ", ".join(seen)
