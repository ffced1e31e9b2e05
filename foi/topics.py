"""The fixed set of topic codes that agencies and requests are filed under.

Each topic has a label in Azerbaijani, English and Russian and a few routing words: stems that
``foi.agency_suggest`` matches as word prefixes (see that module for the matching rules). Topic
words count for less than an agency's own keywords, so they only tip the balance between
agencies.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """A subject area with its labels and routing words."""

    code: str
    az: str
    en: str
    ru: str
    words: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        """Return the label in ``lang`` (``az``, ``en`` or ``ru``), Azerbaijani otherwise."""
        return {"az": self.az, "en": self.en, "ru": self.ru}.get(lang, self.az)


_ALL = (
    Topic(
        "health",
        "Səhiyyə",
        "Health",
        "Здравоохранение",
        ("səhiyyə", "health", "здравоохран", "tibb", "medical", "медицин"),
    ),
    Topic(
        "insurance",
        "Tibbi sığorta",
        "Health insurance",
        "Медицинское страхование",
        ("sığorta", "insurance", "страхован"),
    ),
    Topic("education", "Təhsil", "Education", "Образование", ("təhsil", "education", "образован")),
    Topic("science", "Elm", "Science", "Наука", ("elmi", "science", "scientific", "наук", "научн")),
    Topic("tax", "Vergilər", "Taxes", "Налоги", ("vergi", "tax", "taxes", "налог")),
    Topic(
        "finance",
        "Dövlət maliyyəsi və büdcə",
        "Public finance and budget",
        "Государственные финансы и бюджет",
        ("maliyyə", "finance", "финанс", "büdcə", "budget"),
    ),
    Topic(
        "economy",
        "İqtisadiyyat",
        "Economy",
        "Экономика",
        ("iqtisad", "economy", "economic", "экономик"),
    ),
    Topic(
        "business",
        "Sahibkarlıq",
        "Business and entrepreneurship",
        "Предпринимательство",
        ("sahibkar", "business", "бизнес", "предпринима"),
    ),
    Topic(
        "competition",
        "Rəqabət və istehlakçı hüquqları",
        "Competition and consumer rights",
        "Конкуренция и права потребителей",
        ("rəqabət", "competition", "конкуренц"),
    ),
    Topic(
        "property",
        "Əmlak və torpaq",
        "Property and land",
        "Имущество и земля",
        ("əmlak", "property", "имуществ", "torpaq", "земел"),
    ),
    Topic("customs", "Gömrük", "Customs", "Таможня", ("gömrük", "customs", "таможн")),
    Topic(
        "statistics",
        "Statistika",
        "Statistics",
        "Статистика",
        ("statistik", "statistic", "статисти"),
    ),
    Topic(
        "transport", "Nəqliyyat", "Transport", "Транспорт", ("nəqliyyat", "transport", "транспорт")
    ),
    Topic(
        "roads", "Avtomobil yolları", "Roads", "Автомобильные дороги", ("yolla", "roads", "дорог")
    ),
    Topic(
        "digital",
        "Rəqəmsal inkişaf və rabitə",
        "Digital development and communications",
        "Цифровое развитие и связь",
        ("rəqəmsal", "digital", "цифров", "rabitə"),
    ),
    Topic(
        "environment",
        "Ətraf mühit",
        "Environment",
        "Окружающая среда",
        ("ekolog", "environment", "эколог"),
    ),
    Topic(
        "water",
        "Su ehtiyatları",
        "Water resources",
        "Водные ресурсы",
        ("su=", "water", "вода", "воды", "водн"),
    ),
    Topic("energy", "Energetika", "Energy", "Энергетика", ("enerji", "energy", "энерг")),
    Topic(
        "agriculture",
        "Kənd təsərrüfatı",
        "Agriculture",
        "Сельское хозяйство",
        ("kənd", "agricultur", "сельск"),
    ),
    Topic(
        "food_safety",
        "Qida təhlükəsizliyi",
        "Food safety",
        "Безопасность пищевых продуктов",
        ("qida", "food", "пищев"),
    ),
    Topic("justice", "Ədliyyə", "Justice", "Юстиция", ("hüquq", "legal", "правов")),
    Topic(
        "policing",
        "İctimai asayiş",
        "Policing and public order",
        "Общественный порядок",
        ("asayiş", "police", "полици"),
    ),
    Topic(
        "security",
        "Dövlət təhlükəsizliyi",
        "State security",
        "Государственная безопасность",
        ("təhlükəsizlik", "security", "безопасност"),
    ),
    Topic("defence", "Müdafiə", "Defence", "Оборона", ("hərbi", "military", "военн")),
    Topic(
        "foreign_affairs",
        "Xarici siyasət",
        "Foreign affairs",
        "Внешняя политика",
        ("xarici", "foreign", "зарубеж"),
    ),
    Topic(
        "emergencies",
        "Fövqəladə hallar",
        "Emergencies",
        "Чрезвычайные ситуации",
        ("fəlakət", "disaster", "бедстви"),
    ),
    Topic(
        "social",
        "Sosial müdafiə",
        "Social protection",
        "Социальная защита",
        ("sosial", "social", "социальн"),
    ),
    Topic("pensions", "Pensiyalar", "Pensions", "Пенсии", ("pensiya", "pension", "пенси")),
    Topic(
        "labour",
        "Əmək və məşğulluq",
        "Labour and employment",
        "Труд и занятость",
        ("əmək", "labour", "labor", "труд"),
    ),
    Topic("culture", "Mədəniyyət", "Culture", "Культура", ("mədəni", "cultur", "культур")),
    Topic("tourism", "Turizm", "Tourism", "Туризм", ("turizm", "touris", "турис")),
    Topic(
        "youth_sport",
        "Gənclər və idman",
        "Youth and sports",
        "Молодёжь и спорт",
        ("idman", "sport", "спорт"),
    ),
    Topic(
        "family",
        "Ailə, qadın və uşaqlar",
        "Family, women and children",
        "Семья, женщины и дети",
        ("ailə", "family", "семей", "семья"),
    ),
    Topic(
        "refugees",
        "Qaçqınlar və məcburi köçkünlər",
        "Refugees and internally displaced people",
        "Беженцы и вынужденные переселенцы",
        ("köçkün", "displaced", "переселен"),
    ),
    Topic(
        "religion",
        "Dini qurumlar",
        "Religious associations",
        "Религиозные организации",
        ("dini", "religio", "религи"),
    ),
    Topic("diaspora", "Diaspor", "Diaspora", "Диаспора", ("diaspor", "диаспор")),
    Topic("migration", "Miqrasiya", "Migration", "Миграция", ("miqrasiya", "migra", "миграц")),
    Topic(
        "construction",
        "Şəhərsalma və tikinti",
        "Urban planning and construction",
        "Градостроительство и строительство",
        ("tikinti", "construction", "строительств"),
    ),
    Topic("housing", "Mənzil", "Housing", "Жильё", ("mənzil", "housing", "жиль")),
    Topic(
        "public_services",
        "Dövlət xidmətləri",
        "Public services",
        "Государственные услуги",
        ("xidmət mərkəz", "service centre", "service center", "центр обслуживан"),
    ),
    Topic("media", "Media", "Media", "СМИ", ("media", "медиа", "СМИ")),
    Topic("archives", "Arxivlər", "Archives", "Архивы", ("arxiv", "archiv", "архив")),
    Topic(
        "intellectual_property",
        "Əqli mülkiyyət",
        "Intellectual property",
        "Интеллектуальная собственность",
        ("əqli", "intellectual", "интеллектуальн"),
    ),
    Topic("border", "Sərhəd", "Border", "Граница", ("sərhəd", "border", "границ")),
    Topic(
        "demining",
        "Minatəmizləmə",
        "Mine action",
        "Разминирование",
        ("minatəmizləmə", "demining", "разминир"),
    ),
    Topic(
        "military_service",
        "Hərbi xidmət",
        "Military service",
        "Воинская служба",
        ("hərbi xidmət", "military service", "воинск"),
    ),
)

TOPICS: dict[str, Topic] = {topic.code: topic for topic in _ALL}
"""Every topic by its code, in a stable order."""


def topic_words(codes) -> tuple[str, ...]:
    """Return the routing words of the topics named by ``codes``, unknown codes skipped."""
    return tuple(word for code in codes if code in TOPICS for word in TOPICS[code].words)
