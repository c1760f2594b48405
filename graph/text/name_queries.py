"""Lucene queries for the `names_variants` index, built from what a person typed.

The words typed are folded and, when Cyrillic, romanised by graph/text/variants.py (the stored
variants hold both scripts, so that meets them); the word as typed, from five letters, also
matches within one edit ("Husejnov", "Gjorgiev"), and it or its first romanisation by
phonetic key. One edit, not two: every name is stored under several romanisations, so a
spelling two edits from one is mostly one edit from another ("Husejnof" is one from the
stored "husejnov") or shares its phonetic key, while Lucene builds a distance-2 automaton
afresh for every query, which at 100k experts cost more than all the variant hits together
(docs/performance-log.md). The romanisations match exactly: they are spellings already, and
every fuzzy term adds a Lucene term enumeration; all of a word's romanisations form one
regular expression, scored as one.
Only word characters reach the query, so no user text can change its structure. A query
already written in Lucene syntax (quotes, wildcards, operators, fields) is the searcher's
own, and gets no variants.
"""

from __future__ import annotations

import re
from typing import Final

from graph.text.variants import phonetic_key, query_forms, query_words

FUZZY_MIN: Final = 5
MAX_WORDS: Final = 8
"""Words of a query given variants; a longer query is prose, which the text indexes serve."""
LUCENE_SYNTAX: Final = re.compile(r"[\"*?~:^()\[\]{}\\/]|&&|\|\||(^|\s)[-+!]|\b(AND|OR|NOT|TO)\b")


def plain(text: str) -> bool:
    """Whether `text` is words only, not Lucene syntax the searcher wrote on purpose."""
    return LUCENE_SYNTAX.search(text) is None


def _fuzzy(form: str) -> str:
    if len(form) >= FUZZY_MIN:
        return form + "~1"
    return form


def _one_of(forms: tuple[str, ...]) -> list[str]:
    """The romanisations as one regular expression: its terms score as one constant, so a
    name matched by all five costs one pass over their postings instead of five summed
    scores (folded word characters only, none of them special in a Lucene regex)."""
    if len(forms) < 2:
        return list(forms)
    return ["/" + "|".join(forms) + "/"]


def variants_query(text: str) -> str | None:
    """`nameVariants` matching each word's forms (fuzzily) or its phonetic key; None when
    the query is Lucene syntax, too long, or has no words."""
    words = query_words(text)
    if not plain(text) or not words or len(words) > MAX_WORDS:
        return None
    clauses = []
    for word in words:
        forms = query_forms(word)
        terms = [_fuzzy(forms[0]), *_one_of(forms[1:])]
        keys = {key for form in forms[:2] if (key := phonetic_key(form)) is not None}
        parts = ["nameVariants:(" + " ".join(terms) + ")"]
        parts.extend("namePhonetic:" + key.lower() for key in sorted(keys))
        clauses.append("(" + " OR ".join(parts) + ")")
    return " ".join(clauses)


def prefix_query(text: str) -> str | None:
    """Every word typed must begin a word of some stored form; the last one may be cut short.

    None when nothing searchable was typed.
    """
    words = query_words(text)[:MAX_WORDS]
    if not words:
        return None
    clauses = []
    for index, word in enumerate(words):
        forms = query_forms(word)
        last = index == len(words) - 1
        terms = [form + "*" if last else form for form in forms]
        clauses.append("+nameVariants:(" + " ".join(terms) + ")")
    return " ".join(clauses)
