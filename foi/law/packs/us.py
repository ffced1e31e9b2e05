"""United States: Freedom of Information Act, 5 U.S.C. § 552 (federal agencies)."""

from __future__ import annotations

from foi.law.rules import HolidaySource, OversightBody, Period, RefusalGround, RulePack

# "Legal public holidays" (5 U.S.C. § 6103); one-off executive-order closures are not in this
# category and can be added as extra days off.
HOLIDAYS = HolidaySource(country="US", languages={"en": "en_US"})


def _ground(code: str, article: str, en: str, az: str, ru: str) -> RefusalGround:
    return RefusalGround(code=code, article=article, title={"en": en, "az": az, "ru": ru})


REFUSAL_GROUNDS = (
    _ground(
        "b1",
        "5 U.S.C. § 552(b)(1)",
        "Classified national defense or foreign policy",
        "Məxfi müdafiə və xarici siyasət məlumatı",
        "Засекреченные сведения об обороне или внешней политике",
    ),
    _ground(
        "b2",
        "5 U.S.C. § 552(b)(2)",
        "Internal personnel rules and practices",
        "Daxili kadr qaydaları və təcrübəsi",
        "Внутренние кадровые правила и практика",
    ),
    _ground(
        "b3",
        "5 U.S.C. § 552(b)(3)",
        "Exempted by another statute",
        "Başqa qanunla istisna edilib",
        "Изъято другим законом",
    ),
    _ground(
        "b4",
        "5 U.S.C. § 552(b)(4)",
        "Trade secrets and confidential commercial information",
        "Ticarət sirləri və məxfi kommersiya məlumatı",
        "Коммерческая тайна и конфиденциальная деловая информация",
    ),
    _ground(
        "b5",
        "5 U.S.C. § 552(b)(5)",
        "Privileged inter- or intra-agency memoranda",
        "İmtiyazlı idarələrarası yazışma",
        "Привилегированная межведомственная переписка",
    ),
    _ground(
        "b6",
        "5 U.S.C. § 552(b)(6)",
        "Personal privacy (personnel and medical files)",
        "Şəxsi həyatın toxunulmazlığı",
        "Неприкосновенность частной жизни",
    ),
    _ground(
        "b7",
        "5 U.S.C. § 552(b)(7)",
        "Records compiled for law enforcement",
        "Hüquq-mühafizə məqsədilə toplanmış qeydlər",
        "Материалы, собранные в правоохранительных целях",
    ),
    _ground(
        "b8",
        "5 U.S.C. § 552(b)(8)",
        "Supervision of financial institutions",
        "Maliyyə institutlarına nəzarət",
        "Надзор за финансовыми учреждениями",
    ),
    _ground(
        "b9",
        "5 U.S.C. § 552(b)(9)",
        "Geological information on wells",
        "Quyular haqqında geoloji məlumat",
        "Геологические сведения о скважинах",
    ),
)

PACK = RulePack(
    code="us",
    timezone="America/New_York",
    name={
        "en": "Freedom of Information Act, 5 U.S.C. § 552",
        "az": "İnformasiya Azadlığı haqqında Qanun (ABŞ), 5 U.S.C. § 552",
        "ru": "Закон о свободе информации (США), 5 U.S.C. § 552",
    },
    jurisdiction={
        "en": "United States (federal)",
        "az": "ABŞ (federal)",
        "ru": "США (федеральный уровень)",
    },
    # "within 20 days (excepting Saturdays, Sundays, and legal public holidays) after receipt".
    response=Period(20, "working_days", "5 U.S.C. § 552(a)(6)(A)(i)"),
    registered_on_receipt=True,
    registration_article="5 U.S.C. § 552(a)(6)(A)(ii)",
    # One request for information tolls the period; it resumes, it does not restart.
    clarification=None,
    clarification_effect="resume",
    clarification_effect_article="5 U.S.C. § 552(a)(6)(A)(ii)(I)",
    extension=Period(10, "working_days", "5 U.S.C. § 552(a)(6)(B)(i)"),
    transfer=None,
    transfer_article="5 U.S.C. § 552(a)(6)(A)(ii)",
    transfer_start_cap=Period(10, "working_days", "5 U.S.C. § 552(a)(6)(A)(ii)"),
    pause_article="5 U.S.C. § 552(a)(6)(A)(ii)(II)",
    complaint=Period(20, "working_days", "5 U.S.C. § 552(a)(6)(A)(ii)"),
    complaint_extension=Period(10, "working_days", "5 U.S.C. § 552(a)(6)(B)(i)"),
    complaint_window=Period(90, "days", "5 U.S.C. § 552(a)(6)(A)(i)(III)(aa)"),
    refusal_article="5 U.S.C. § 552(a)(6)(A)(i)",
    refusal_requirements={
        "en": "An adverse determination must give the reasons, the right to seek assistance "
        "from the FOIA Public Liaison, and the right to appeal within at least 90 days "
        "((a)(6)(A)(i)).",
        "az": "Mənfi qərar səbəbləri, FOIA ictimai əlaqə şəxsindən kömək istəmək və ən azı 90 "
        "gün ərzində şikayət hüququnu göstərməlidir.",
        "ru": "Отрицательное решение указывает причины, право обратиться к FOIA Public "
        "Liaison и право обжаловать в течение не менее 90 дней.",
    },
    refusal_grounds=REFUSAL_GROUNDS,
    holidays=HOLIDAYS,
    oversight=OversightBody(
        name={
            "en": "Office of Government Information Services (OGIS)",
            "az": "Hökumət İnformasiya Xidmətləri İdarəsi (OGIS)",
            "ru": "Управление государственных информационных служб (OGIS)",
        },
        article="5 U.S.C. § 552(h); judicial review § 552(a)(4)(B)",
        description={
            "en": "Administrative appeal to the agency, mediation by OGIS, then the federal "
            "district court.",
            "az": "İdarəyə inzibati şikayət, OGIS vasitəçiliyi, sonra federal məhkəmə.",
            "ru": "Административная жалоба в ведомство, посредничество OGIS, затем федеральный "
            "суд.",
        },
        url="https://www.archives.gov/ogis",
    ),
    sources=(
        "https://www.law.cornell.edu/uscode/text/5/552",
        "http://cfr.laws-info.com/text/41/105-60/402-2",
    ),
)
