"""India: Right to Information Act, 2005 (module named in_ because `in` is a keyword)."""

from __future__ import annotations

from foi.law.rules import HolidaySource, OversightBody, Period, RefusalGround, RulePack

HOLIDAYS = HolidaySource(country="IN", languages={"en": "en_IN"})


def _ground(code: str, article: str, en: str, az: str, ru: str) -> RefusalGround:
    return RefusalGround(code=code, article=article, title={"en": en, "az": az, "ru": ru})


REFUSAL_GROUNDS = (
    _ground(
        "sovereignty",
        "s.8(1)(a)",
        "Sovereignty, integrity, security of India",
        "Hindistanın suverenliyi, bütövlüyü, təhlükəsizliyi",
        "Суверенитет, целостность, безопасность Индии",
    ),
    _ground(
        "court_forbidden",
        "s.8(1)(b)",
        "Expressly forbidden by a court",
        "Məhkəmə tərəfindən açıq şəkildə qadağan edilib",
        "Прямо запрещено судом",
    ),
    _ground(
        "privilege",
        "s.8(1)(c)",
        "Breach of privilege of Parliament or a Legislature",
        "Parlamentin imtiyazının pozulması",
        "Нарушение привилегий парламента",
    ),
    _ground(
        "commercial",
        "s.8(1)(d)",
        "Commercial confidence, trade secrets",
        "Kommersiya məxfiliyi, ticarət sirləri",
        "Коммерческая тайна",
    ),
    _ground(
        "fiduciary",
        "s.8(1)(e)",
        "Fiduciary relationship",
        "Etibar münasibəti",
        "Фидуциарные отношения",
    ),
    _ground(
        "foreign_confidence",
        "s.8(1)(f)",
        "Received in confidence from a foreign government",
        "Xarici hökumətdən məxfi alınıb",
        "Получено конфиденциально от иностранного правительства",
    ),
    _ground(
        "safety",
        "s.8(1)(g)",
        "Endangers life or physical safety",
        "Həyat və ya fiziki təhlükəsizlik üçün təhlükə",
        "Угроза жизни или физической безопасности",
    ),
    _ground(
        "investigation",
        "s.8(1)(h)",
        "Impedes investigation or prosecution",
        "İstintaqa və ya cinayət təqibinə mane olur",
        "Препятствует расследованию или преследованию",
    ),
    _ground(
        "cabinet",
        "s.8(1)(i)",
        "Cabinet papers",
        "Nazirlər Kabinetinin sənədləri",
        "Документы кабинета министров",
    ),
    _ground(
        "personal",
        "s.8(1)(j)",
        "Personal information without public interest",
        "İctimai marağı olmayan şəxsi məlumat",
        "Личная информация без общественного интереса",
    ),
    _ground(
        "copyright",
        "s.9",
        "Infringes copyright of a person other than the State",
        "Dövlətdən başqa şəxsin müəllif hüququnu pozur",
        "Нарушает авторское право лица, не являющегося государством",
    ),
)

PACK = RulePack(
    code="in",
    timezone="Asia/Kolkata",
    name={
        "en": "Right to Information Act, 2005",
        "az": "İnformasiya hüququ haqqında Qanun, 2005 (Hindistan)",
        "ru": "Закон о праве на информацию 2005 года (Индия)",
    },
    jurisdiction={"en": "India", "az": "Hindistan", "ru": "Индия"},
    # "within thirty days of the receipt": the day of receipt is excluded (General Clauses
    # Act 1897 s.9), and the Act has no roll-forward (see docs/law.md, open questions).
    response=Period(30, "days", "RTI Act 2005 s.7(1)"),
    urgent={"life": Period(48, "hours", "RTI Act 2005 s.7(1) proviso")},
    registered_on_receipt=True,
    registration_article="RTI Act 2005 s.7(1)",
    clarification=None,
    clarification_effect="resume",
    clarification_effect_article="RTI Act 2005 s.7(1)",
    extension=None,
    transfer=Period(5, "days", "RTI Act 2005 s.6(3)"),
    transfer_article="RTI Act 2005 s.6(3), s.7(1)",
    pause_article="RTI Act 2005 s.7(3)(a)",
    complaint=Period(30, "days", "RTI Act 2005 s.19(6)"),
    complaint_extension=Period(15, "days", "RTI Act 2005 s.19(6)"),
    complaint_window=Period(30, "days", "RTI Act 2005 s.19(1)"),
    refusal_article="RTI Act 2005 s.7(8)",
    refusal_requirements={
        "en": "A rejection must give the reasons, the period within which an appeal may be "
        "preferred and the particulars of the appellate authority (s.7(8)).",
        "az": "İmtina səbəbləri, şikayət müddətini və apellyasiya orqanının məlumatlarını "
        "göstərməlidir (s.7(8)).",
        "ru": "Отказ указывает причины, срок обжалования и сведения об апелляционном органе "
        "(s.7(8)).",
    },
    refusal_grounds=REFUSAL_GROUNDS,
    holidays=HOLIDAYS,
    oversight=OversightBody(
        name={
            "en": "Central / State Information Commission",
            "az": "Mərkəzi / Ştat İnformasiya Komissiyası",
            "ru": "Центральная / штатная информационная комиссия",
        },
        article="RTI Act 2005 ss.18-19",
        description={
            "en": "First appeal to the senior officer within 30 days (s.19(1)), decided in 30 "
            "days, at most 45 (s.19(6)); second appeal to the Information Commission "
            "within 90 days (s.19(3)).",
            "az": "Birinci şikayət 30 gün ərzində (s.19(1)), 30-45 gündə həll edilir; ikinci "
            "şikayət 90 gün ərzində İnformasiya Komissiyasına (s.19(3)).",
            "ru": "Первая апелляция в течение 30 дней (s.19(1)), решение за 30, максимум 45 "
            "дней; вторая — в Информационную комиссию в течение 90 дней (s.19(3)).",
        },
        url="https://cic.gov.in",
    ),
    sources=("https://righttoinformation.wiki/_export/xhtml/act/section-7",),
)
