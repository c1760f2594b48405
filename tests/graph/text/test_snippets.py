"""Snippets: matches found the way the analyzers roughly would, in a short window."""

from __future__ import annotations

from graph.text.snippets import query_terms, snippet


def marked(query: str, text: str) -> list[str]:
    found = snippet(query, [("body", "en", text)])
    assert found is not None
    return [found.text[match.start : match.end] for match in found.matches]


def test_operators_fields_and_boosts_are_not_terms() -> None:
    terms = query_terms('title_en:train* AND "road map"^2 OR NOT x~2')
    assert [term.text for term in terms] == ["title_en", "train*", "road", "map", "x"]


def test_inflected_forms_share_a_stem() -> None:
    assert marked("журналистика", "Тренинг по журналистике в Гулистоне") == ["журналистике"]
    assert marked("trainers", "Six trainers trained the staff") == ["trainers", "trained"]


def test_case_accents_and_wildcards_are_ignored() -> None:
    assert marked("HUSEYNOV", "Vusal Hüseynov spoke") == ["Hüseynov"]
    assert marked("migr*", "migration and migrants") == ["migration", "migrants"]


def test_short_words_must_match_exactly() -> None:
    assert marked("IOM", "IOM and the iomx office") == ["IOM"]


def test_a_long_text_is_cut_around_the_first_match() -> None:
    text = "word " * 100 + "Baku " + "word " * 100
    found = snippet("baku", [("body", "en", text)])
    assert found is not None
    assert found.text.startswith("…")
    assert found.text.endswith("…")
    assert len(found.text) <= 200
    (match,) = found.matches
    assert found.text[match.start : match.end] == "Baku"


def test_without_a_match_the_first_text_is_shown_plainly() -> None:
    found = snippet("zzz", [("title", "ru", "Тренинг"), ("body", "ru", "Текст")])
    assert found is not None
    assert (found.field, found.text, found.matches) == ("title", "Тренинг", ())
