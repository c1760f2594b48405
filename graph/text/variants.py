"""Every spelling a name is searched under: other scripts, other romanisations, phonetic keys.

A person the sources call "Vusal Huseynov" is typed "Гусейнов" by a Russian speaker,
"Guseynov" or "Gusejnov" off a Russian passport or library card, "Hüseynov" by an Azerbaijani;
a Tajik "Мамадназаров" is "Mamadnazarov" in English. `name_properties` computes, at write
time, the forms of every name and alias under each scheme of graph/text/transliteration.py
(`nameVariants`) and a phonetic key per romanised word of five letters or more
(`namePhonetic`), which the `name_variants` full-text index holds apart from the exact forms
so that ranking can weigh them below. Loaders, synthetic graphs, the CSV importer and the
write path all call this one function; queries take their forms from `query_forms`, the same
schemes run the other way, so both sides meet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

import jellyfish

from graph.model import Label
from graph.text.cache_sizes import NAMES, WORDS
from graph.text.names import name_key, name_keys
from graph.text.transliteration import cyrillic_forms, fold, is_cyrillic, latin_forms

WORD: Final = re.compile(r"\w+")
PHONETIC_MIN: Final = 5
"""Shorter words have phonetic keys of one or two letters that half the names share."""

VARIANT_LABELS: Final = frozenset(
    {Label.EXPERT, Label.AGENCY, Label.COUNTRY, Label.PLACE, Label.PROGRAMME, Label.TOPIC}
)
"""Labels whose names are names; event and resource titles are prose, searched per language."""

VARIANT_FIELDS: Final = ("nameVariants", "namePhonetic")
"""The derived properties `name_properties` adds next to `nameKeys`."""


@lru_cache(maxsize=WORDS)
def _word_paths(word: str) -> tuple[str, ...]:
    """The word under each scheme, in a fixed order (position i of every word of a name
    belongs to scheme i, so a name's i-th variant keeps its words in one scheme)."""
    if is_cyrillic(word):
        forms = [word, *latin_forms(word)]
    else:
        cyrillic = cyrillic_forms(word)
        forms = [word, *cyrillic, *(form for ru in cyrillic[:2] for form in latin_forms(ru)[:4])]
    folded = (fold(form) for form in forms)
    return tuple(form for form in folded if not _mixed(form))


def _mixed(form: str) -> bool:
    """A scheme that left letters of the other script (Azerbaijani BGN meets a Tajik ҷ)."""
    return is_cyrillic(form) and any("a" <= char <= "z" for char in form)


@lru_cache(maxsize=NAMES)
def _variants_of(text: str) -> tuple[str, ...]:
    """The text under each scheme, distinct, in scheme order. Cached: synthetic graphs (and
    real agencies' staff lists) repeat whole names."""
    words = WORD.findall(text)
    if not words:
        return ()
    paths = [_word_paths(word) for word in words]
    width = max(len(path) for path in paths)
    joined = (" ".join(path[min(i, len(path) - 1)] for path in paths) for i in range(width))
    return tuple(dict.fromkeys(joined))


@lru_cache(maxsize=NAMES)
def _phonetic_of(variant: str) -> tuple[str, ...]:
    keys = (phonetic_key(word) for word in WORD.findall(variant))
    return tuple(key for key in keys if key is not None)


@lru_cache(maxsize=WORDS)
def phonetic_key(word: str) -> str | None:
    """Metaphone of a romanised word of `PHONETIC_MIN` letters or more; None for others."""
    if len(word) < PHONETIC_MIN or not word.isascii() or not word.isalpha():
        return None
    return jellyfish.metaphone(word) or None


def name_properties(label: Label, names: Sequence[str]) -> dict[str, list[str]]:
    """`nameKeys` for every label; `nameVariants` and `namePhonetic` for named labels.

    The variants start with each name's own folded form, so fuzzy and prefix matching in
    the variants index covers the names as written too; both lists keep first-seen order,
    so the same names always give the same properties, and an empty one is left out (the
    CSV importer cannot write an empty list, and absent reads the same).
    """
    keys = name_keys(names)
    if label not in VARIANT_LABELS:
        return {"nameKeys": keys}
    variants: dict[str, None] = {}
    for text in names:
        for variant in _variants_of(text):
            if variant:
                variants.setdefault(variant, None)
    phonetic: dict[str, None] = {}
    for variant in variants:
        phonetic.update(dict.fromkeys(_phonetic_of(variant)))
    derived = {"nameKeys": keys, "nameVariants": list(variants), "namePhonetic": list(phonetic)}
    return {name: values for name, values in derived.items() if values or name == "nameKeys"}


def query_forms(word: str) -> tuple[str, ...]:
    """A searched word's own folded form and, for Cyrillic, its romanisations (the names it
    is looked for among are stored in both scripts, so one direction is enough)."""
    forms = dict.fromkeys(_word_paths(word) if is_cyrillic(word) else (fold(word),))
    return tuple(form for form in forms if form)


def query_words(text: str) -> list[str]:
    return WORD.findall(text)


def phrase_forms(text: str) -> list[str]:
    """A searched phrase as `nameKeys` and `nameVariants` may contain it: its key, its folded
    words, and, when it has Cyrillic words, each romanisation of the whole phrase."""
    words = WORD.findall(text)
    forms = dict.fromkeys([name_key(text), " ".join(fold(word) for word in words)])
    if any(is_cyrillic(word) for word in words):
        forms.update(dict.fromkeys(_variants_of(text)))
    return [form for form in forms if form]
