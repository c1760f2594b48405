"""Multilingual fields: `lang`, then Accept-Language, then English, then any; and say which."""

from __future__ import annotations

from typing import Any

from graph.model import Label
from tests.seeded import SeededGraph, codes_of, execute, gid

QUERY = """query ($id: ID!, $lang: String) {
  node(id: $id) {
    name(lang: $lang) { text lang fallback }
    ... on Resource { title(lang: $lang) { lang } body { lang } }
  }
}"""
JOURNALISM = gid(Label.RESOURCE, "res-journalism-training-guliston")
ROADMAP = gid(Label.RESOURCE, "res-rtcm-roadmap-workshop")


async def name(
    seeded: SeededGraph, ident: str, lang: str | None, accept: tuple[str, ...]
) -> dict[str, Any]:
    result = await execute(seeded.cypher(), QUERY, {"id": ident, "lang": lang}, languages=accept)
    assert result.errors is None
    return result.data["node"]["name"]  # type: ignore[index, no-any-return]


async def test_the_lang_argument_wins_over_accept_language(seeded: SeededGraph) -> None:
    chosen = await name(seeded, ROADMAP, "az", ("en",))
    assert (chosen["lang"], chosen["fallback"]) == ("az", False)
    assert "Yol Xəritəsinin" in chosen["text"]


async def test_accept_language_picks_the_language_without_an_argument(
    seeded: SeededGraph,
) -> None:
    assert (await name(seeded, ROADMAP, None, ("az", "en")))["lang"] == "az"
    assert (await name(seeded, ROADMAP, None, ()))["lang"] == "en"


async def test_a_missing_language_falls_back_and_says_so(seeded: SeededGraph) -> None:
    chosen = await name(seeded, JOURNALISM, "en", ())
    assert chosen == {"text": "Тренинг по журналистике", "lang": "ru", "fallback": True}


async def test_names_without_a_language_say_so(seeded: SeededGraph) -> None:
    chosen = await name(seeded, gid(Label.EXPERT, "vusal-huseynov"), "ru", ())
    assert chosen == {"text": "Vusal Huseynov", "lang": None, "fallback": False}


async def test_regional_tags_are_understood_and_unknown_languages_refused(
    seeded: SeededGraph,
) -> None:
    assert (await name(seeded, ROADMAP, "az-Latn-AZ", ()))["lang"] == "az"
    result = await execute(seeded.cypher(), QUERY, {"id": ROADMAP, "lang": "fr"})
    assert set(codes_of(result)) == {"BAD_USER_INPUT"}
