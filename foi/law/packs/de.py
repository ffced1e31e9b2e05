"""Germany (federal): Informationsfreiheitsgesetz (IFG) of 5 Sept 2005.

The month of §7(5) IFG is counted under §31 VwVfG with §§187(1), 188(2)-(3) BGB; a period
ending on a Saturday, Sunday or public holiday ends on the next working day (§31(3) VwVfG,
the administrative counterpart of §193 BGB). Only the nine nationwide holidays are used: the
place of the authority decides regional ones, which an administrator adds as extra days off.
"""

from __future__ import annotations

from foi.law.rules import HolidaySource, OversightBody, Period, RefusalGround, RulePack

HOLIDAYS = HolidaySource(country="DE", languages={"en": "en_US"})


def _ground(code: str, article: str, en: str, az: str, ru: str) -> RefusalGround:
    return RefusalGround(code=code, article=article, title={"en": en, "az": az, "ru": ru})


REFUSAL_GROUNDS = (
    _ground(
        "public_interests",
        "§ 3 IFG",
        "Protection of special public interests",
        "Xüsusi ictimai maraqların qorunması",
        "Защита особых публичных интересов",
    ),
    _ground(
        "security",
        "§ 3 Nr. 1-2 IFG",
        "International relations, defence, public security",
        "Beynəlxalq münasibətlər, müdafiə, ictimai təhlükəsizlik",
        "Международные отношения, оборона, общественная безопасность",
    ),
    _ground(
        "proceedings",
        "§ 3 Nr. 1 g IFG",
        "Ongoing court or investigative proceedings",
        "Davam edən məhkəmə və ya istintaq icraatı",
        "Текущее судебное или следственное производство",
    ),
    _ground(
        "secrecy",
        "§ 3 Nr. 4 IFG",
        "Statutory secrecy or classified information",
        "Qanunla qorunan sirr və ya məxfi məlumat",
        "Тайна, охраняемая законом, или секретные сведения",
    ),
    _ground(
        "decision_making",
        "§ 4 IFG",
        "Protection of the official decision-making process",
        "Rəsmi qərar qəbuletmə prosesinin qorunması",
        "Защита процесса принятия служебных решений",
    ),
    _ground(
        "personal_data",
        "§ 5 IFG",
        "Protection of personal data",
        "Şəxsi məlumatların qorunması",
        "Защита персональных данных",
    ),
    _ground(
        "trade_secrets",
        "§ 6 IFG",
        "Intellectual property, trade and business secrets",
        "Əqli mülkiyyət, ticarət və işgüzar sirlər",
        "Интеллектуальная собственность, коммерческая тайна",
    ),
)

PACK = RulePack(
    code="de",
    timezone="Europe/Berlin",
    name={
        "en": "Freedom of Information Act (IFG), Germany",
        "az": "İnformasiya Azadlığı haqqında Qanun (IFG), Almaniya",
        "ru": "Закон о свободе информации (IFG), Германия",
    },
    jurisdiction={
        "en": "Germany (federal)",
        "az": "Almaniya (federal)",
        "ru": "Германия (федеральный уровень)",
    },
    response=Period(1, "months", "§ 7 Abs. 5 IFG; §§ 187(1), 188(2) BGB"),
    registered_on_receipt=True,
    registration_article="§ 187 Abs. 1 BGB",
    clarification=None,
    clarification_effect="restart",
    clarification_effect_article="§ 7 Abs. 1, 5 IFG",
    # The IFG has no extension: the month is a "soll" (directory) limit, lengthened only by
    # third-party consultation (§ 8 IFG), which is not modelled as an extension.
    extension=None,
    transfer=None,
    transfer_article="§ 7 Abs. 1 IFG",
    pause_article="§ 7 Abs. 5 IFG",
    roll_forward=True,
    roll_forward_article="§ 31 Abs. 3 VwVfG; § 193 BGB",
    # An inaction suit lies three months after the objection (§ 75 VwGO).
    complaint=Period(3, "months", "§ 75 VwGO"),
    complaint_extension=None,
    complaint_window=Period(1, "months", "§ 70 VwGO; § 9 Abs. 4 IFG"),
    refusal_article="§ 9 IFG",
    refusal_requirements={
        "en": "A refusal is a reasoned administrative act with instructions on remedies; the "
        "applicant may object (Widerspruch) and then sue (§ 9 IFG, § 39 VwVfG).",
        "az": "İmtina hüquqi müdafiə vasitələri göstərilməklə əsaslandırılmış inzibati aktdır; "
        "ərizəçi etiraz edə və sonra məhkəməyə müraciət edə bilər.",
        "ru": "Отказ — мотивированный административный акт с разъяснением средств защиты; "
        "заявитель может подать возражение, затем иск (§ 9 IFG).",
    },
    refusal_grounds=REFUSAL_GROUNDS,
    holidays=HOLIDAYS,
    oversight=OversightBody(
        name={
            "en": "Federal Commissioner for Data Protection and Freedom of Information (BfDI)",
            "az": "Məlumatların Mühafizəsi və İnformasiya Azadlığı üzrə Federal Müvəkkil",
            "ru": "Федеральный уполномоченный по защите данных и свободе информации",
        },
        article="§ 12 IFG",
        description={
            "en": "Anyone may appeal to the BfDI, who mediates; binding remedies come from the "
            "objection procedure and the administrative courts.",
            "az": "Hər kəs BfDI-yə müraciət edə bilər; məcburi vasitələr etiraz və inzibati "
            "məhkəmələrdir.",
            "ru": "Любой может обратиться к BfDI; обязательные решения — возражение и "
            "административные суды.",
        },
        url="https://www.bfdi.bund.de",
    ),
    sources=(
        "https://lexetius.com/IFG/7/antrag-und-verfahren",
        "https://www.gesetze-im-internet.de/vwvfg/__31.html",
        "https://www.gesetze-im-internet.de/bgb/__188.html",
    ),
)
