"""Name keys: one case- and accent-insensitive spelling for loader and filters alike."""

from __future__ import annotations

import pytest

from graph.text.names import name_key, name_keys


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Vüsal Hüseynov", "vusal huseynov"),
        ("  Vusal   HUSEYNOV ", "vusal huseynov"),
        ("Azərbaycan", "azərbaycan"),  # ə has no decomposition: it stays
        ("Qırğızıstan", "qırgızıstan"),  # dotless ı stays, ğ loses its breve
        ("İstanbul", "istanbul"),
        ("Ёлка Йошкар-Ола", "елка иошкар-ола"),
        ("Тоҷикистон", "тоҷикистон"),  # ҷ is a letter of its own
        ("Straße", "strasse"),
    ],
)
def test_name_key_folds_case_and_accents_but_keeps_distinct_letters(text: str, key: str) -> None:
    assert name_key(text) == key


def test_name_keys_are_distinct_non_empty_and_in_first_seen_order() -> None:
    assert name_keys(["Düşənbə", "Dusənbə", " ", "Душанбе", "DÜŞƏNBƏ"]) == [
        "dusənbə",
        "душанбе",
    ]
