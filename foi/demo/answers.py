"""Letter fragments for demo requests: openings, closings, officer notes and outcome answers.

Refusals and partial answers cite the Law of the Republic of Azerbaijan "On the Right to Obtain
Information" (No. 1024-IIQ of 30 September 2005): art. 21.2.3 (a volume that would seriously
obstruct the holder's duties), art. 21.2.5 (information that would have to be systematised or
analysed), art. 21.3 (a refusal is reasoned and names the right to go to court), art. 22.2 (only
the open part of a restricted document is given) and art. 38 (private data).
"""

OPENINGS = {
    "az": (
        "Hörmətli məsul şəxs!",
        (
            "«İnformasiya əldə etmək haqqında» Azərbaycan Respublikasının Qanununa əsasən sizə "
            "informasiya sorğusu ilə müraciət edirəm."
        ),
        "Salam.",
        "",
    ),
    "en": (
        "Dear Sir or Madam,",
        "Under the Law on the Right to Obtain Information, I request the following information.",
        "Hello,",
        "",
    ),
    "ru": (
        "Здравствуйте!",
        (
            "В соответствии с Законом «О праве на получение информации» прошу предоставить "
            "следующие сведения."
        ),
        "Уважаемые господа!",
        "",
    ),
}

CLOSINGS = {
    "az": (
        "Cavabı elektron formada göndərməyinizi xahiş edirəm.",
        "Əvvəlcədən təşəkkür edirəm.",
        "Məlumatı Excel cədvəli şəklində təqdim etsəniz, minnətdar olaram.",
        "",
    ),
    "en": ("Thank you in advance.", "An electronic copy is sufficient.", ""),
    "ru": ("Заранее благодарю.", "Ответ прошу направить в электронном виде.", ""),
}

URGENT = {
    "az": "Məlumat insanların həyatı və sağlamlığı ilə bağlı olduğundan sorğunun təcili "
    "icrasını xahiş edirəm.",
    "en": "The information concerns a threat to people's life and health, so I ask for it "
    "urgently.",
    "ru": "Поскольку сведения касаются угрозы жизни и здоровью людей, прошу ответить срочно.",
}

CLARIFICATIONS = {
    "az": (
        "Sorğunuzda hansı dövrü nəzərdə tutduğunuzu dəqiqləşdirməyinizi xahiş edirik.",
        (
            "Sorğuda hansı yaşayış məntəqəsinin nəzərdə tutulduğunu dəqiqləşdirməyinizi xahiş "
            "edirik."
        ),
        (
            "Məlumatın hansı formada (kağız və ya elektron) təqdim edilməsini istədiyinizi "
            "bildirməyinizi xahiş edirik."
        ),
    ),
    "en": (
        "Please specify the period your request covers.",
        "Please tell us which settlement or district you mean.",
    ),
    "ru": (
        "Просим уточнить, за какой период вы запрашиваете сведения.",
        "Просим уточнить, какой населённый пункт имеется в виду.",
    ),
}

EXTENSIONS = {
    "az": (
        (
            "Sorğu olunan məlumat bir neçə regional bölmədən toplanmalı olduğundan cavab müddəti "
            "qanunla müəyyən edilmiş qaydada uzadılır."
        ),
        (
            "Məlumatın həcmi böyük olduğundan cavab müddəti qanunla müəyyən edilmiş qaydada "
            "uzadılır."
        ),
    ),
    "en": (
        (
            "The information has to be gathered from several regional offices, so the time "
            "limit is extended as the law allows."
        ),
    ),
    "ru": (
        (
            "Сведения необходимо собрать в нескольких региональных подразделениях, поэтому "
            "срок ответа продлевается в установленном законом порядке."
        ),
    ),
}

TRANSFERS = {
    "az": "Sorğu olunan informasiya qurumumuzda deyil; sorğunuz aidiyyəti üzrə baxılması "
    "üçün göndərilmişdir: {agency}.",
    "en": "We do not hold this information; your request has been forwarded to: {agency}.",
    "ru": "Запрашиваемая информация у нас отсутствует; запрос направлен по принадлежности: "
    "{agency}.",
}

WITHDRAWALS = {
    "az": (
        "Məlumatı artıq qurumun saytında tapdım, sorğunu geri götürürəm.",
        "Sorğunu geri götürürəm, daha dəqiq sorğu göndərəcəyəm.",
    ),
    "en": ("I found the information on the agency's website, so I withdraw my request.",),
    "ru": ("Нашёл сведения на сайте ведомства, отзываю запрос.",),
}

PARTIAL = {
    "az": "{answer}\n\nSorğunun qalan hissəsi fiziki şəxslərin fərdi məlumatlarını ehtiva "
    "etdiyindən, «İnformasiya əldə etmək haqqında» Qanunun 22.2-ci maddəsinə uyğun olaraq "
    "sənədlərin yalnız girişi məhdudlaşdırılmamış hissəsi təqdim olunur.",
    "en": "{answer}\n\nThe rest of the requested documents contains personal data, so under "
    "Article 22.2 of the Law on the Right to Obtain Information only their open part is "
    "provided.",
    "ru": "{answer}\n\nОстальная часть документов содержит персональные данные, поэтому в "
    "соответствии со статьёй 22.2 Закона «О праве на получение информации» "
    "предоставляется только их открытая часть.",
}

REFUSALS = {
    "az": (
        (
            "Sorğu olunan məlumatın hazırlanması çoxsaylı sənədlərin sistemləşdirilməsini və "
            "təhlilini tələb etdiyindən, «İnformasiya əldə etmək haqqında» Qanunun 21.2.5-ci "
            "maddəsinə əsasən sorğunun icrasından imtina edilir. Qanunun 21.3-cü maddəsinə uyğun "
            "olaraq bu qərardan məhkəməyə şikayət etmək hüququnuz var."
        ),
        (
            "Sorğu olunan sənədlər fiziki şəxslərin fərdi məlumatlarını ehtiva edir və "
            "«İnformasiya əldə etmək haqqında» Qanunun 38-ci maddəsinə əsasən girişi "
            "məhdudlaşdırılmış informasiyadır. Sorğunun icrasından imtina edilir; bu qərardan "
            "məhkəməyə şikayət edə bilərsiniz."
        ),
        (
            "Sorğunun həcmi qurumun fəaliyyətinə ciddi maneə yaradacağından «İnformasiya əldə "
            "etmək haqqında» Qanunun 21.2.3-cü maddəsinə əsasən sorğunun icrasından imtina edilir. "
            "Sorğunu daha qısa dövr üzrə yenidən göndərə bilərsiniz. Bu qərardan məhkəməyə şikayət "
            "etmək hüququnuz var."
        ),
    ),
    "en": (
        (
            "Preparing this information would require systematising and analysing many documents, "
            "so the request is refused under Article 21.2.5 of the Law on the Right to Obtain "
            "Information. Under Article 21.3 you may appeal against this decision to a court."
        ),
        (
            "The requested documents contain personal data, access to which is restricted by "
            "Article 38 of the Law on the Right to Obtain Information. The request is refused; you "
            "may appeal to a court."
        ),
    ),
    "ru": (
        (
            "Подготовка сведений потребует систематизации и анализа большого числа документов, "
            "поэтому на основании статьи 21.2.5 Закона «О праве на получение информации» в "
            "выполнении запроса отказано. Согласно статье 21.3 вы вправе обжаловать это решение "
            "в суде."
        ),
        (
            "Запрашиваемые документы содержат персональные данные, доступ к которым ограничен "
            "статьёй 38 Закона «О праве на получение информации». В выполнении запроса отказано; "
            "решение можно обжаловать в суде."
        ),
    ),
}

NOT_HELD = {
    "az": "Sorğu olunan informasiya qurumumuzda mövcud deyil. Bu məlumatın {agency} tərəfindən "
    "saxlanıldığını nəzərə alaraq, həmin quruma müraciət etməyinizi tövsiyə edirik.",
    "en": "We do not hold the requested information. It is held by {agency}; we suggest you "
    "send your request there.",
    "ru": "Запрашиваемая информация у нас отсутствует. Она находится в ведении: {agency}; "
    "рекомендуем обратиться туда.",
}
