"""Where a trip goes: country names, capitals and summit cities, demonyms, in many languages.

Country names come from CLDR through Babel (``Locale('ru').territories['TJ']``) in
every language the scanner reads, plus the short and old forms news really uses
("DRC", "Ivory Coast", "ЮАР", "EE.UU."). Cities come from CLDR's time-zone exemplar
cities (localised: "Душанбе", "Oulan-Bator", "آلانباتار") for countries with few time
zones, and from the hand-kept table below for capitals and summit venues CLDR lacks
(Astana, New Delhi, Kazan, Johannesburg's Sandton ...). Russian and Ukrainian forms are
declined (:mod:`warrantwatch.monitor.inflect`). Demonyms ("Tajik", "таджикский",
"tadjik") are weak destinations: "the Tajik capital" is Tajikistan, "Russian President"
is not a trip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warrantwatch.monitor.inflect import decline
from warrantwatch.monitor.textnorm import fold, script_of, strip_accents

PLACE_LANGS = ("en", "ru", "uk", "fr", "es", "ar", "de", "it", "pt", "he")

#: Babel codes that are not countries, and names too ambiguous to read as a country.
_NOT_COUNTRIES = {
    "EU",
    "EZ",
    "UN",
    "QO",
    "XA",
    "XB",
    "ZZ",
    "AQ",
    "BV",
    "HM",
    "UM",
    "IC",
    "EA",
    "DG",
    "CP",
    "TA",
    "AC",
    "CQ",
}
_DROP_NAMES = {
    "jersey",
    "maurice",
    "man",
    "chad",
    "georgia",
    "jordan",
    "niger",
    "guinea",
    "congo",
    "конго",
    "الكونغو",
    "عمان",
    "مالي",
    "turkey",
    "dominica",
    "israel",
    "samoa",
    "china",
    "cuba",
    "peru",
    "togo",
    "oman",
    "mali",
    "eritrea",
    "india",
    "france",
    "italia",
    "kenya",
}
#: Dropped above only because they are common words or first names; kept when capitalised.
_CAPITAL_ONLY = {
    "chad",
    "georgia",
    "jordan",
    "niger",
    "guinea",
    "turkey",
    "dominica",
    "israel",
    "samoa",
    "china",
    "cuba",
    "peru",
    "togo",
    "oman",
    "mali",
    "eritrea",
    "india",
    "france",
    "italia",
    "kenya",
}

COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "CD": (
        "DR Congo",
        "DRC",
        "D.R. Congo",
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "RDC",
        "RD Congo",
        "République démocratique du Congo",
        "República Democrática del Congo",
        "Demokratische Republik Kongo",
        "Repubblica Democratica del Congo",
        "República Democrática do Congo",
        "ДРК",
        "Демократическая Республика Конго",
        "ДР Конго",
        "Демократична Республіка Конго",
        "جمهورية الكونغو الديمقراطية",
        "الكونغو الديمقراطية",
    ),
    "CG": ("Republic of the Congo", "Congo-Brazzaville", "République du Congo", "Республика Конго"),
    "PS": (
        "Palestine",
        "State of Palestine",
        "Palestina",
        "Palästina",
        "Палестина",
        "فلسطين",
        "دولة فلسطين",
        "Gaza Strip",
        "West Bank",
    ),
    "MM": ("Burma", "Myanmar"),
    "US": (
        "United States of America",
        "the United States",
        "USA",
        "U.S.",
        "U.S.A.",
        "EE.UU.",
        "EEUU",
        "EUA",
        "США",
        "Соединенные Штаты Америки",
        "Сполучені Штати Америки",
        "Vereinigte Staaten",
        "Stati Uniti",
        "Estados Unidos",
        "États-Unis",
        "Etats-Unis",
        "الولايات المتحدة الأمريكية",
        "أمريكا",
        "أميركا",
    ),
    "GB": (
        "UK",
        "Britain",
        "Great Britain",
        "Grande-Bretagne",
        "Gran Bretaña",
        "Großbritannien",
        "Gran Bretagna",
        "Grã-Bretanha",
        "Reino Unido",
        "Великобритания",
        "Британия",
        "Британія",
        "بريطانيا",
    ),
    "AE": (
        "UAE",
        "Emirates",
        "United Arab Emirates",
        "EAU",
        "VAE",
        "Emirati Arabi Uniti",
        "Emiratos Árabes Unidos",
        "Emirados Árabes Unidos",
        "Émirats arabes unis",
        "Объединенные Арабские Эмираты",
        "ОАЕ",
        "الإمارات",
    ),
    "KR": ("South Korea", "Южная Корея", "Південна Корея", "Corée du Sud", "Corea del Sur"),
    "KP": (
        "North Korea",
        "Северная Корея",
        "Північна Корея",
        "Corée du Nord",
        "Corea del Norte",
        "Nordkorea",
        "Corea del Nord",
        "Coreia do Norte",
        "КНДР",
        "كوريا الشمالية",
    ),
    "CI": (
        "Ivory Coast",
        "Côte d'Ivoire",
        "Cote d'Ivoire",
        "Costa de Marfil",
        "Elfenbeinküste",
        "Costa d'Avorio",
        "Costa do Marfim",
        "Кот-д'Ивуар",
        "Кот-д'Івуар",
        "ساحل العاج",
    ),
    "CZ": ("Czech Republic",),
    "TR": (
        "Turkey",
        "Türkiye",
        "Turkiye",
        "Турция",
        "Туреччина",
        "Turquía",
        "Türkei",
        "Turchia",
        "Turquia",
        "تركيا",
    ),
    "ZA": (
        "South Africa",
        "ЮАР",
        "Южная Африка",
        "ПАР",
        "Південна Африка",
        "Afrique du Sud",
        "Sudáfrica",
        "Südafrika",
        "Sudafrica",
        "África do Sul",
        "Africa do Sul",
        "جنوب أفريقيا",
        "جنوب افريقيا",
    ),
    "RU": (
        "Russian Federation",
        "РФ",
        "Российская Федерация",
        "Росія",
        "Russland",
        "Russie",
        "Rusia",
        "Rússia",
    ),
    "CF": ("Central African Republic", "CAR", "Centrafrique", "ЦАР"),
    "SA": (
        "Saudi Arabia",
        "Саудовская Аравия",
        "Саудівська Аравія",
        "Arabie saoudite",
        "Arabia Saudita",
        "Saudi-Arabien",
        "Arábia Saudita",
        "السعودية",
        "المملكة العربية السعودية",
    ),
    "IR": ("Iran", "Persia"),
    "SY": ("Syria",),
    "MK": ("Macedonia", "North Macedonia"),
    "VA": ("Vatican", "Holy See", "Ватикан", "Vaticano", "Vatikan"),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor",),
    "BA": ("Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina"),
    "LA": ("Laos",),
    "VN": ("Vietnam", "Viet Nam"),
    "HK": ("Hong Kong",),
    "MO": ("Macau", "Macao"),
    "TW": ("Taiwan",),
    "MD": ("Moldova",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "KG": (
        "Kyrgyzstan",
        "Kirghizia",
        "Киргизия",
        "Кыргызстан",
        "Киргизстан",
        "Kirgistan",
        "Kirgisien",
    ),
    "BY": (
        "Belarus",
        "Белоруссия",
        "Беларусь",
        "Білорусь",
        "Biélorussie",
        "Bielorrusia",
        "Weißrussland",
        "Bielorussia",
        "Bielorrússia",
        "بيلاروسيا",
    ),
    "MN": ("Mongolia", "Монголия", "Монголія", "منغوليا"),
    "TJ": ("Tajikistan", "Tadjikistan", "Tajiquistão", "Tayikistan", "Таджикистан", "طاجيكستان"),
    "KZ": ("Kazakhstan", "Казахстан", "Kasachstan", "Cazaquistão", "Kazajistán", "كازاخستان"),
    "UZ": ("Uzbekistan", "Узбекистан", "أوزبكستان"),
    "IN": ("India", "Индия", "Індія", "Inde", "Indien", "Índia", "الهند"),
    "CN": ("China", "КНР", "Китай", "Chine", "Cina", "الصين"),
    "TD": ("Chad", "Tchad", "Чад", "Tschad", "Ciad", "Chade", "تشاد"),
    "GE": ("Georgia", "Грузия", "Грузія", "Géorgie", "Georgien"),
    "JO": (
        "Jordan",
        "Иордания",
        "Йорданія",
        "Jordanie",
        "Jordania",
        "Jordanien",
        "Giordania",
        "Jordânia",
        "الأردن",
    ),
    "NE": ("Niger", "Нигер", "Нігер", "النيجر"),
    "GN": ("Guinea", "Guinée", "Гвинея", "Гвінея", "غينيا"),
    "OM": ("Oman", "Оман", "سلطنة عمان"),
    "ML": ("Mali", "Мали", "Малі", "جمهورية مالي"),
    "IL": ("Israel", "Израиль", "Ізраїль", "Israël", "إسرائيل", "ישראל"),
    "CU": ("Cuba", "Куба", "كوبا"),
    "PE": ("Peru", "Perú", "Перу", "بيرو"),
    "TG": ("Togo", "Того", "توغو"),
    "ER": ("Eritrea", "Эритрея", "Еритрея", "إريتريا"),
    "FR": ("France", "Франция", "Франція", "Francia", "Frankreich", "França", "فرنسا"),
    "IT": ("Italy", "Italia", "Италия", "Італія", "Italie", "Italien", "Itália", "إيطاليا"),
    "KE": ("Kenya", "Кения", "Кенія", "Kenia", "Quénia", "Quênia", "كينيا"),
    "NL": (
        "Netherlands",
        "Holland",
        "the Netherlands",
        "Нидерланды",
        "Голландия",
        "Нідерланди",
        "Pays-Bas",
        "Países Bajos",
        "Niederlande",
        "Paesi Bassi",
        "Países Baixos",
        "هولندا",
    ),
}

#: Capitals and summit venues, with the forms news uses in the main scripts.
#: "ISO English: form; form; ..." — Cyrillic forms are declined automatically.
CITIES = """
TJ Dushanbe: Душанбе; Douchanbé; Douchanbe; Dusambé; Dusambe; Duschanbe; Duchambe; Duşanbe;
    Dušanbe; دوشانبي; دوشنبه; דושנבה
MN Ulaanbaatar: Ulan Bator; Ulan-Bator; Oulan-Bator; Ulán Bator; Ulaan Baatar; Улан-Батор;
    Улан-Батор; Улаанбаатар; أولان باتور; أولانباتار; آلانباتار; אולן בטור
HU Budapest: Будапешт; Budapeste; بودابست; בודפשט
ZA Johannesburg: Йоханнесбург; Йоганнесбург; Johannesburgo; Joanesburgo; جوهانسبرغ; جوهانسبورغ;
    יוהנסבורג
ZA Pretoria: Претория; Преторія; بريتوريا
ZA Cape Town: Кейптаун; Le Cap; Ciudad del Cabo; Kapstadt; Città del Capo; Cidade do Cabo;
    كيب تاون
ZA Durban: Дурбан; ديربان
ZA Sandton: Сэндтон; Сендтон
RU Moscow: Москва; Moscou; Moscú; Moskau; Mosca; Moscovo; Moscou; موسكو; מוסקבה
RU Kazan: Казань; Kazán; Kasan; قازان
RU Saint Petersburg: Санкт-Петербург; Петербург; St Petersburg; St. Petersburg; Saint-Pétersbourg;
    San Petersburgo; Sankt Petersburg; San Pietroburgo; São Petersburgo; سانت بطرسبرغ
RU Sochi: Сочи; Sotchi; Sotschi; سوتشي
RU Vladivostok: Владивосток; فلاديفوستوك
KZ Astana: Астана; Astaná; Nur-Sultan; Нур-Султан; أستانا; أستانة
KZ Almaty: Алматы; Алма-Ата; Алмати; ألماتي
KG Bishkek: Бишкек; Бішкек; Bichkek; Biskek; Bischkek; بيشكيك
KG Cholpon-Ata: Чолпон-Ата
UZ Tashkent: Ташкент; Tachkent; Taskent; Taschkent; طشقند
UZ Samarkand: Самарканд; Samarcande; Samarcanda; سمرقند
TM Ashgabat: Ашхабад; Ашгабат; Achgabat; Asjabad; Aschgabat; عشق آباد
AZ Baku: Баку; Bakou; Bakú; بالباكو; باكو
AM Yerevan: Ереван; Єреван; Erevan; Ereván; Eriwan; يريفان
GE Tbilisi: Тбилиси; Тбілісі; Tiflis; تبليسي
BY Minsk: Минск; Мінськ; مينسك
IN New Delhi: Нью-Дели; Нью-Делі; Delhi; Дели; Делі; New Delhi; Nueva Delhi; Nouvelle-Delhi;
    Neu-Delhi; Nuova Delhi; Nova Deli; Nova Délhi; نيودلهي; نيو دلهي; ניו דלהי
IN Mumbai: Мумбаи; Bombay; مومباي
CN Beijing: Пекин; Пекін; Pékin; Pekín; Peking; Pechino; Pequim; بكين; בייג'ינג
CN Shanghai: Шанхай; Shanghái; Xangai; شنغهاي
CN Xiamen: Сямэнь; Сямень
CN Tianjin: Тяньцзинь; تيانجين
VN Hanoi: Ханой; Hanói; Hanoï; هانوي
KP Pyongyang: Пхеньян; Пхеньян; Pyongyang; Pionyang; Pjöngjang; Pyongyang; بيونغ يانغ
TR Ankara: Анкара; أنقرة
TR Istanbul: Стамбул; Istanbul; Estambul; Istambul; إسطنبول; اسطنبول
TR Antalya: Анталья; Анталія; أنطاليا
IR Tehran: Тегеран; Téhéran; Teherán; Teheran; Teerã; طهران
SA Riyadh: Эр-Рияд; Ер-Ріяд; Riyad; Riad; Riade; الرياض
SA Jeddah: Джидда; Джедда; Djeddah; Yeda; Dschidda; Gedda; جدة
AE Abu Dhabi: Абу-Даби; Абу-Дабі; Abou Dhabi; Abu Dabi; أبوظبي; أبو ظبي; אבו דאבי
AE Dubai: Дубай; Dubaï; دبي; דובאי
QA Doha: Доха; الدوحة
EG Cairo: Каир; Каїр; Le Caire; El Cairo; Kairo; Il Cairo; القاهرة; קהיר
EG Sharm el-Sheikh: Шарм-эш-Шейх; Шарм-ель-Шейх; Charm el-Cheikh; شرم الشيخ
ET Addis Ababa: Аддис-Абеба; Аддис-Абеба; Addis-Abeba; Adís Abeba; أديس أبابا
KE Nairobi: Найроби; Найробі; نيروبي
UG Kampala: Кампала; كمبالا
RW Kigali: Кигали; Кігалі; كيغالي
SS Juba: Джуба; جوبا
SD Khartoum: Хартум; Jartum; Khartum; Cartum; الخرطوم
TD N'Djamena: Нджамена; Ndjamena; N'Djaména; Yamena; انجامينا
CF Bangui: Банги; بانغي
ML Bamako: Бамако; باماكو
NE Niamey: Ниамей; نيامي
BF Ouagadougou: Уагадугу; Uagadugú; واغادوغو
CI Abidjan: Абиджан; Abiyán; أبيدجان
CI Yamoussoukro: Ямусукро
CD Kinshasa: Киншаса; كينشاسا
NG Abuja: Абуджа; أبوجا
GQ Malabo: Малабо; مالابو
AO Luanda: Луанда; لواندا
ZW Harare: Хараре; هراري
MZ Maputo: Мапуту; مابوتو
LY Tripoli: Триполи; Trípoli; Tripolis; طرابلس
DZ Algiers: Алжир; Alger; Argel; Algier; Algeri; الجزائر العاصمة
MA Rabat: Рабат; الرباط
TN Tunis: Тунис; Túnez; تونس العاصمة
SY Damascus: Дамаск; Damas; Damasco; Damaskus; دمشق
LB Beirut: Бейрут; Beyrouth; Beirute; بيروت
JO Amman: Амман; Ammán; عمّان; עמאן
IL Jerusalem: Иерусалим; Єрусалим; Jérusalem; Jerusalén; Gerusalemme; Jerusalém; القدس; ירושלים
IL Tel Aviv: Тель-Авив; Тель-Авів; تل أبيب; תל אביב
PS Gaza: Газа; Gaza City; غزة
PS Ramallah: Рамалла; رام الله
US Washington: Вашингтон; Washington; Washington, D.C.; Washington DC; Washington D.C.; واشنطن;
    וושינגטון
US New York: Нью-Йорк; Nueva York; New York; Nova Iorque; Nova York; نيويورك; ניו יורק
BR Brasília: Бразилиа; Бразиліа; Brasilia; Brasilia; برازيليا
BR Rio de Janeiro: Рио-де-Жанейро; Ріо-де-Жанейро; Río de Janeiro; ريو دي جانيرو
BR Belém: Белен; Belem; بيليم
BR São Paulo: Сан-Паулу; Sao Paulo; São Paulo; ساو باولو
AR Buenos Aires: Буэнос-Айрес; Буенос-Айрес; بوينس آيرس; בואנוס איירס; Ezeiza
MX Mexico City: Мехико; Ciudad de México; Mexiko-Stadt; Città del Messico; Cidade do México
CU Havana: Гавана; La Habana; La Havane; Havanna; L'Avana; Havana; هافانا
VE Caracas: Каракас; كاراكاس
NI Managua: Манагуа
FR Paris: Париж; Parigi; باريس; פריז
DE Berlin: Берлин; Берлін; Berlín; Berlino; Berlim; برلين; ברלין
IT Rome: Рим; Rome; Roma; Rom; روما; רומא
ES Madrid: Мадрид; مدريد
PT Lisbon: Лиссабон; Лісабон; Lisbonne; Lisboa; Lissabon; Lisbona; لشبونة
GB London: Лондон; Londres; Londra; لندن; לונדון
BE Brussels: Брюссель; Брюссель; Bruxelles; Bruselas; Brüssel; Bruxelas; بروكسل
NL The Hague: Гаага; Гаага; La Haye; La Haya; Den Haag; L'Aia; Haia; لاهاي; האג
NL Amsterdam: Амстердам; أمستردام
CH Geneva: Женева; Genève; Ginebra; Genf; Ginevra; Genebra; جنيف
CH Davos: Давос; دافوس
CH Bern: Берн; Berne; Berna; برن
AT Vienna: Вена; Відень; Vienne; Viena; Wien; Vienna; فيينا
RS Belgrade: Белград; Бєлград; Belgrado; Belgrad; بلغراد
MD Chișinău: Кишинев; Кишинёв; Кишинів; Chisinau; Kischinau
JP Tokyo: Токио; Токіо; Tokio; Tóquio; طوكيو
JP Hiroshima: Хиросима; Хіросіма; هيروشيما
MY Kuala Lumpur: Куала-Лумпур; كوالالمبور
ID Jakarta: Джакарта; Jakarta; Yakarta; Djakarta; جاكرتا
ID Bali: Бали; Балі; بالي
KH Phnom Penh: Пномпень; Phnom Penh; Nom Pen; بنوم بنه
LA Vientiane: Вьентьян; Vientiane
PK Islamabad: Исламабад; Ісламабад; إسلام آباد
AF Kabul: Кабул; كابول
IQ Baghdad: Багдад; Bagdad; Bagdá; بغداد
KW Kuwait City: Эль-Кувейт
BH Manama: Манама; المنامة
UA Kyiv: Kiev; Київ; Киев; Kiew; Kiev; Kyjiw; Kijów; Kiiv; كييف; קייב
UA Mariupol: Мариуполь; Маріуполь; Marioupol; Mariúpol; ماريوبول
UA Donetsk: Донецк; Донецьк; Donezk; Donetsk; دونيتسك
UA Luhansk: Луганск; Луганськ; Lougansk; Lugansk
UA Melitopol: Мелитополь; Мелітополь
UA Henichesk: Геническ; Генічеськ; Heniczesk; Henitchesk; Genichesk
UA Berdiansk: Бердянск; Бердянськ; Berdjansk
UA Kherson: Херсон; Kherson; Cherson; Jersón
UA Sevastopol: Севастополь; Sébastopol; Sebastopol; Sewastopol
UA Simferopol: Симферополь; Сімферополь
UA Crimea: Крым; Крим; Crimée; Krim; Crimeia; القرم
DE Frankfurt: Франкфурт; Francfort; Fráncfort; Francoforte; فرانكفورت; Frankfurter Flughafen
DE Munich: Мюнхен; München; Munique; Múnich; Monaco di Baviera; ميونخ
DE Hamburg: Гамбург; Hambourg; Hamburgo; Amburgo
IT Milan: Милан; Мілан; Milano; Milán; Mailand; Milão; ميلانو
IT Naples: Неаполь; Napoli; Nápoles; Neapel
ES Barcelona: Барселона; Barcelone; برشلونة
ES Seville: Севилья; Sevilla; Séville; Siviglia; Sevilha
PT Porto: Порту
FR Marseille: Марсель; Marsella; Marsiglia; Marselha
FR Strasbourg: Страсбург; Estrasburgo; Straßburg; Strasburgo
PL Warsaw: Варшава; Varsovie; Varsovia; Warschau; Varsavia; Varsóvia; وارسو; ורשה
PL Kraków: Краков; Краків; Krakow; Cracovie; Cracovia; Krakau; Cracóvia
PL Auschwitz: Освенцим; Освенцім; Oświęcim; Auschwitz-Birkenau; אושוויץ; أوشفيتز
US Anchorage: Анкоридж
US Alaska: Аляска; Alasca; ألاسكا
US Florida: Флорида; Floride; فلوريدا; פלורידה
US Mar-a-Lago: Мар-а-Лаго
US Miami: Майами; ميامي
US Los Angeles: Лос-Анджелес
US Chicago: Чикаго
CA Ottawa: Оттава; أوتاوا
CA Toronto: Торонто
CA Montreal: Монреаль; Montréal
CA Kananaskis: Кананаскис
AU Canberra: Канберра
AU Sydney: Сидней; Sídney
"""

#: Demonyms and adjectives, as stems ("tajik" -> "Tajik capital", "таджикск" -> "таджикской").
DEMONYMS = """
TJ: tajik; tadjik; tayik; tagik; tadschik; tadjique; таджикск; таджицьк; الطاجيك
MN: mongolian; mongol; монгольск; монгольськ; mongolisch; mongola; mongolo; المنغول
HU: hungarian; hongrois; húngar; ungarisch; ungherese; венгерск; угорськ; المجري
ZA: south african; sud-africain; sudafrican; südafrikanisch; sul-african; южноафриканск;
    південноафриканськ
RU: russian; russe; rus; russisch; russo; российск; русск; російськ; الروسي
UA: ukrainian; ukrainien; ucranian; ukrainisch; ucrain; украинск; українськ; الأوكراني
IL: israeli; israélien; israelí; israelisch; israelian; израильск; ізраїльськ; الإسرائيلي
SD: sudanese; soudanais; sudanés; sudanesisch; sudanes; суданск; суданськ; السوداني
IN: indian; indien; indio; indisch; indiano; индийск; індійськ; الهندي
CN: chinese; chinois; chino; chinesisch; cinese; китайск; китайськ; الصيني
BR: brazilian; brésilien; brasileñ; brasilianisch; brasilian; brasileir; бразильск; бразильськ
FR: french; français; francés; französisch; frances; francese; французск; французьк; الفرنسي
DE: german; allemand; alemán; deutsche; tedesc; alemã; немецк; німецьк; الألماني
IT: italian; italien; italiano; italienisch; итальянск; італійськ; الإيطالي
KZ: kazakh; kazakhstani; kazakhe; kazajo; kasachisch; kazako; cazaque; казахск; казахстанск;
    казахськ; казахстанськ
KG: kyrgyz; kirghiz; kirguís; kirgisisch; киргизск; кыргызск; киргизьк
UZ: uzbek; ouzbek; uzbeko; usbekisch; uzbeque; узбекск; узбецьк
AZ: azerbaijani; azerbaïdjanais; azerbaiyan; aserbaidschanisch; azero; азербайджанск;
    азербайджанськ
AM: armenian; arménien; armenio; armenisch; armeno; армянск; вірменськ
TR: turkish; turc; turco; türkisch; турецк; турецьк; التركي
IR: iranian; iranien; iraní; iranisch; iraniano; иранск; іранськ; الإيراني
SA: saudi; saoudien; saudí; saudisch; saudita; саудовск; саудівськ; السعودي
AE: emirati; émirien; emiratí; emiratisch; emiratin; эмиратск; еміратськ; الإماراتي
EG: egyptian; égyptien; egipci; ägyptisch; egizian; egípci; египетск; єгипетськ; المصري
ET: ethiopian; éthiopien; etíope; äthiopisch; etiopic; эфиопск; ефіопськ; الإثيوبي
KE: kenyan; kényan; keniano; kenianisch; кенийск; кенійськ; الكيني
MY: malaysian; malaisien; malasio; malaysisch; malese; малайзийск; малайзійськ; الماليزي
TD: chadian; tchadien; chadiano; tschadisch; ciadian; чадск; чадськ; التشادي
US: american; américain; estadounidense; amerikanisch; americano; americana; американск;
    американськ; الأمريكي
GB: british; britannique; británic; britisch; britannic; britânic; британск; британськ; البريطاني
VN: vietnamese; vietnamien; vietnamita; vietnamesisch; вьетнамск; в'єтнамськ; الفيتنامي
KP: north korean; nord-coréen; norcorean; nordkoreanisch; nordcorean; северокорейск;
    північнокорейськ
BY: belarusian; biélorusse; bielorrus; belarussisch; bielorusso; белорусск; білоруськ
NL: dutch; néerlandais; neerlandés; niederländisch; olandese; holandés; нидерландск; голландск;
    нідерландськ
"""

_ACRONYM = re.compile(r"^[A-ZА-ЯІЇЄҐ.]{2,6}$")


@dataclass(frozen=True, slots=True)
class PlaceSpec:
    phrase: str  # folded
    iso2: str
    place: str | None  # English city name; None for a country or demonym
    kind: str  # "country" | "city" | "demonym"
    stem: bool = False
    exact_case: str | None = None  # acronyms: the original spelling that must match
    capital: bool = False  # must start with a capital letter in the text


def _variants(name: str) -> set[str]:
    """Spelling variants of one name: accents, apostrophes, "and"/"&", declension."""
    names = {name, strip_accents(name)}
    for n in list(names):
        if "&" in n:
            names.add(n.replace("&", "and"))
            names.add(n.replace("&", "et"))
            names.add(n.replace("&", "y"))
        if "(" in n:  # "Myanmar (Burma)" -> both
            head, _, rest = n.partition("(")
            names.add(head.strip())
            names.add(rest.rstrip(")").strip())
        if " - " in n:  # "Congo - Kinshasa" is a label, not a name
            names.discard(n)
    out: set[str] = set()
    for n in names:
        if "(" in n:
            continue
        if script_of(n) == "cyrillic":
            uk = any(c in n for c in "іїєґІЇЄҐ")
            out.update(decline(n, "uk" if uk else "ru", "place"))
            if not uk:
                out.update(decline(n, "uk", "place"))
        else:
            out.add(n)
    return out


def _spec(name: str, iso2: str, place: str | None, kind: str) -> list[PlaceSpec]:
    specs: list[PlaceSpec] = []
    for v in _variants(name):
        key = fold(v).strip()
        if len(key) < 2:
            continue
        if _ACRONYM.match(v) and v.upper() == v:
            specs.append(PlaceSpec(key, iso2, place, kind, exact_case=v))
            continue
        if key in _DROP_NAMES and key not in _CAPITAL_ONLY:
            continue
        capital = script_of(v) in ("latin", "cyrillic")
        specs.append(PlaceSpec(key, iso2, place, kind, capital=capital))
    return specs


def _known_iso2() -> set[str]:
    import pycountry

    codes = {c.alpha_2 for c in pycountry.countries}
    codes.add("XK")
    return codes


def _logical_lines(table: str) -> list[str]:
    """Lines of a table, an indented line continuing the one before."""
    out: list[str] = []
    for raw in table.strip("\n").splitlines():
        if raw[:1].isspace() and out:
            out[-1] = out[-1].rstrip().rstrip(";") + "; " + raw.strip()
        elif raw.strip():
            out.append(raw.strip())
    return out


def place_specs(extra_states: dict[str, tuple[str, ...]] | None = None) -> list[PlaceSpec]:
    """Every place pattern: countries, cities, demonyms (``extra_states``: KB names/aliases)."""
    from babel import Locale

    iso = _known_iso2()
    out: list[PlaceSpec] = []
    canonical: dict[str, str] = {}  # a territory's own name -> its code
    babel: list[PlaceSpec] = []
    for lang in PLACE_LANGS:
        loc = Locale.parse(lang)
        for code, name in loc.territories.items():
            if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES or code not in iso:
                continue
            canonical.setdefault(fold(name), code)
            babel.extend(_spec(name, code, None, "country"))
    # "RAE de Hong Kong (China)" yields "China" for HK too: a name that is some country's
    # own name belongs to that country only.
    out.extend(p for p in babel if canonical.get(p.phrase, p.iso2) == p.iso2)
    for code, names in COUNTRY_ALIASES.items():
        for name in names:
            out.extend(_spec(name, code, None, "country"))
    for code, names in (extra_states or {}).items():
        for name in names:
            out.extend(_spec(name, code, None, "country"))
    out.extend(_tz_cities(iso))
    for line in _logical_lines(CITIES):
        head, _, forms = line.partition(":")
        code, _, english = head.strip().partition(" ")
        for form in [english, *(f.strip() for f in forms.split(";"))]:
            if form:
                out.extend(_spec(form, code, english, "city"))
    for line in _logical_lines(DEMONYMS):
        code, _, forms = line.partition(":")
        for form in forms.split(";"):
            form = form.strip()
            if form:
                out.append(PlaceSpec(fold(form), code.strip(), None, "demonym", stem=True))
    return out


#: Exemplar cities of these zones are small towns or common words: skip them.
_SKIP_ZONES = {
    "Europe/Jersey",
    "Europe/Guernsey",
    "Europe/Isle_of_Man",
    "Atlantic/Stanley",
    "America/Nome",
    "Pacific/Chuuk",
    "Pacific/Truk",
    "Pacific/Yap",
    "Antarctica/Troll",
    "Asia/Famagusta",
    "Europe/Busingen",
    "America/Panama",
}


def _tz_cities(iso: set[str]) -> list[PlaceSpec]:
    """Localised exemplar cities of each country's time zones (countries with few zones).

    Read straight from CLDR's time-zone names (``Locale.time_zones``); where a locale
    has no localised name, the zone id gives the English one ("Asia/Dushanbe").
    """
    import pytz
    from babel import Locale

    locales = [Locale.parse(lang) for lang in PLACE_LANGS]
    out: list[PlaceSpec] = []
    for code, zones in pytz.country_timezones.items():
        code = code.upper()
        if code not in iso or len(zones) > 4:
            continue
        for zone in zones:
            if zone in _SKIP_ZONES:
                continue
            english = zone.rsplit("/", 1)[-1].replace("_", " ")
            if len(english) < 4:
                continue
            names = {english}
            for loc in locales:
                city = loc.time_zones.get(zone, {}).get("city")
                if city:
                    names.add(city)
            for name in names:
                out.extend(_spec(name, code, english, "city"))
    return out
