"""Words the synthetic generator builds names and titles from, in the hub's four languages.

Real countries and cities of Central Asia, the South Caucasus and the partner states, so that
synthetic graphs look like the real one to search and filters (Cyrillic, Azerbaijani "ə", "ş",
"ğ" and Tajik "ҳ", "ӣ", "ҷ" all occur); everything else is invented.
"""

from __future__ import annotations

from typing import Final

Texts = tuple[str, str, str, str]
"""(en, ru, az, tg)."""

COUNTRIES: Final[tuple[tuple[str, Texts], ...]] = (
    ("KZ", ("Kazakhstan", "Казахстан", "Qazaxıstan", "Қазоқистон")),
    ("KG", ("Kyrgyzstan", "Кыргызстан", "Qırğızıstan", "Қирғизистон")),
    ("TJ", ("Tajikistan", "Таджикистан", "Tacikistan", "Тоҷикистон")),
    ("TM", ("Turkmenistan", "Туркменистан", "Türkmənistan", "Туркманистон")),
    ("UZ", ("Uzbekistan", "Узбекистан", "Özbəkistan", "Ӯзбекистон")),
    ("AZ", ("Azerbaijan", "Азербайджан", "Azərbaycan", "Озарбойҷон")),
    ("AM", ("Armenia", "Армения", "Ermənistan", "Арманистон")),
    ("GE", ("Georgia", "Грузия", "Gürcüstan", "Гурҷистон")),
    ("AF", ("Afghanistan", "Афганистан", "Əfqanıstan", "Афғонистон")),
    ("RU", ("Russia", "Россия", "Rusiya", "Русия")),
    ("TR", ("Turkey", "Турция", "Türkiyə", "Туркия")),
    ("UA", ("Ukraine", "Украина", "Ukrayna", "Украина")),
    ("MD", ("Moldova", "Молдова", "Moldova", "Молдова")),
    ("BY", ("Belarus", "Беларусь", "Belarus", "Беларус")),
    ("LV", ("Latvia", "Латвия", "Latviya", "Латвия")),
    ("LT", ("Lithuania", "Литва", "Litva", "Литва")),
    ("PL", ("Poland", "Польша", "Polşa", "Лаҳистон")),
    ("DE", ("Germany", "Германия", "Almaniya", "Олмон")),
    ("AT", ("Austria", "Австрия", "Avstriya", "Австрия")),
    ("BE", ("Belgium", "Бельгия", "Belçika", "Белгия")),
    ("CH", ("Switzerland", "Швейцария", "İsveçrə", "Швейтсария")),
    ("SE", ("Sweden", "Швеция", "İsveç", "Шветсия")),
    ("FR", ("France", "Франция", "Fransa", "Фаронса")),
    ("US", ("United States", "США", "Amerika Birləşmiş Ştatları", "ИМА")),
)

CITIES: Final[dict[str, tuple[Texts, ...]]] = {
    "KZ": (
        ("Almaty", "Алматы", "Almatı", "Алмаато"),
        ("Astana", "Астана", "Astana", "Остона"),
        ("Shymkent", "Шымкент", "Şımkent", "Чимкент"),
    ),
    "KG": (("Bishkek", "Бишкек", "Bişkek", "Бишкек"), ("Osh", "Ош", "Oş", "Ӯш")),
    "TJ": (
        ("Dushanbe", "Душанбе", "Düşənbə", "Душанбе"),
        ("Khujand", "Худжанд", "Xucənd", "Хуҷанд"),
        ("Khorog", "Хорог", "Xoroq", "Хоруғ"),
    ),
    "TM": (("Ashgabat", "Ашхабад", "Aşqabad", "Ашқобод"),),
    "UZ": (
        ("Tashkent", "Ташкент", "Daşkənd", "Тошкент"),
        ("Samarkand", "Самарканд", "Səmərqənd", "Самарқанд"),
        ("Fergana", "Фергана", "Fərqanə", "Фарғона"),
    ),
    "AZ": (
        ("Baku", "Баку", "Bakı", "Боку"),
        ("Ganja", "Гянджа", "Gəncə", "Ганҷа"),
        ("Sumgait", "Сумгайыт", "Sumqayıt", "Сумқайит"),
    ),
    "AM": (("Yerevan", "Ереван", "İrəvan", "Ереван"),),
    "GE": (("Tbilisi", "Тбилиси", "Tiflis", "Тифлис"), ("Batumi", "Батуми", "Batumi", "Батумӣ")),
    "TR": (
        ("Ankara", "Анкара", "Ankara", "Анқара"),
        ("Istanbul", "Стамбул", "İstanbul", "Истанбул"),
    ),
    "LV": (("Riga", "Рига", "Riqa", "Рига"),),
    "BE": (("Brussels", "Брюссель", "Brüssel", "Брюссел"),),
    "AT": (("Vienna", "Вена", "Vyana", "Вена"),),
    "CH": (("Geneva", "Женева", "Cenevrə", "Женева"),),
}

TOPICS: Final[tuple[Texts, ...]] = (
    (
        "Migration management",
        "Управление миграцией",
        "Miqrasiya idarəçiliyi",
        "Идоракунии муҳоҷират",
    ),
    ("Border management", "Управление границами", "Sərhəd idarəçiliyi", "Идоракунии сарҳад"),
    ("Labour migration", "Трудовая миграция", "Əmək miqrasiyası", "Муҳоҷирати меҳнатӣ"),
    ("Human trafficking", "Торговля людьми", "İnsan alveri", "Савдои одамон"),
    (
        "Migrant smuggling",
        "Незаконный ввоз мигрантов",
        "Miqrantların qaçaqmalçılığı",
        "Қочоқи муҳоҷирон",
    ),
    ("Asylum and refugees", "Убежище и беженцы", "Sığınacaq və qaçqınlar", "Паноҳгоҳ ва гурезаҳо"),
    (
        "Document security",
        "Безопасность документов",
        "Sənədlərin təhlükəsizliyi",
        "Амнияти ҳуҷҷатҳо",
    ),
    ("Readmission", "Реадмиссия", "Readmissiya", "Реадмиссия"),
    (
        "Integration of migrants",
        "Интеграция мигрантов",
        "Miqrantların inteqrasiyası",
        "Ҳамгироии муҳоҷирон",
    ),
    ("Remittances", "Денежные переводы", "Pul köçürmələri", "Интиқоли пул"),
    ("Customs control", "Таможенный контроль", "Gömrük nəzarəti", "Назорати гумрукӣ"),
    ("Online education", "Онлайн-обучение", "Onlayn təhsil", "Таҳсили онлайн"),
    ("Training of trainers", "Подготовка тренеров", "Təlimçilərin hazırlığı", "Омӯзиши омӯзгорон"),
    ("Community security", "Безопасность сообществ", "İcma təhlükəsizliyi", "Амнияти ҷамоат"),
    ("Gender and migration", "Гендер и миграция", "Gender və miqrasiya", "Гендер ва муҳоҷират"),
    ("Migration data", "Миграционная статистика", "Miqrasiya statistikası", "Омори муҳоҷират"),
    ("Diaspora engagement", "Работа с диаспорой", "Diaspora ilə iş", "Кор бо диаспора"),
    (
        "Return and reintegration",
        "Возвращение и реинтеграция",
        "Qayıdış və reinteqrasiya",
        "Бозгашт ва ҳамгироӣ",
    ),
    ("Visa policy", "Визовая политика", "Viza siyasəti", "Сиёсати раводид"),
    ("Migrants' rights", "Права мигрантов", "Miqrantların hüquqları", "Ҳуқуқи муҳоҷирон"),
    ("Youth and employability", "Молодёжь и занятость", "Gənclər və məşğulluq", "Ҷавонон ва шуғл"),
    (
        "Regional cooperation",
        "Региональное сотрудничество",
        "Regional əməkdaşlıq",
        "Ҳамкории минтақавӣ",
    ),
    ("Climate and migration", "Климат и миграция", "İqlim və miqrasiya", "Иқлим ва муҳоҷират"),
    ("Crisis response", "Реагирование на кризисы", "Böhranlara cavab", "Вокуниш ба бӯҳрон"),
)

AGENCY_KINDS: Final[tuple[tuple[str, Texts, float], ...]] = (
    (
        "state_service",
        (
            "State Migration Service",
            "Государственная миграционная служба",
            "Dövlət Miqrasiya Xidməti",
            "Хадамоти давлатии муҳоҷират",
        ),
        4.0,
    ),
    (
        "state_service",
        ("Border Guard Service", "Пограничная служба", "Sərhəd Xidməti", "Хадамоти сарҳадӣ"),
        3.0,
    ),
    (
        "state_service",
        ("Customs Service", "Таможенная служба", "Gömrük Xidməti", "Хадамоти гумрук"),
        2.0,
    ),
    (
        "college",
        ("Training Academy", "Учебная академия", "Təlim Akademiyası", "Академияи таълимӣ"),
        1.5,
    ),
    (
        "ngo",
        (
            "Migrant Support Association",
            "Ассоциация поддержки мигрантов",
            "Miqrantlara Dəstək Assosiasiyası",
            "Ассотсиатсияи дастгирии муҳоҷирон",
        ),
        2.0,
    ),
    (
        "international_organisation",
        ("Migration Office", "Бюро по миграции", "Miqrasiya Bürosu", "Бюрои муҳоҷират"),
        1.0,
    ),
    ("donor", ("Development Fund", "Фонд развития", "İnkişaf Fondu", "Хазинаи рушд"), 0.6),
    (
        "training_centre",
        (
            "Regional Training Centre",
            "Региональный учебный центр",
            "Regional Təlim Mərkəzi",
            "Маркази минтақавии таълимӣ",
        ),
        1.0,
    ),
    ("office", ("Liaison Office", "Представительство", "Nümayəndəlik", "Намояндагӣ"), 0.8),
)

EVENT_KINDS: Final[dict[str, Texts]] = {
    "workshop": ("Workshop on", "Семинар по теме", "mövzusunda seminar", "Семинар оид ба"),
    "training": ("Training on", "Тренинг по теме", "mövzusunda təlim", "Омӯзиш оид ба"),
    "meeting": ("Meeting on", "Встреча по теме", "mövzusunda görüş", "Вохӯрӣ оид ба"),
    "conference": (
        "Conference on",
        "Конференция по теме",
        "mövzusunda konfrans",
        "Конференсия оид ба",
    ),
    "training_of_trainers": (
        "Training of trainers on",
        "Тренинг для тренеров по теме",
        "mövzusunda təlimçilər üçün təlim",
        "Омӯзиши омӯзгорон оид ба",
    ),
    "roll_out_session": (
        "Roll-out session on",
        "Каскадная сессия по теме",
        "mövzusunda yayım sessiyası",
        "Ҷаласаи паҳнкунӣ оид ба",
    ),
}
"""Title stems: English/Russian/Tajik put the stem before the topic, Azerbaijani after it."""

PROGRAMME_STEMS: Final[tuple[Texts, ...]] = (
    ("Programme on", "Программа по теме", "mövzusunda proqram", "Барнома оид ба"),
    ("Project on", "Проект по теме", "mövzusunda layihə", "Лоиҳа оид ба"),
    ("Initiative on", "Инициатива по теме", "mövzusunda təşəbbüs", "Ташаббус оид ба"),
)
PHASE_WORDS: Final[Texts] = ("phase", "этап", "mərhələ", "марҳила")
VENUE_WORDS: Final[Texts] = ("Training hall", "Учебный зал", "Təlim zalı", "Толори таълимӣ")
RESOURCE_STEMS: Final[dict[str, Texts]] = {
    "news": ("News:", "Новости:", "Xəbər:", "Хабар:"),
    "report": ("Report on", "Отчёт по теме", "mövzusunda hesabat", "Гузориш оид ба"),
    "article": ("Article on", "Статья по теме", "mövzusunda məqalə", "Мақола оид ба"),
    "curriculum": (
        "Curriculum on",
        "Учебная программа по теме",
        "mövzusunda tədris planı",
        "Барномаи таълимӣ оид ба",
    ),
}

FIRST_NAMES: Final[tuple[tuple[str, str], ...]] = (
    ("Aziz", "Азиз"),
    ("Dilnoza", "Дилноза"),
    ("Farrukh", "Фаррух"),
    ("Gulnara", "Гульнара"),
    ("Rustam", "Рустам"),
    ("Madina", "Мадина"),
    ("Timur", "Тимур"),
    ("Zarina", "Зарина"),
    ("Elchin", "Эльчин"),
    ("Leyla", "Лейла"),
    ("Rashad", "Рашад"),
    ("Nigar", "Нигяр"),
    ("Armen", "Армен"),
    ("Anahit", "Анаит"),
    ("Giorgi", "Гиорги"),
    ("Nino", "Нино"),
    ("Bakhtiyor", "Бахтиёр"),
    ("Shahnoza", "Шахноза"),
    ("Nurlan", "Нурлан"),
    ("Aigerim", "Айгерим"),
    ("Azamat", "Азамат"),
    ("Cholpon", "Чолпон"),
    ("Davron", "Даврон"),
    ("Firuza", "Фируза"),
    ("Ilgar", "Ильгар"),
    ("Sevinj", "Севиндж"),
    ("Oleg", "Олег"),
    ("Irina", "Ирина"),
    ("Serdar", "Сердар"),
    ("Maral", "Марал"),
    ("Jahongir", "Жахонгир"),
    ("Malika", "Малика"),
)
LAST_NAMES: Final[tuple[tuple[str, str], ...]] = (
    ("Karimov", "Каримов"),
    ("Rahimova", "Рахимова"),
    ("Nazarov", "Назаров"),
    ("Aliyeva", "Алиева"),
    ("Huseynov", "Гусейнов"),
    ("Mammadova", "Мамедова"),
    ("Sargsyan", "Саргсян"),
    ("Beridze", "Беридзе"),
    ("Abdullaev", "Абдуллаев"),
    ("Yusupova", "Юсупова"),
    ("Tokayev", "Токаев"),
    ("Omurbekova", "Омурбекова"),
    ("Sharipov", "Шарипов"),
    ("Davletova", "Давлетова"),
    ("Gasimov", "Гасымов"),
    ("Ismayilova", "Исмаилова"),
    ("Petrosyan", "Петросян"),
    ("Kapanadze", "Капанадзе"),
    ("Saidov", "Саидов"),
    ("Ergasheva", "Эргашева"),
    ("Berdiev", "Бердиев"),
    ("Atayeva", "Атаева"),
    ("Mirzoev", "Мирзоев"),
    ("Kurbanova", "Курбанова"),
)
EXPERT_ROLES: Final[tuple[str, ...]] = (
    "trainer",
    "migration officer",
    "border guard officer",
    "customs officer",
    "consultant",
    "programme coordinator",
    "lecturer",
    "researcher",
    "legal adviser",
    "head of unit",
)
JOB_ROLES: Final[tuple[str, ...]] = (
    "Specialist",
    "Senior specialist",
    "Head of division",
    "Deputy head",
    "Trainer",
    "Inspector",
    "Adviser",
    "Project officer",
    "Chief",
)
SPOKEN: Final[tuple[str, ...]] = ("ru", "en", "az", "tg", "uz", "kk", "ky", "tk", "hy", "ka", "tr")
CURRENCIES: Final[tuple[str, ...]] = ("EUR", "USD")
