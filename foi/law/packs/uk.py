"""United Kingdom: Freedom of Information Act 2000 (England, Wales, Northern Ireland).

Scotland has its own Act (FOISA 2002) with the same 20-working-day rule; this pack is the UK
Act, whose working day excludes a bank holiday in any part of the UK (s.10(6)).
"""

from __future__ import annotations

from foi.law.rules import HolidaySource, OversightBody, Period, RefusalGround, RulePack

HOLIDAYS = HolidaySource(
    country="GB",
    subdivisions=("ENG", "NIR", "SCT", "WLS"),
    languages={"en": "en_GB"},
    subdivision_names={
        "ENG": "England",
        "NIR": "Northern Ireland",
        "SCT": "Scotland",
        "WLS": "Wales",
    },
)


def _ground(code: str, article: str, en: str, az: str, ru: str) -> RefusalGround:
    return RefusalGround(code=code, article=article, title={"en": en, "az": az, "ru": ru})


REFUSAL_GROUNDS = (
    _ground(
        "cost_limit",
        "s.12",
        "Cost of compliance exceeds the appropriate limit",
        "İcra xərci müəyyən edilmiş həddi aşır",
        "Затраты превышают установленный предел",
    ),
    _ground(
        "vexatious",
        "s.14",
        "Vexatious or repeated request",
        "Təqibçi və ya təkrar sorğu",
        "Сутяжнический или повторный запрос",
    ),
    _ground(
        "accessible",
        "s.21",
        "Reasonably accessible by other means",
        "Başqa yolla əldə etmək mümkündür",
        "Доступна иным способом",
    ),
    _ground(
        "future_publication",
        "s.22",
        "Intended for future publication",
        "Gələcəkdə dərc olunacaq",
        "Предназначена для будущей публикации",
    ),
    _ground(
        "security_bodies",
        "s.23",
        "Security bodies",
        "Təhlükəsizlik orqanları",
        "Органы безопасности",
    ),
    _ground(
        "national_security",
        "s.24",
        "National security",
        "Milli təhlükəsizlik",
        "Национальная безопасность",
    ),
    _ground("defence", "s.26", "Defence", "Müdafiə", "Оборона"),
    _ground(
        "international_relations",
        "s.27",
        "International relations",
        "Beynəlxalq münasibətlər",
        "Международные отношения",
    ),
    _ground(
        "investigations",
        "s.30",
        "Investigations and proceedings by public authorities",
        "Dövlət orqanlarının araşdırmaları",
        "Расследования государственных органов",
    ),
    _ground("law_enforcement", "s.31", "Law enforcement", "Hüquq-mühafizə", "Правоприменение"),
    _ground(
        "policy",
        "s.35",
        "Formulation of government policy",
        "Hökumət siyasətinin hazırlanması",
        "Формирование политики правительства",
    ),
    _ground(
        "public_affairs",
        "s.36",
        "Prejudice to effective conduct of public affairs",
        "Dövlət işlərinin səmərəli aparılmasına zərər",
        "Ущерб ведению публичных дел",
    ),
    _ground(
        "health_safety",
        "s.38",
        "Health and safety",
        "Sağlamlıq və təhlükəsizlik",
        "Здоровье и безопасность",
    ),
    _ground(
        "personal_information",
        "s.40",
        "Personal information",
        "Şəxsi məlumat",
        "Персональные данные",
    ),
    _ground(
        "confidence",
        "s.41",
        "Information provided in confidence",
        "Məxfi şəkildə verilmiş məlumat",
        "Информация, переданная конфиденциально",
    ),
    _ground(
        "legal_privilege",
        "s.42",
        "Legal professional privilege",
        "Hüquqi peşə imtiyazı",
        "Адвокатская тайна",
    ),
    _ground(
        "commercial",
        "s.43",
        "Commercial interests",
        "Kommersiya maraqları",
        "Коммерческие интересы",
    ),
    _ground(
        "prohibited",
        "s.44",
        "Disclosure prohibited by law",
        "Açıqlanması qanunla qadağandır",
        "Раскрытие запрещено законом",
    ),
)

PACK = RulePack(
    code="uk",
    timezone="Europe/London",
    name={
        "en": "Freedom of Information Act 2000",
        "az": "İnformasiya Azadlığı haqqında Qanun 2000 (Birləşmiş Krallıq)",
        "ru": "Закон о свободе информации 2000 года (Великобритания)",
    },
    jurisdiction={"en": "United Kingdom", "az": "Birləşmiş Krallıq", "ru": "Великобритания"},
    # "the twentieth working day following the date of receipt": receipt is day 0, whatever day.
    response=Period(20, "working_days", "FOIA 2000 s.10(1), s.10(6)"),
    registered_on_receipt=True,
    registration_article="FOIA 2000 s.10(1)",
    # s.1(3): the authority need not comply until it has the further information it asked for;
    # the ICO counts 20 working days afresh from the clarification.
    clarification=None,
    clarification_effect="restart",
    clarification_effect_article="FOIA 2000 s.1(3), s.10(1)",
    # s.10(3) allows "reasonable" extra time for the public-interest test; ICO guidance caps it
    # at 20 further working days.
    extension=Period(20, "working_days", "FOIA 2000 s.10(3); ICO guidance"),
    transfer=None,
    transfer_article="FOIA 2000 s.45 Code of Practice (transfer)",
    pause_article="FOIA 2000 s.10(2)",
    complaint=Period(20, "working_days", "FOIA 2000 s.45 Code of Practice, internal review"),
    complaint_extension=Period(
        20, "working_days", "FOIA 2000 s.45 Code of Practice, internal review"
    ),
    complaint_window=Period(40, "working_days", "FOIA 2000 s.45 Code of Practice"),
    refusal_article="FOIA 2000 s.17",
    refusal_requirements={
        "en": "A refusal notice must state the exemption, why it applies and, for qualified "
        "exemptions, the public-interest reasons; it must describe the complaints "
        "procedure and the right to apply to the Information Commissioner (s.17).",
        "az": "İmtina bildirişi istisnanı, onun səbəbini və ictimai maraq əsaslarını göstərməli, "
        "şikayət qaydasını və İnformasiya Komissarına müraciət hüququnu bildirməlidir "
        "(s.17).",
        "ru": "Уведомление об отказе указывает изъятие, причины, соображения общественного "
        "интереса, порядок обжалования и право обратиться к Информационному комиссару "
        "(s.17).",
    },
    refusal_grounds=REFUSAL_GROUNDS,
    holidays=HOLIDAYS,
    oversight=OversightBody(
        name={
            "en": "Information Commissioner's Office",
            "az": "İnformasiya Komissarı İdarəsi",
            "ru": "Управление Информационного комиссара",
        },
        article="FOIA 2000 s.50",
        description={
            "en": "After the internal review, the requester may apply to the Information "
            "Commissioner for a decision (s.50).",
            "az": "Daxili baxışdan sonra sorğuçu qərar üçün İnformasiya Komissarına müraciət "
            "edə bilər (s.50).",
            "ru": "После внутреннего пересмотра заявитель может обратиться к Информационному "
            "комиссару за решением (s.50).",
        },
        url="https://ico.org.uk",
    ),
    sources=(
        "https://www.legislation.gov.uk/ukpga/2000/36/section/10",
        (
            "https://ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-"
            "information-regulations/time-limits-for-compliance-under-the-freedom-of-information-"
            "act-section-10"
        ),
        "http://foiwiki.com/foiwiki/index.php/LTT47",
    ),
)
