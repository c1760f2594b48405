"""Cyrillic <-> Latin in the schemes people of the region actually write names in.

ICU ships Russian BGN/PCGN, ISO 9 (its `Cyrillic-Latin`), Azerbaijani and Tajik romanisations;
where ICU has no transform (GOST 7.79 system B, the ICAO 9303 passport table, Latin back to
Russian or Azerbaijani Cyrillic, and the cross-language spellings) the table is written here
as ICU rules and compiled by ICU, so every scheme runs through one engine. Each scheme is a
function of one word: names are transliterated word by word, and words repeat across names
(a synthetic graph of 100k experts has a few hundred), so each word's form is cached.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Final

import icu

from graph.text.cache_sizes import WORDS

Scheme = Callable[[str], str]

GOST_779_B: Final = """
щ > shh; ё > yo; ж > zh; ч > ch; ш > sh; ю > yu; я > ya; ц } [ieyj] > c; ц > cz;
ъ > ; ы > y; ь > ; э > e; х > x; й > j;
а > a; б > b; в > v; г > g; д > d; е > e; з > z; и > i; к > k; л > l; м > m; н > n;
о > o; п > p; р > r; с > s; т > t; у > u; ф > f;
"""
"""GOST 7.79-2000 system B (ASCII only; the apostrophes of ъ/ь/ы dropped, as searchers do)."""

ICAO_9303: Final = """
щ > shch; ё > e; ж > zh; ч > ch; ш > sh; ю > iu; я > ia; ц > ts; х > kh; ъ > ie; ы > y;
ь > ; э > e; й > i;
а > a; б > b; в > v; г > g; д > d; е > e; з > z; и > i; к > k; л > l; м > m; н > n;
о > o; п > p; р > r; с > s; т > t; у > u; ф > f;
"""
"""ICAO Doc 9303 (2013 on), the table of Russian passports since 2014."""

TAJIK_LATIN: Final = """
ғ > gh; ӣ > i; қ > q; ӯ > u; ҳ > h; ҷ > j; х > kh; ч > ch; ш > sh; ж > zh; ё > yo;
ю > yu; я > ya; й > y; ъ > ; э > e; ь > ; ы > y; ц > ts; щ > shch;
а > a; б > b; в > v; г > g; д > d; е > e; з > z; и > i; к > k; л > l; м > m; н > n;
о > o; п > p; р > r; с > s; т > t; у > u; ф > f;
"""
"""Tajik Cyrillic as BGN/PCGN (1994) romanises it, which ICU 72 lacks (macrons dropped)."""

LATIN_TO_RUSSIAN: Final = """
$vowel = [аеиоуыэюяё];
shch > щ; sch > щ; dzh > дж; zh > ж; kh > х; ts > ц; ch > ч; sh > ш;
yu > ю; ya > я; yo > ё; ye > е;
gj > г; dj > дж;
iy } $ > ий; yy } $ > ый;
$vowel { y > й; y } [^aeiouy] > й; y > ы;
$vowel { j } [^aeiouy] > й; $vowel { j > й; j > дж; h > $h; x > кс; q > к; w > в;
c } [eiy] > ц; ck > к; c > к;
e > е; a > а; b > б; v > в; g > г; d > д; z > з; i > и; k > к; l > л; m > м; n > н;
o > о; p > п; r > р; s > с; t > т; u > у; f > ф;
"""
"""Latin names as Russian writes them (a before-context sees the Cyrillic already written,
hence `$vowel` in Cyrillic). `$h` is х or г: Russian renders the h of
Azerbaijani, Tajik and other names both ways (Хусейнов, Гусейнов)."""

AZERBAIJANI_LATIN_TO_CYRILLIC: Final = """
a > а; b > б; c > ҹ; ç > ч; d > д; e > е; ə > ә; f > ф; g > ҝ; ğ > ғ; h > һ; x > х;
ı > ы; i > и; j > ж; k > к; q > г; l > л; m > м; n > н; o > о; ö > ө; p > п; r > р;
s > с; ş > ш; t > т; u > у; ü > ү; v > в; y > ј; z > з;
"""
"""The Azerbaijani Cyrillic alphabet of 1958-1991, letter for letter (the Latin one is its
successor, so the two map one to one)."""

TAJIK_CROSS: Final = """
дж > j; ҷ > j; г > h; ҳ > h; й > y; ё > yo; ю > yu; я > ya; ж > zh; х > kh; ч > ch;
ш > sh; щ > shch; ц > ts; қ > q; ғ > gh; ӣ > i; ӯ > u; ы > y; ъ > ; ь > ; э > e;
а > a; б > b; в > v; д > d; е > e; з > z; и > i; к > k; л > l; м > m; н > n;
о > o; п > p; р > r; с > s; т > t; у > u; ф > f;
"""
"""Russian-written names of Tajik or Azerbaijani people read back: Г for the h Russian lacks
(Гусейнов = Huseynov), дж for j (Джамшед = Jamshed), й as y."""

AZERBAIJANI_CROSS: Final = """
дж > c; г > h; й > y; ё > yo; ю > yu; я > ya; ж > j; х > x; ч > ç; ш > ş; щ > şç;
ц > ts; ы > ı; ъ > ; ь > ; э > e;
а > a; б > b; в > v; д > d; е > e; з > z; и > i; к > k; л > l; м > m; н > n;
о > o; п > p; р > r; с > s; т > t; у > u; ф > f;
"""
"""The same for Azerbaijani Latin, where дж is c (Джаббаров = Cabbarov)."""

TO_RUSSIAN_LETTERS: Final = str.maketrans(
    {
        "ӣ": "и",
        "ӯ": "у",
        "ҳ": "х",
        "һ": "х",
        "қ": "к",
        "ғ": "г",
        "ҝ": "г",
        "ә": "а",
        "ө": "о",
        "ү": "у",
        "ј": "й",
        "ҷ": "дж",
        "ҹ": "дж",
    }
)
"""Letters of Tajik and Azerbaijani Cyrillic to the Russian letters a Russian text writes."""

SIGNS: Final = str.maketrans({"ь": "", "ъ": ""})
"""Soft and hard signs, which romanisations drop and Latin spellings never had (Рамиль =
Ramil), so folded Cyrillic drops them too."""

LATIN_FOLDING: Final = str.maketrans({"ə": "a", "ı": "i", "ø": "o", "đ": "d", "ł": "l"})
"""Latin letters with no Unicode decomposition, as the English-language press writes them
(Məmmədov = Mammadov); the rest lose their accents through NFKD."""


def _icu(ident: str) -> icu.Transliterator:
    return icu.Transliterator.createInstance(ident)


def _rules(name: str, rules: str, *, h: str = "х") -> icu.Transliterator:
    return icu.Transliterator.createFromRules(
        name, "$h = " + h + ";\n" + rules, icu.UTransDirection.FORWARD
    )


_RUSSIAN_BGN: Final = _icu("Russian-Latin/BGN")
_ISO_9: Final = _icu("Cyrillic-Latin")
_AZERBAIJANI_BGN: Final = _icu("Azerbaijani-Latin/BGN")
_TAJIK_BGN: Final = _rules("tg-Latn-BGN", TAJIK_LATIN)
_GOST: Final = _rules("ru-Latn-GOST779B", GOST_779_B)
_ICAO: Final = _rules("ru-Latn-ICAO9303", ICAO_9303)
_TO_RUSSIAN_KH: Final = _rules("Latn-ru-kh", LATIN_TO_RUSSIAN)
_TO_RUSSIAN_G: Final = _rules("Latn-ru-g", LATIN_TO_RUSSIAN, h="г")
_TO_AZERBAIJANI: Final = _rules("az-Latn-Cyrl", AZERBAIJANI_LATIN_TO_CYRILLIC)
_TAJIK_CROSS: Final = _rules("ru-tg-Latn", TAJIK_CROSS)
_AZERBAIJANI_CROSS: Final = _rules("ru-az-Latn", AZERBAIJANI_CROSS)


def is_cyrillic(word: str) -> bool:
    return any("CYRILLIC" in unicodedata.name(char, "") for char in word)


@lru_cache(maxsize=WORDS)
def fold(word: str) -> str:
    """Lower case without accents (й = и, ё = е) or soft signs, Tajik/Azerbaijani Cyrillic
    letters as Russian writes them, Latin letters without decomposition (ə, ı) as the press
    does."""
    lowered = word.casefold()
    if is_cyrillic(lowered):
        lowered = lowered.translate(TO_RUSSIAN_LETTERS).translate(SIGNS)
    decomposed = unicodedata.normalize("NFKD", lowered.translate(LATIN_FOLDING))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=WORDS)
def cyrillic_forms(word: str) -> tuple[str, ...]:
    """How a Latin word is written in Cyrillic: Russian with х or г for h, Azerbaijani."""
    lowered = word.casefold()
    return (
        _TO_RUSSIAN_KH.transliterate(fold(lowered)),
        _TO_RUSSIAN_G.transliterate(fold(lowered)),
        _TO_AZERBAIJANI.transliterate(lowered),
    )


@lru_cache(maxsize=WORDS)
def latin_forms(word: str) -> tuple[str, ...]:
    """A Cyrillic word in every romanisation: Russian BGN/PCGN, ISO 9, GOST 7.79 B, ICAO 9303,
    Azerbaijani and Tajik BGN (on the original letters), and the cross-language readings."""
    lowered = word.casefold()
    russian = lowered.translate(TO_RUSSIAN_LETTERS)
    return (
        _RUSSIAN_BGN.transliterate(russian),
        _ISO_9.transliterate(russian),
        _GOST.transliterate(russian),
        _ICAO.transliterate(russian),
        _AZERBAIJANI_BGN.transliterate(lowered),
        _TAJIK_BGN.transliterate(lowered),
        _TAJIK_CROSS.transliterate(russian),
        _AZERBAIJANI_CROSS.transliterate(russian),
    )
