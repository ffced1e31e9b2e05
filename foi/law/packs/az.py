"""Azerbaijan: Law No. 1024-IIQ of 30 Sept 2005 "On the Right to Obtain Information".

Articles cited as "Art." are of that law unless another act is named. See docs/law.md for the
sources, the confidence of each value and the open questions (arts. 24.6 and 25).
"""

from __future__ import annotations

from foi.law.rules import HolidaySource, OversightBody, Period, RefusalGround, RulePack

HOLIDAYS = HolidaySource(
    country="AZ",
    # The package models Labour Code art. 105.5-105.6 moves and the Cabinet's swaps.
    languages={"en": "en_US", "az": "az"},
)


def _ground(code: str, article: str, en: str, az: str, ru: str) -> RefusalGround:
    return RefusalGround(code=code, article=article, title={"en": en, "az": az, "ru": ru})


REFUSAL_GROUNDS = (
    _ground(
        "state_interests",
        "Art. 2.4-1",
        "Political, economic, military, financial and monetary interests of the Republic",
        "Respublikanın siyasi, iqtisadi, hərbi, maliyyə-kredit və valyuta maraqları",
        "Политические, экономические, военные, финансово-кредитные интересы Республики",
    ),
    _ground(
        "public_order",
        "Art. 2.4-1",
        "Public order, health and morals",
        "İctimai qayda, sağlamlıq və mənəviyyat",
        "Общественный порядок, здоровье и нравственность",
    ),
    _ground(
        "rights_of_others",
        "Art. 2.4-1",
        "Rights and freedoms, commercial and other economic interests of others",
        "Digər şəxslərin hüquq və azadlıqları, kommersiya və digər iqtisadi maraqları",
        "Права и свободы, коммерческие и иные экономические интересы других лиц",
    ),
    _ground(
        "justice",
        "Art. 2.4-1",
        "Authority and impartiality of the courts; normal course of a criminal investigation",
        "Məhkəmənin nüfuzu və qərəzsizliyi; cinayət işi üzrə istintaqın normal gedişi",
        "Авторитет и беспристрастность суда; нормальный ход предварительного следствия",
    ),
    _ground(
        "state_secret",
        "Art. 34; Law on State Secrets",
        "State secret",
        "Dövlət sirri",
        "Государственная тайна",
    ),
    _ground(
        "official_use",
        "Art. 35",
        "Information for official use only",
        "Xidməti istifadə üçün nəzərdə tutulan informasiya",
        "Информация для служебного пользования",
    ),
    _ground(
        "private_data",
        "Art. 38.2",
        "Private data: health, personal traits, social aid, taxation (debts excepted)",
        "Fərdi məlumatlar: sağlamlıq, şəxsi xüsusiyyətlər, sosial yardım, vergi (borclar "
        "istisna olmaqla)",
        "Персональные данные: здоровье, личные качества, соцпомощь, налоги (кроме долгов)",
    ),
    _ground(
        "family_life",
        "Art. 38.3",
        "Family life: sex life, civil-status records, adoption",
        "Ailə həyatı: cinsi həyat, vətəndaşlıq vəziyyəti aktları, övladlığa götürmə",
        "Семейная жизнь: интимная жизнь, акты гражданского состояния, усыновление",
    ),
    _ground(
        "disproportionate_volume",
        "Art. 21.2.3",
        "Volume would seriously obstruct public duties or cause unreasonable cost",
        "Həcm ictimai vəzifələrin icrasına ciddi maneə yaradır və ya əsassız məsrəfə səbəb olur",
        "Объём серьёзно препятствует публичным обязанностям или требует чрезмерных затрат",
    ),
    _ground(
        "requires_analysis",
        "Art. 21.2.5",
        "Would require the information to be systematised, analysed or documented",
        "İnformasiyanın sistemləşdirilməsini, təhlilini və ya sənədləşdirilməsini tələb edir",
        "Требует систематизации, анализа или документирования информации",
    ),
)

PACK = RulePack(
    code="az",
    timezone="Asia/Baku",
    name={
        "az": "«İnformasiya əldə etmək haqqında» Azərbaycan Respublikasının Qanunu (2005)",
        "en": "Law of the Republic of Azerbaijan on the Right to Obtain Information (2005)",
        "ru": "Закон Азербайджанской Республики «О получении информации» (2005)",
    },
    jurisdiction={"az": "Azərbaycan", "en": "Azerbaijan", "ru": "Азербайджан"},
    response=Period(7, "working_days", "Art. 24.1, 24.5"),
    urgent={
        "timeliness": Period(24, "hours", "Art. 24.2"),
        "life": Period(48, "working_hours", "Art. 24.3"),
    },
    # Reading A of research §4.2: an online request is registered the day it arrives.
    registered_on_receipt=True,
    registration_article="Art. 24.5",
    clarification=Period(5, "working_days", "Art. 24.4"),
    clarification_effect="restart",
    clarification_effect_article="Art. 24.6",
    extension=Period(7, "working_days", "Art. 25"),
    extension_notice=Period(5, "working_days", "Art. 25"),
    transfer=Period(5, "working_days", "Art. 23.1"),
    transfer_article="Art. 23.1, 24.5",
    # The law has no stop of the clock for fees; a generic pause cites the ordinary period.
    pause_article="",
    complaint=Period(10, "working_days", "Constitutional Law on the Ombudsman, art. 13-1.1"),
    complaint_extension=Period(
        10, "working_days", "Constitutional Law on the Ombudsman, art. 13-1.1"
    ),
    complaint_window=Period(12, "months", "Constitutional Law on the Ombudsman (one year)"),
    refusal_article="Art. 21.3",
    refusal_requirements={
        "en": "A refusal must be clear and reasoned, cite the articles of law it rests on and "
        "tell the requester of the right to appeal to a court (Art. 21.3).",
        "az": "İmtina aydın və əsaslandırılmış olmalı, qanunun müvafiq maddələrini göstərməli və "
        "sorğuçunun məhkəməyə şikayət etmək hüququnu bildirməlidir (maddə 21.3).",
        "ru": "Отказ должен быть ясным и мотивированным, ссылаться на статьи закона и сообщать "
        "о праве обжаловать его в суде (ст. 21.3).",
    },
    refusal_grounds=REFUSAL_GROUNDS,
    holidays=HOLIDAYS,
    oversight=OversightBody(
        name={
            "az": "Azərbaycan Respublikasının İnsan hüquqları üzrə müvəkkili (Ombudsman)",
            "en": "Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan",
            "ru": "Уполномоченный по правам человека (Омбудсмен) Азербайджанской Республики",
        },
        article="Art. 42.1.2; Constitutional Law on the Ombudsman, arts. 1.3, 13-1",
        description={
            "en": "Examines a complaint within 10 working days, extendable by up to 10 with "
            "written notice; complaints within one year of the violation.",
            "az": "Şikayətə 10 iş günü ərzində baxır, yazılı bildirişlə 10 iş gününədək uzada "
            "bilər; şikayət pozuntudan sonra bir il ərzində verilir.",
            "ru": "Рассматривает жалобу в течение 10 рабочих дней, с письменным уведомлением "
            "может продлить до 10; жалоба подаётся в течение года.",
        },
        url="https://ombudsman.az",
    ),
    sources=(
        (
            "http://muhaz.org/informasiya-elde-etmek-haqqnda-v2/muhaz.org/"
            "informasiya-elde-etmek-haqqnda-v2.html?page=6"
        ),
        (
            "http://azrefs.org/informasiya-elde-etmek-haqqinda-azerbaycan-respublikasinin-qan.html"
            "?page=2"
        ),
        "https://cis-legislation.com/document.fwx?rgn=11386",
        "https://law.ungovr.org/records/az",
    ),
)
