"""Demo request texts in Azerbaijani, one or more per agency, with the full answer to each."""

from foi.demo.template import RequestTemplate as T

TEMPLATES_AZ = (
    T(
        "tax",
        "az",
        "Gəlir vergisi üzrə daxilolmalar",
        "{ilde} fiziki şəxslərdən tutulan gəlir vergisi üzrə dövlət büdcəsinə daxilolmaların "
        "ümumi məbləği barədə məlumat verməyinizi xahiş edirəm.",
        "{ilde} fiziki şəxslərin gəlir vergisi üzrə dövlət büdcəsinə 1 milyard 412 milyon manat "
        "daxil olmuşdur. Ətraflı göstəricilər Xidmətin illik hesabatında dərc edilmişdir.",
        alt="finance",
    ),
    T(
        "tax",
        "az",
        "ƏDV-nin qaytarılması üzrə statistika",
        "{ilde} ƏDV-nin qaytarılması sistemi üzrə vətəndaşlara qaytarılmış vəsaitin ümumi "
        "həcmini və sistemdən istifadə edən vətəndaşların sayını bildirməyinizi xahiş edirəm.",
        "{ilde} ƏDV-nin qaytarılması sistemi üzrə vətəndaşlara 176 milyon manat qaytarılmışdır. "
        "Sistemdən 2,3 milyon vətəndaş istifadə etmişdir.",
    ),
    T(
        "tax",
        "az",
        "Səyyar vergi yoxlamaları",
        "{place} üzrə {ilde} keçirilmiş səyyar vergi yoxlamalarının sayını və yoxlamalar "
        "nəticəsində əlavə hesablanmış vergi məbləğini bildirməyinizi xahiş edirəm.",
        "{ilde} {place} üzrə 214 səyyar vergi yoxlaması keçirilmiş, nəticədə 3,8 milyon manat "
        "əlavə vergi və maliyyə sanksiyası hesablanmışdır.",
    ),
    T(
        "science-education",
        "az",
        "Məktəblərdə müəllim çatışmazlığı",
        "{place_loc} yerləşən ümumi təhsil məktəblərində hazırda neçə müəllim vakansiyası "
        "olduğunu fənlər üzrə bildirməyinizi xahiş edirəm.",
        "{place_loc} ümumi təhsil məktəblərində 127 müəllim vakansiyası var. Ən çox ehtiyac "
        "riyaziyyat, fizika və ingilis dili fənləri üzrədir. Fənlər üzrə cədvəl əlavə olunur.",
        alt="exam-centre",
    ),
    T(
        "science-education",
        "az",
        "Əsaslı təmir olunmuş məktəb binaları",
        "{ilde} {place_loc} əsaslı təmir edilmiş məktəb binalarının siyahısını və hər birinin "
        "təmirinə xərclənmiş vəsaitin məbləğini təqdim etməyinizi xahiş edirəm.",
        "{ilde} {place_loc} 9 məktəb binası əsaslı təmir edilmişdir; təmirə ümumilikdə 14,6 "
        "milyon manat xərclənmişdir. Məktəblərin siyahısı və xərclər əlavədə göstərilib.",
        alt="finance",
    ),
    T(
        "science-education",
        "az",
        "Uşaq bağçalarında yer çatışmazlığı",
        "{place_loc} məktəbəqədər təhsil müəssisələrinə növbədə gözləyən uşaqların sayı və yeni "
        "uşaq bağçalarının tikintisi planları barədə məlumat verməyinizi xahiş edirəm.",
        "{place_loc} məktəbəqədər təhsil müəssisələrinə növbədə 1 840 uşaq gözləyir. Növbəti "
        "ildə 3 yeni uşaq bağçasının istifadəyə verilməsi planlaşdırılır.",
        alt="statistics",
    ),
    T(
        "health",
        "az",
        "Dövlət xəstəxanalarında həkim vakansiyaları",
        "{place_loc} yerləşən dövlət xəstəxanalarında ştat cədvəli üzrə neçə həkim vəzifəsinin "
        "boş olduğunu ixtisaslar üzrə bildirməyinizi xahiş edirəm.",
        "{place_loc} dövlət xəstəxanalarında 23 həkim vəzifəsi boşdur; onların əksəriyyəti "
        "anestezioloq, pediatr və radioloq ixtisasları üzrədir.",
        alt="tabib",
    ),
    T(
        "health",
        "az",
        "Uşaqların peyvəndlənmə səviyyəsi",
        "{ilde} milli peyvənd təqvimi üzrə uşaqların peyvəndlənmə səviyyəsi barədə rəsmi "
        "məlumatı faizlə və peyvəndlər üzrə təqdim etməyinizi xahiş edirəm.",
        "{ilde} milli peyvənd təqvimi üzrə uşaqların peyvəndlənmə səviyyəsi orta hesabla 93 "
        "faiz olmuşdur. Peyvəndlər üzrə göstəricilər əlavə edilmiş cədvəldədir.",
        alt="statistics",
    ),
    T(
        "health",
        "az",
        "Təcili tibbi yardımın gəlmə müddəti",
        "{place_loc} təcili tibbi yardım briqadalarının sayını və {ilde} çağırışlara orta gəlmə "
        "müddətini bildirməyinizi xahiş edirəm.",
        "{place_loc} 12 təcili tibbi yardım briqadası fəaliyyət göstərir. {ilde} çağırışlara "
        "orta gəlmə müddəti 14 dəqiqə olmuşdur.",
        alt="tabib",
    ),
    T(
        "social-protection-fund",
        "az",
        "Yaşa görə əmək pensiyasının orta məbləği",
        "{ilde} yaşa görə əmək pensiyasının orta aylıq məbləği və yaşa görə pensiya alan "
        "şəxslərin ümumi sayı barədə məlumat verməyinizi xahiş edirəm.",
        "{ilde} yaşa görə əmək pensiyasının orta aylıq məbləği 389 manat olmuşdur. Yaşa görə "
        "pensiya alanların sayı 812 min nəfərdir.",
        alt="labour",
    ),
    T(
        "social-protection-fund",
        "az",
        "Sosial sığorta haqlarının yığımı",
        "{ilde} məcburi dövlət sosial sığorta haqları üzrə yığımların ümumi məbləği və sığorta "
        "haqqı borcu olan işəgötürənlərin sayı barədə məlumat istəyirəm.",
        "{ilde} məcburi dövlət sosial sığorta haqları üzrə 6,1 milyard manat yığılmışdır. "
        "İlin sonuna sığorta haqqı borcu olan işəgötürənlərin sayı 9 470 olmuşdur.",
        alt="labour",
    ),
    T(
        "labour",
        "az",
        "Ünvanlı dövlət sosial yardımı alan ailələr",
        "{place_loc} ünvanlı dövlət sosial yardımı alan ailələrin sayı və orta aylıq yardım "
        "məbləği barədə məlumat verməyinizi xahiş edirəm.",
        "{place_loc} 3 215 ailə ünvanlı dövlət sosial yardımı alır. Bir ailəyə düşən orta aylıq "
        "yardım məbləği 285 manatdır.",
        alt="social-protection-fund",
    ),
    T(
        "labour",
        "az",
        "Əlilliyin müəyyən edilməsi üzrə müraciətlər",
        "{ilde} əlilliyin müəyyən edilməsi üçün daxil olmuş müraciətlərin sayını, onlardan "
        "neçəsinin təmin edildiyini və neçəsindən imtina olunduğunu bildirməyinizi xahiş edirəm.",
        "{ilde} əlilliyin müəyyən edilməsi üçün 61 200 müraciət daxil olmuşdur. Onlardan 38 400 "
        "müraciət üzrə əlillik müəyyən edilmiş, 22 800 müraciət üzrə imtina edilmişdir.",
        alt="health",
    ),
    T(
        "roads",
        "az",
        "Kəndarası yolların təmiri",
        "{ilde} {place_loc} kəndləri rayon mərkəzi ilə birləşdirən avtomobil yollarının təmiri "
        "üçün ayrılmış vəsaitin məbləğini və təmir olunan yolların siyahısını təqdim etməyinizi "
        "xahiş edirəm.",
        "{ilde} {place_loc} ümumi uzunluğu 38 km olan 6 kəndarası avtomobil yolunun təmiri üçün "
        "12,4 milyon manat ayrılmışdır. Yolların siyahısı əlavə olunur.",
        alt="digital-transport",
    ),
    T(
        "roads",
        "az",
        "Körpünün texniki vəziyyəti",
        "{place_loc} çay üzərindəki köhnə körpünün texniki vəziyyətinə dair sonuncu yoxlamanın "
        "nəticələrini və körpünün bərpası planını təqdim etməyinizi xahiş edirəm.",
        "Körpünün texniki vəziyyəti 2023-cü ildə yoxlanılmış və qəza vəziyyətində olmadığı "
        "müəyyən edilmişdir. Körpünün əsaslı təmiri növbəti ilin investisiya proqramına daxil "
        "edilib.",
        alt="digital-transport",
    ),
    T(
        "land-transport",
        "az",
        "Ləğv edilmiş avtobus marşrutları",
        "{ilde} Bakı şəhərində ləğv edilmiş və ya dəyişdirilmiş avtobus marşrutlarının "
        "siyahısını və bu qərarların əsaslandırmasını təqdim etməyinizi xahiş edirəm.",
        "{ilde} Bakı şəhərində 11 avtobus marşrutu ləğv edilmiş, 27 marşrutun hərəkət sxemi "
        "dəyişdirilmişdir. Siyahı və sərnişin axını üzrə əsaslandırma əlavə olunur.",
        alt="digital-transport",
    ),
    T(
        "land-transport",
        "az",
        "Taksi daşıyıcılarına verilmiş icazələr",
        "Hazırda etibarlı icazəsi olan taksi daşıyıcılarının sayını və {ilde} verilmiş yeni "
        "icazələrin sayını bildirməyinizi xahiş edirəm.",
        "Hazırda 31 600 taksi daşıyıcısının etibarlı icazəsi var. {ilde} 7 950 yeni icazə "
        "verilmişdir.",
        alt="digital-transport",
    ),
    T(
        "ecology",
        "az",
        "Yaşıllıq zolağında ağacların kəsilməsi",
        "{place_loc} yaşıllıq zolağında ağacların kəsilməsinə verilmiş icazənin surətini və "
        "kompensasiya əkinləri barədə məlumatı təqdim etməyinizi xahiş edirəm.",
        "Göstərilən ərazidə ağacların kəsilməsinə Nazirlik tərəfindən icazə verilməmişdir. Fakt "
        "üzrə araşdırma aparılır, nəticəsi barədə sizə əlavə məlumat veriləcək.",
        alt="urban-planning",
    ),
    T(
        "ecology",
        "az",
        "Atmosfer havasının çirklənməsi",
        "{ilde} {place_loc} atmosfer havasının çirklənməsinə dair aparılmış monitorinqin "
        "nəticələrini aylar üzrə təqdim etməyinizi xahiş edirəm.",
        "{ilde} {place_loc} aparılmış monitorinqin aylıq nəticələri əlavə olunur. Azot dioksidin "
        "orta illik qatılığı icazə verilən həddi keçməmişdir.",
    ),
    T(
        "emergency",
        "az",
        "Ticarət mərkəzlərində yanğın təhlükəsizliyi",
        "{ilde} {place_loc} ticarət mərkəzlərində aparılmış yanğın təhlükəsizliyi "
        "yoxlamalarının sayını və aşkar edilmiş pozuntuları bildirməyinizi xahiş edirəm.",
        "{ilde} {place_loc} ticarət mərkəzlərində 46 yanğın təhlükəsizliyi yoxlaması "
        "aparılmışdır. 19 obyektdə yanğınsöndürmə sistemlərinin nasazlığı aşkar edilmiş, "
        "göstərişlər verilmişdir.",
    ),
    T(
        "internal-affairs",
        "az",
        "Yol-nəqliyyat hadisələri",
        "{ilde} {place_loc} baş vermiş yol-nəqliyyat hadisələrinin sayı, həlak olanların və "
        "xəsarət alanların sayı barədə məlumat verməyinizi xahiş edirəm.",
        "{ilde} {place_loc} 148 yol-nəqliyyat hadisəsi qeydə alınmışdır; 31 nəfər həlak olmuş, "
        "167 nəfər xəsarət almışdır.",
        alt="statistics",
    ),
    T(
        "internal-affairs",
        "az",
        "Sürət həddinin aşılmasına görə cərimələr",
        "{ilde} sürət həddinin aşılmasına görə tətbiq edilmiş cərimələrin sayını və ümumi "
        "məbləğini bildirməyinizi xahiş edirəm.",
        "{ilde} sürət həddinin aşılmasına görə 1,9 milyon cərimə tətbiq edilmişdir; cərimələrin "
        "ümumi məbləği 96 milyon manatdır.",
    ),
    T(
        "justice",
        "az",
        "Qeydə alınmış nikah və boşanmalar",
        "{ilde} {place_loc} qeydə alınmış nikahların və boşanmaların sayı barədə məlumat "
        "verməyinizi xahiş edirəm.",
        "{ilde} {place_loc} 2 340 nikah və 610 boşanma qeydə alınmışdır.",
        alt="statistics",
    ),
    T(
        "justice",
        "az",
        "Penitensiar müəssisələrdə məhkumların sayı",
        "Hazırda penitensiar müəssisələrdə cəza çəkən məhkumların sayı və müəssisələrin layihə "
        "tutumu barədə məlumat istəyirəm.",
        "Penitensiar müəssisələrdə hazırda 19 600 məhkum cəza çəkir. Müəssisələrin ümumi layihə "
        "tutumu 24 000 yerdir.",
    ),
    T(
        "finance",
        "az",
        "Yerli icra hakimiyyətinə ayrılan büdcə vəsaiti",
        "{ilde} dövlət büdcəsindən {place} üzrə ayrılmış vəsaitin xərc maddələri üzrə "
        "bölgüsünü təqdim etməyinizi xahiş edirəm.",
        "{ilde} dövlət büdcəsindən {place} üzrə ayrılmış vəsaitin funksional və iqtisadi "
        "təsnifat üzrə bölgüsü əlavə olunur.",
        alt="economy",
    ),
    T(
        "economy",
        "az",
        "Sənaye parkının rezidentləri",
        "Sumqayıt Kimya Sənaye Parkında fəaliyyət göstərən rezidentlərin siyahısını və onlara "
        "tətbiq edilən vergi və gömrük güzəştlərini təqdim etməyinizi xahiş edirəm.",
        "Sumqayıt Kimya Sənaye Parkının 31 rezidenti var; siyahı əlavə olunur. Rezidentlər 10 il "
        "müddətinə əmlak, torpaq və mənfəət vergilərindən azaddır.",
        alt="tax",
    ),
    T(
        "agriculture",
        "az",
        "Fermerlərə ödənilmiş subsidiyalar",
        "{ilde} {place_loc} fermerlərə əkin sahələrinə görə ödənilmiş subsidiyaların ümumi "
        "məbləğini və subsidiya alan fermerlərin sayını bildirməyinizi xahiş edirəm.",
        "{ilde} {place_loc} 4 180 fermerə əkin sahələrinə görə ümumilikdə 5,2 milyon manat "
        "subsidiya ödənilmişdir.",
    ),
    T(
        "food-safety",
        "az",
        "İctimai iaşə obyektlərində yoxlamalar",
        "{ilde} {place_loc} restoran və kafelərdə aparılmış yoxlamaların sayını və fəaliyyəti "
        "dayandırılmış obyektlərin siyahısını təqdim etməyinizi xahiş edirəm.",
        "{ilde} {place_loc} restoran və kafelərdə 312 yoxlama aparılmış, 17 obyektin fəaliyyəti "
        "müvəqqəti dayandırılmışdır. Siyahı əlavə olunur.",
    ),
    T(
        "customs",
        "az",
        "Poçt bağlamalarına gömrük rüsumu",
        "Xaricdən göndərilən poçt bağlamalarına tətbiq edilən gömrük rüsumunun hesablanma "
        "qaydasını və rüsumsuz idxal limitini bildirməyinizi xahiş edirəm.",
        "Fiziki şəxslərin poçt bağlamaları ilə idxal etdiyi malların dəyəri ayda 300 ABŞ "
        "dollarınadək olduqda gömrük rüsumu tutulmur. Hesablanma qaydası əlavə olunur.",
    ),
    T(
        "statistics",
        "az",
        "Siyahıyaalmanın nəticələri",
        "Sonuncu əhalinin siyahıyaalınmasının {place} üzrə nəticələrini yaş qrupları üzrə "
        "təqdim etməyinizi xahiş edirəm.",
        "Əhalinin siyahıyaalınmasının {place} üzrə yaş qrupları üzrə nəticələri əlavə olunur. "
        "Məlumatlar Komitənin internet saytında da dərc edilib.",
    ),
    T(
        "urban-planning",
        "az",
        "Hündürmərtəbəli binanın tikinti icazəsi",
        "{place_loc} park ərazisinin yaxınlığında tikilən hündürmərtəbəli yaşayış binasının "
        "tikinti icazəsinin surətini təqdim etməyinizi xahiş edirəm.",
        "Göstərilən ünvanda yaşayış binasının tikintisinə icazə verilmişdir; icazənin surəti "
        "şəxsi məlumatlar çıxarılmaqla əlavə olunur.",
        alt="property",
    ),
    T(
        "family-women-children",
        "az",
        "Erkən nikah halları",
        "{ilde} qeydə alınmış erkən nikah hallarının sayını və bu sahədə keçirilmiş "
        "maarifləndirmə tədbirlərini bildirməyinizi xahiş edirəm.",
        "{ilde} 38 erkən nikah halı barədə məlumat hüquq-mühafizə orqanlarına göndərilmişdir. "
        "Regionlarda 120 maarifləndirmə tədbiri keçirilmişdir.",
        alt="justice",
    ),
    T(
        "family-women-children",
        "az",
        "Məişət zorakılığına məruz qalmış qadınlara yardım",
        "Məişət zorakılığına məruz qalmış qadınlar üçün neçə yardım mərkəzi fəaliyyət göstərir "
        "və {ilde} bu mərkəzlərə neçə nəfər müraciət edib?",
        "Ölkədə məişət zorakılığına məruz qalmış şəxslər üçün 6 yardım mərkəzi fəaliyyət "
        "göstərir. {ilde} bu mərkəzlərə 1 120 nəfər müraciət etmişdir.",
    ),
    T(
        "refugees-idps",
        "az",
        "Böyük Qayıdış üzrə köçürülən ailələr",
        "{ilde} Böyük Qayıdış proqramı çərçivəsində doğma yurdlarına köçürülmüş məcburi köçkün "
        "ailələrinin sayını rayonlar üzrə bildirməyinizi xahiş edirəm.",
        "{ilde} Böyük Qayıdış proqramı çərçivəsində 2 960 məcburi köçkün ailəsi doğma yurduna "
        "köçürülmüşdür. Rayonlar üzrə bölgü əlavə olunur.",
    ),
    T(
        "migration",
        "az",
        "Əcnəbilərə verilmiş iş icazələri",
        "{ilde} əcnəbilərə verilmiş iş icazələrinin sayını vətəndaşı olduqları ölkələr üzrə "
        "bildirməyinizi xahiş edirəm.",
        "{ilde} əcnəbilərə 12 480 iş icazəsi verilmişdir. Ölkələr üzrə bölgü əlavə olunur.",
    ),
    T(
        "exam-centre",
        "az",
        "Qəbul imtahanlarında yüksək bal toplayanlar",
        "{ilde} ali təhsil müəssisələrinə qəbul imtahanlarında 600-dən yuxarı bal toplamış "
        "abituriyentlərin sayını {place} üzrə bildirməyinizi xahiş edirəm.",
        "{ilde} qəbul imtahanlarında {place} üzrə 84 abituriyent 600-dən yuxarı bal toplamışdır.",
        alt="science-education",
    ),
    T(
        "asan",
        "az",
        "ASAN xidmət mərkəzlərində gözləmə müddəti",
        "{ilde} ASAN xidmət mərkəzlərində ən çox müraciət olunan xidmətləri və vətəndaşların "
        "orta gözləmə müddətini bildirməyinizi xahiş edirəm.",
        "{ilde} ASAN xidmət mərkəzlərində ən çox şəxsiyyət vəsiqəsinin verilməsi, notariat və "
        "daşınmaz əmlakla bağlı xidmətlərə müraciət edilmişdir. Orta gözləmə müddəti 11 "
        "dəqiqədir.",
    ),
    T(
        "health-insurance",
        "az",
        "İcbari tibbi sığorta ilə ödənilən əməliyyatlar",
        "İcbari tibbi sığorta üzrə xidmətlər zərfinə daxil olan cərrahi əməliyyatların "
        "siyahısını və {ilde} bu məqsədlə ödənilmiş vəsaitin məbləğini təqdim etməyinizi xahiş "
        "edirəm.",
        "Xidmətlər zərfinə daxil olan cərrahi əməliyyatların siyahısı əlavə olunur. {ilde} bu "
        "əməliyyatlar üçün 214 milyon manat ödənilmişdir.",
        alt="health",
    ),
    T(
        "energy",
        "az",
        "Elektrik enerjisinin kəsilmələri",
        "{ilde} {place_loc} elektrik enerjisinin planlaşdırılmamış kəsilmələrinin sayını və orta "
        "davametmə müddətini bildirməyinizi xahiş edirəm.",
        "{ilde} {place_loc} elektrik enerjisinin 73 planlaşdırılmamış kəsilməsi qeydə alınıb; "
        "orta davametmə müddəti 2 saat 40 dəqiqə olub.",
        alt="energy-regulator",
    ),
    T(
        "energy",
        "az",
        "Kəndlərin qazlaşdırılması",
        "{place_loc} hələ təbii qazla təmin olunmamış kəndlərin siyahısını və qazlaşdırma "
        "planlarını təqdim etməyinizi xahiş edirəm.",
        "{place_loc} 7 kənd hələ təbii qazla təmin olunmayıb. Bu kəndlərin qazlaşdırılması "
        "növbəti iki il üçün planlaşdırılıb; siyahı əlavə olunur.",
    ),
    T(
        "energy-regulator",
        "az",
        "Kommunal tariflərin əsaslandırılması",
        "{ilde} elektrik enerjisi və təbii qaz tariflərinin dəyişdirilməsinin əsaslandırılması "
        "üçün hazırlanmış hesablamaları təqdim etməyinizi xahiş edirəm.",
        "Tariflərin dəyişdirilməsi üzrə Agentliyin rəyi və xərclərin hesablamaları əlavə olunur.",
        alt="energy",
    ),
    T(
        "culture",
        "az",
        "Dövlət muzeylərinin ziyarətçiləri",
        "{ilde} dövlət muzeylərinə gələn ziyarətçilərin sayını muzeylər üzrə təqdim etməyinizi "
        "xahiş edirəm.",
        "{ilde} dövlət muzeylərinə 1,1 milyon ziyarətçi gəlmişdir. Muzeylər üzrə bölgü əlavə "
        "olunur.",
        alt="statistics",
    ),
    T(
        "culture",
        "az",
        "Tarixi abidənin bərpası",
        "{place_loc} yerləşən tarixi abidənin bərpasına ayrılmış vəsaiti və bərpa işlərini "
        "aparan podratçını bildirməyinizi xahiş edirəm.",
        "Abidənin bərpasına 2,7 milyon manat ayrılmışdır. Bərpa işlərini tenderdə qalib gəlmiş "
        "ixtisaslaşdırılmış bərpa şirkəti aparır; müqavilənin surəti əlavə olunur.",
    ),
    T(
        "youth-sports",
        "az",
        "Olimpiya idman kompleksinin xərcləri",
        "{place_loc} yerləşən olimpiya idman kompleksinin {ilde} istismar xərclərini və "
        "kompleksin ictimaiyyət üçün açıq olduğu saatları bildirməyinizi xahiş edirəm.",
        "{ilde} kompleksin istismar xərcləri 860 min manat olmuşdur. Kompleks həftə içi 09:00-"
        "dan 21:00-dək ictimaiyyət üçün açıqdır.",
    ),
    T(
        "anama",
        "az",
        "Minalardan təmizlənmiş ərazilər",
        "{ilde} minalardan təmizlənmiş ərazilərin ümumi sahəsini və aşkar edilmiş minaların və "
        "partlamamış hərbi sursatın sayını bildirməyinizi xahiş edirəm.",
        "{ilde} 18 400 hektar ərazi minalardan təmizlənmiş, 9 200 mina və 21 600 partlamamış "
        "hərbi sursat aşkar edilmişdir.",
    ),
    T(
        "housing-agency",
        "az",
        "Güzəştli mənzillərin satışı",
        "{ilde} güzəştli şərtlərlə satılmış mənzillərin sayını və mənzil almaq üçün növbədə olan "
        "ailələrin sayını bildirməyinizi xahiş edirəm.",
        "{ilde} güzəştli şərtlərlə 1 630 mənzil satılmışdır. Hazırda növbədə 24 000 ailə var.",
    ),
    T(
        "property",
        "az",
        "Hərracda satılmış dövlət torpaqları",
        "{ilde} {place_loc} hərrac yolu ilə satılmış dövlət torpaq sahələrinin siyahısını, "
        "sahələrin ölçüsünü və satış qiymətlərini təqdim etməyinizi xahiş edirəm.",
        "{ilde} {place_loc} hərrac yolu ilə 42 torpaq sahəsi satılmışdır. Sahələrin ölçüsü və "
        "satış qiymətləri əlavə olunan cədvəldədir.",
    ),
    T(
        "employment-agency",
        "az",
        "Özünüməşğulluq proqramının iştirakçıları",
        "{ilde} {place_loc} özünüməşğulluq proqramına cəlb olunmuş şəxslərin sayını və onlara "
        "verilmiş aktivlərin dəyərini bildirməyinizi xahiş edirəm.",
        "{ilde} {place_loc} 530 nəfər özünüməşğulluq proqramına cəlb edilmiş, onlara ümumi "
        "dəyəri 1,9 milyon manat olan aktivlər verilmişdir.",
        alt="labour",
    ),
    T(
        "sme-agency",
        "az",
        "Startaplara verilmiş qrantlar",
        "{ilde} startaplara verilmiş qrantların siyahısını və məbləğlərini təqdim etməyinizi "
        "xahiş edirəm.",
        "{ilde} 64 startapa ümumilikdə 1,2 milyon manat qrant verilmişdir. Siyahı əlavə olunur.",
        alt="economy",
    ),
    T(
        "water-resources",
        "az",
        "Suvarma suyunun çatışmazlığı",
        "{place_loc} suvarma mövsümündə kənd təsərrüfatı sahələrinə verilmiş suyun həcmini və "
        "su anbarlarının doluluq səviyyəsini bildirməyinizi xahiş edirəm.",
        "Suvarma mövsümündə {place_loc} 146 milyon kubmetr suvarma suyu verilmişdir. Su "
        "anbarlarının doluluq səviyyəsi orta hesabla 61 faizdir.",
        alt="agriculture",
    ),
    T(
        "digital-transport",
        "az",
        "Kəndlərdə genişzolaqlı internet",
        "{place_loc} genişzolaqlı internetə çıxışı olmayan kəndlərin siyahısını və bu kəndlərin "
        "internetlə təmin edilməsi qrafikini təqdim etməyinizi xahiş edirəm.",
        "{place_loc} 14 kənddə genişzolaqlı internet yoxdur. Həmin kəndlərin optik kabel "
        "şəbəkəsinə qoşulması növbəti ilin sonunadək planlaşdırılır.",
    ),
    T(
        "media-development",
        "az",
        "Media reyestrinə daxil edilənlər",
        "Media reyestrinə daxil edilmiş onlayn media subyektlərinin və jurnalistlərin sayını "
        "bildirməyinizi xahiş edirəm.",
        "Media reyestrinə 280 onlayn media subyekti və 1 400 jurnalist daxil edilmişdir.",
    ),
    T(
        "national-archive",
        "az",
        "Repressiya illərinə aid arxiv sənədləri",
        "1930-cu illərin repressiyalarına aid arxiv sənədlərinə tədqiqatçıların çıxış qaydasını "
        "və arxiv arayışı üçün ödənişin məbləğini bildirməyinizi xahiş edirəm.",
        "Tədqiqatçılar oxu zalında arxiv sənədləri ilə pulsuz tanış ola bilərlər. Arxiv arayışı "
        "vətəndaşlara ödənişsiz verilir; qaydalar əlavə olunur.",
    ),
    T(
        "tourism",
        "az",
        "Xarici turistlərin sayı",
        "{ilde} ölkəyə gələn xarici turistlərin sayını ölkələr üzrə bildirməyinizi xahiş edirəm.",
        "{ilde} ölkəyə 2,6 milyon xarici turist gəlmişdir. Ölkələr üzrə bölgü əlavə olunur.",
        alt="statistics",
    ),
    T(
        "antimonopoly",
        "az",
        "Bir mənbədən satınalma müqavilələri",
        "{ilde} bir mənbədən satınalma üsulu ilə bağlanmış dövlət satınalma müqavilələrinin "
        "siyahısını təqdim etməyinizi xahiş edirəm.",
        "{ilde} bir mənbədən satınalma üsulu ilə bağlanmış müqavilələrin siyahısı dövlət "
        "satınalmalarının vahid internet portalında dərc edilib; çıxarış əlavə olunur.",
        alt="finance",
    ),
    T(
        "antimonopoly",
        "az",
        "Ərzaq qiymətlərinin artımı üzrə araşdırmalar",
        "{ilde} ərzaq məhsullarının qiymət artımı ilə bağlı apardığınız antiinhisar "
        "araşdırmalarının nəticələrini təqdim etməyinizi xahiş edirəm.",
        "{ilde} ərzaq bazarında 9 antiinhisar araşdırması aparılmış, 5 təsərrüfat subyektinə "
        "qarşı iş qaldırılmışdır. Nəticələr Agentliyin saytında dərc olunub.",
    ),
    T(
        "religious-associations",
        "az",
        "Dini icmaların dövlət qeydiyyatı",
        "Hazırda dövlət qeydiyyatında olan dini icmaların sayını və {ilde} qeydiyyatdan imtina "
        "edilmiş müraciətlərin sayını bildirməyinizi xahiş edirəm.",
        "Hazırda 1 010 dini icma dövlət qeydiyyatındadır. {ilde} 6 müraciət üzrə qeydiyyatdan "
        "imtina edilmişdir.",
    ),
    T(
        "diaspora",
        "az",
        "Diaspor təşkilatlarına maliyyə yardımı",
        "{ilde} xaricdəki diaspor təşkilatlarının layihələrinə ayrılmış maliyyə yardımının "
        "ölkələr üzrə bölgüsünü təqdim etməyinizi xahiş edirəm.",
        "{ilde} diaspor təşkilatlarının 48 layihəsinə maliyyə yardımı göstərilmişdir. Ölkələr "
        "üzrə bölgü əlavə olunur.",
        alt="foreign-affairs",
    ),
    T(
        "foreign-affairs",
        "az",
        "Xarici ölkələrdəki səfirliklər",
        "Azərbaycan Respublikasının xarici ölkələrdəki səfirliklərinin və konsulluqlarının "
        "sayını, {ilde} açılmış yeni nümayəndəlikləri bildirməyinizi xahiş edirəm.",
        "Azərbaycan Respublikasının xarici ölkələrdə 66 səfirliyi və 10 baş konsulluğu var. "
        "{ilde} 2 yeni səfirlik açılmışdır.",
    ),
    T(
        "mobilization",
        "az",
        "Hərbi xidmətə çağırışdan möhlət",
        "{ilde} təhsil ilə əlaqədar hərbi xidmətə çağırışdan möhlət almış çağırışçıların sayını "
        "bildirməyinizi xahiş edirəm.",
        "{ilde} təhsil ilə əlaqədar 41 000 çağırışçıya hərbi xidmətə çağırışdan möhlət "
        "verilmişdir.",
        alt="defence",
    ),
    T(
        "vocational-education",
        "az",
        "Peşə təhsili müəssisələrinə qəbul",
        "{ilde} peşə təhsili müəssisələrinə qəbul olunmuş şəxslərin sayını ixtisaslar üzrə "
        "bildirməyinizi xahiş edirəm.",
        "{ilde} peşə təhsili müəssisələrinə 27 300 nəfər qəbul olunmuşdur. İxtisaslar üzrə "
        "bölgü əlavə olunur.",
        alt="science-education",
    ),
    T(
        "intellectual-property",
        "az",
        "Yerli ixtiraçılara verilmiş patentlər",
        "{ilde} yerli ixtiraçılara verilmiş patentlərin sayını və müraciətlərə baxılmasının orta "
        "müddətini bildirməyinizi xahiş edirəm.",
        "{ilde} yerli ixtiraçılara 142 patent verilmişdir. Müraciətlərə orta hesabla 14 aya "
        "baxılır.",
    ),
    T(
        "defence",
        "az",
        "Hərbi qulluqçuların qidalanması üzrə müqavilələr",
        "{ilde} hərbi qulluqçuların qidalanması üçün bağlanmış müqavilələrin ümumi məbləğini "
        "bildirməyinizi xahiş edirəm.",
        "{ilde} hərbi qulluqçuların qidalanması üzrə bağlanmış müqavilələrin ümumi məbləği "
        "dövlət büdcəsinin müdafiə xərcləri bölməsində əks olunub.",
        alt="finance",
    ),
)
