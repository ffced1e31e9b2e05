"""Demo request texts in English and Russian, with the full answer to each."""

from foi.demo.template import RequestTemplate as T

TEMPLATES_EN = (
    T(
        "health",
        "en",
        "Hospital beds in {place_en}",
        "Please tell me how many hospital beds per 10,000 residents were available in {place_en} "
        "in {year}, separately for public and private hospitals.",
        "In {year} public hospitals in {place_en} had 41 beds per 10,000 residents. Figures for "
        "private hospitals are attached.",
        alt="tabib",
    ),
    T(
        "tax",
        "en",
        "VAT refunds to exporters",
        "Please provide the total amount of VAT refunded to exporters in {year} and the average "
        "time taken to process a refund claim.",
        "In {year} VAT refunds to exporters totalled AZN 318 million. A refund claim took 23 "
        "days on average.",
    ),
    T(
        "migration",
        "en",
        "Residence permits issued to foreign nationals",
        "How many temporary and permanent residence permits were issued to foreign nationals in "
        "{year}? A breakdown by country of citizenship would be appreciated.",
        "In {year} the Service issued 21,700 temporary and 2,150 permanent residence permits. "
        "The breakdown by country is attached.",
    ),
    T(
        "ecology",
        "en",
        "Air quality monitoring data for {place_en}",
        "I request the monthly average PM2.5 and PM10 concentrations measured by the air "
        "quality monitoring stations in {place_en} in {year}.",
        "The monthly averages for {year} from the monitoring stations in {place_en} are attached "
        "as a spreadsheet.",
    ),
    T(
        "tourism",
        "en",
        "Tourist arrivals by country",
        "Please send the number of foreign tourist arrivals in {year} broken down by country of "
        "residence and by month.",
        "Foreign tourist arrivals for {year}, by country and month, are attached.",
        alt="statistics",
    ),
    T(
        "digital-transport",
        "en",
        "Rural broadband coverage",
        "What share of rural households had access to fixed broadband internet at the end of "
        "{year}, and which districts have the lowest coverage?",
        "At the end of {year} 71% of rural households had access to fixed broadband. The "
        "district table is attached.",
    ),
    T(
        "finance",
        "en",
        "Public debt at the end of {year}",
        "Please provide the total external public debt at the end of {year} and the amount "
        "spent on servicing it during that year.",
        "External public debt stood at USD 4.6 billion at the end of {year}; debt service cost "
        "USD 690 million that year.",
        alt="economy",
    ),
    T(
        "culture",
        "en",
        "Visitor numbers at state museums",
        "Could you provide annual visitor numbers for each state museum for {year}?",
        "Visitor numbers for {year} for each state museum are attached.",
        alt="statistics",
    ),
    T(
        "antimonopoly",
        "en",
        "Public procurement without open tender",
        "Please list the public procurement contracts above AZN 500,000 awarded without an open "
        "tender in {year}, with the buyer, supplier and value.",
        "The list of contracts awarded in {year} without an open tender is attached.",
        alt="finance",
    ),
    T(
        "food-safety",
        "en",
        "Restaurant inspection results in {place_en}",
        "I would like the results of food safety inspections of restaurants in {place_en} in "
        "{year}, including the names of establishments that were closed.",
        "In {year} the Agency inspected 286 restaurants in {place_en}; 14 were temporarily "
        "closed. The list is attached.",
    ),
    T(
        "media-development",
        "en",
        "Entries in the Media Register",
        "How many online media outlets and journalists were entered in the Media Register by "
        "the end of {year}, and how many applications were rejected?",
        "By the end of {year} 280 online media outlets and 1,400 journalists were registered; "
        "37 applications were rejected.",
    ),
    T(
        "national-archive",
        "en",
        "Access to Soviet-era archival records",
        "What are the rules and fees for researchers who want to consult Soviet-era archival "
        "records, including records of the 1930s repressions?",
        "Researchers may consult the records in the reading room free of charge. The rules of "
        "access are attached.",
    ),
)

TEMPLATES_RU = (
    T(
        "tax",
        "ru",
        "Налоговая задолженность предприятий",
        "Прошу сообщить общий размер налоговой задолженности юридических лиц по состоянию на "
        "конец {year} года.",
        "По состоянию на конец {year} года налоговая задолженность юридических лиц составила "
        "612 млн манатов.",
    ),
    T(
        "science-education",
        "ru",
        "Строительство новых школ",
        "Сколько новых школ было построено {place_ru} в {year} году и сколько ученических мест "
        "они добавили?",
        "В {year} году {place_ru} построено 4 новые школы на 3 200 ученических мест.",
    ),
    T(
        "health",
        "ru",
        "Ремонт больниц",
        "Прошу предоставить перечень больниц, отремонтированных {place_ru} в {year} году, с "
        "указанием стоимости работ.",
        "Перечень отремонтированных больниц и стоимость работ прилагаются.",
        alt="tabib",
    ),
    T(
        "social-protection-fund",
        "ru",
        "Средний размер трудовой пенсии",
        "Каков был средний размер трудовой пенсии по возрасту в {year} году и сколько человек её "
        "получали?",
        "В {year} году средний размер трудовой пенсии по возрасту составил 389 манатов; её "
        "получали 812 тысяч человек.",
        alt="labour",
    ),
    T(
        "roads",
        "ru",
        "Ремонт автомобильных дорог",
        "Прошу предоставить перечень автомобильных дорог {place_ru}, ремонт которых "
        "запланирован на следующий год, с указанием сметной стоимости.",
        "Перечень автомобильных дорог и сметная стоимость ремонта прилагаются.",
        alt="digital-transport",
    ),
    T(
        "internal-affairs",
        "ru",
        "Статистика ДТП",
        "Сколько дорожно-транспортных происшествий было зарегистрировано {place_ru} в {year} "
        "году и сколько человек в них погибло?",
        "В {year} году {place_ru} зарегистрировано 148 дорожно-транспортных происшествий, "
        "погиб 31 человек.",
        alt="statistics",
    ),
    T(
        "land-transport",
        "ru",
        "Стоимость проезда в общественном транспорте",
        "Прошу разъяснить, на каком основании была изменена стоимость проезда в автобусах и "
        "метро, и предоставить расчёты.",
        "Обоснование изменения стоимости проезда и расчёты прилагаются.",
        alt="digital-transport",
    ),
    T(
        "migration",
        "ru",
        "Разрешения на работу для иностранцев",
        "Сколько разрешений на работу было выдано иностранцам в {year} году? Прошу дать "
        "разбивку по странам.",
        "В {year} году иностранцам выдано 12 480 разрешений на работу. Разбивка по странам "
        "прилагается.",
    ),
    T(
        "emergency",
        "ru",
        "Пожары в жилых домах",
        "Сколько пожаров в жилых домах произошло {place_ru} в {year} году и каковы их основные "
        "причины?",
        "В {year} году {place_ru} произошло 96 пожаров в жилых домах. Основные причины: "
        "неисправная электропроводка и нарушение правил пользования газом.",
    ),
    T(
        "justice",
        "ru",
        "Число заключённых",
        "Сколько осуждённых отбывают наказание в пенитенциарных учреждениях и какова их "
        "проектная вместимость?",
        "В пенитенциарных учреждениях отбывают наказание 19 600 осуждённых; проектная "
        "вместимость составляет 24 000 мест.",
    ),
)
