"""Russian names for holidays the `holidays` package names only in English or Azerbaijani."""

from __future__ import annotations

import re

_RU = {
    # Azerbaijan (Labour Code art. 105.1 list and the Cabinet's one-off days).
    "New Year's Day": "Новый год",
    "Martyrs' Day": "День всенародной скорби",
    "Women's Day": "Женский день",
    "Spring Festival": "Новруз байрамы",
    "Victory over Fascism Day": "День Победы над фашизмом",
    "Independence Day": "День независимости",
    "Republic Day": "День Республики",
    "National Liberation Day": "День национального спасения",
    "Armed Forces Day": "День Вооружённых сил",
    "Victory Day": "День Победы",
    "National Flag Day": "День Государственного флага",
    "International Azerbaijanis Solidarity Day": "День солидарности азербайджанцев мира",
    "Eid al-Fitr": "Рамазан байрамы",
    "Eid al-Adha": "Гурбан байрамы",
    "Presidential elections": "Президентские выборы",
    "Municipal elections": "Муниципальные выборы",
    "Parliamentary elections": "Парламентские выборы",
    # Common to the comparison laws.
    "Christmas Day": "Рождество",
    "Good Friday": "Страстная пятница",
    "Easter Monday": "Пасхальный понедельник",
    "Boxing Day": "День подарков",
}

_SUBSTITUTED = re.compile(r"^Day off \(substituted from (\d{2})/(\d{2})/(\d{4})\)$")
_SUFFIXES = (
    (" (observed, estimated)", " (перенесён, предварительно)"),
    (" (observed)", " (перенесён)"),
    (" (estimated)", " (предварительно)"),
)


def russian_name(english: str) -> str:
    """Return the Russian name of a holiday from its English name, or the English name."""
    if "; " in english:
        return "; ".join(russian_name(part) for part in english.split("; "))
    if match := _SUBSTITUTED.match(english):
        month, day, year = match.groups()
        return f"Выходной день (перенесён с {day}.{month}.{year})"
    for suffix, translated in _SUFFIXES:
        if english.endswith(suffix):
            return russian_name(english[: -len(suffix)]) + translated
    return _RU.get(english, english)
