"""Name variants: the schemes of the region, folding, phonetic keys, the queries built on them."""

from __future__ import annotations

import pytest

from graph.model import Label
from graph.text.name_queries import plain, prefix_query, variants_query
from graph.text.search import VARIANT_HITS, VARIANTS_INDEX, indexes_for
from graph.text.transliteration import cyrillic_forms, fold, latin_forms
from graph.text.variants import name_properties, phrase_forms, query_forms


@pytest.mark.parametrize(
    ("cyrillic", "scheme", "latin"),
    [
        ("Гусейнов", 0, "Guseynov"),  # BGN/PCGN
        ("Гусейнов", 1, "Gusejnov"),  # ISO 9
        ("Щукина", 2, "Shhukina"),  # GOST 7.79 B
        ("Щукина", 3, "Shchukina"),  # ICAO 9303
        ("Юлия", 3, "Iuliia"),  # ICAO 9303
        ("Андреева", 0, "Andreyeva"),  # BGN: -yev- after a vowel
        ("Андреева", 1, "Andreeva"),
        ("Гусейнов", 6, "Huseynov"),  # Russian Г for the h of Azerbaijani and Tajik names
        ("Джамшед", 6, "Jamshed"),  # дж = j
        ("Джаббаров", 7, "Cabbarov"),  # дж = c in Azerbaijani Latin
        ("Мамадназаров", 5, "Mamadnazarov"),  # Tajik BGN
        ("Ҳусейнов", 5, "Huseynov"),
        ("Ҷамшед", 5, "Jamshed"),
    ],
)
def test_cyrillic_words_romanise_in_every_scheme(cyrillic: str, scheme: int, latin: str) -> None:
    assert fold(latin_forms(cyrillic)[scheme]) == fold(latin)


def test_azerbaijani_cyrillic_romanises_letter_for_letter() -> None:
    assert "hüseynov" in latin_forms("Һүсејнов")


def test_latin_words_are_written_in_russian_and_azerbaijani_cyrillic() -> None:
    kh, g, azerbaijani = cyrillic_forms("Huseynov")
    assert (kh, g) == ("хусейнов", "гусейнов")
    assert azerbaijani == "һусејнов"
    assert cyrillic_forms("Jamshed")[0] == "джамшед"
    assert cyrillic_forms("Aliyev")[0] == "алиев"
    assert cyrillic_forms("Məmmədov")[2] == "мәммәдов"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Məmmədov", "mammadov"),
        ("Qırğızıstan", "qirgizistan"),
        ("Şəki", "saki"),
        ("Çingiz", "cingiz"),
        ("Üzeyir", "uzeyir"),
        ("Ёлкин", "елкин"),
        ("Зоҳир", "зохир"),
        ("Ҷӯрабек", "джурабек"),
        ("Рамиль", "рамил"),
        ("Қурбонӣ", "курбони"),
        ("Һәсән", "хасан"),
    ],
)
def test_folding_removes_diacritics_and_letters_of_one_language(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_a_persons_variants_cover_cyrillic_and_romanisations() -> None:
    props = name_properties(Label.EXPERT, ["Vusal Huseynov"])
    assert props["nameKeys"] == ["vusal huseynov"]
    variants = props["nameVariants"]
    assert variants[0] == "vusal huseynov"
    for form in ("вусал гусеинов", "вусал хусеинов", "vusal guseynov", "vusal husejnov"):
        assert form in variants
    assert "HSNF" in props["namePhonetic"]


def test_variants_are_stable_and_only_for_named_labels() -> None:
    names = ["Border Management in Central Asia", "Управление границами", "BOMCA"]
    assert name_properties(Label.PROGRAMME, names) == name_properties(Label.PROGRAMME, names)
    assert "bomca" in name_properties(Label.PROGRAMME, names)["nameVariants"]
    assert set(name_properties(Label.EVENT, names)) == {"nameKeys"}
    assert set(name_properties(Label.RESOURCE, names)) == {"nameKeys"}


def test_query_forms_romanise_cyrillic_and_fold_latin() -> None:
    assert query_forms("Hüseynov") == ("huseynov",)
    assert {"гусеинов", "guseynov", "huseynov"} <= set(query_forms("Гусейнов"))
    assert {"гусеинов", "vusal huseynov"} & set(phrase_forms("Вусал Гусейнов")) == {
        "vusal huseynov"
    }


def test_variant_queries_are_fuzzy_from_five_letters_and_carry_phonetic_keys() -> None:
    query = variants_query("Husejnov Ali")
    assert query is not None
    assert "husejnov~1" in query  # one edit at any length: the stored romanisations do the rest
    assert "~2" not in query
    assert "ali~" not in query
    assert "namePhonetic:hsjnf" in query
    assert variants_query("Guliev") is not None
    assert "guliev~1" in (variants_query("Guliev") or "")


def test_a_cyrillic_words_romanisations_are_one_regular_expression() -> None:
    query = variants_query("Гусейнов") or ""
    assert "гусеинов~1" in query
    alternatives = query.split("/")[1].split("|")
    assert {"guseynov", "gusejnov", "huseynov"} <= set(alternatives)
    assert query.count("/") == 2
    assert "/" not in (variants_query("Huseynov") or "")  # nothing to romanise


@pytest.mark.parametrize("text", ['"Vusal Huseynov"', "hus*", "a AND b", "name:x", "-x", "a~"])
def test_lucene_syntax_gets_no_variants(text: str) -> None:
    assert not plain(text)
    assert variants_query(text) is None


def test_prefix_queries_require_every_word_and_cut_the_last() -> None:
    assert prefix_query("Vusal Hu") == "+nameVariants:(vusal) +nameVariants:(hu*)"
    assert prefix_query(" ,; ") is None


def test_names_without_long_words_carry_no_empty_phonetic_list() -> None:
    props = name_properties(Label.AGENCY, ["EU", "ЕС"])
    assert "namePhonetic" not in props
    assert props["nameVariants"]


def test_variant_hits_reach_as_deep_as_the_page_asked_for() -> None:
    def variant_limit(depth: int) -> int:
        (index,) = [i for i in indexes_for(None, "Huseynov", depth) if i["name"] == VARIANTS_INDEX]
        return int(index["limit"])

    assert variant_limit(0) == variant_limit(21) == VARIANT_HITS
    assert variant_limit(VARIANT_HITS + 40) == VARIANT_HITS + 40
