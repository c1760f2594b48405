"""Names found across scripts and spellings: `search`, `suggest` and `where: {name: {matches}}`.

The table is drawn from the seed's people, places and organisations as a partner agency's
staff would type them: Russian Cyrillic, passport and library romanisations, Azerbaijani
spellings, typos, acronyms.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.seeded import SeededGraph, codes_of, data_of, execute

SEARCH = """query ($q: String!, $types: [EntityType!]) {
  search(query: $q, types: $types, first: 5) { totalCount edges { score node { slug } } }
}"""

SUGGEST = """query ($p: String!, $types: [EntityType!], $first: Int) {
  suggest(prefix: $p, types: $types, first: $first) { __typename slug name { text } }
}"""


async def search(seeded: SeededGraph, query: str, **variables: Any) -> dict[str, Any]:
    data = await data_of(seeded.cypher(), SEARCH, {"q": query, **variables})
    return data["search"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("query", "top"),
    [
        ("Гусейнов", "vusal-huseynov"),  # Russian Cyrillic, Г for the Azerbaijani H
        ("Хусейнов", "vusal-huseynov"),
        ("Guseynov", "vusal-huseynov"),  # BGN/PCGN of the Russian spelling
        ("Gusejnov", "vusal-huseynov"),  # ISO 9 / GOST
        ("Huseinov", "vusal-huseynov"),  # passport style (ICAO 9303: й = i)
        ("Husejnov", "vusal-huseynov"),
        ("Hüseynov", "vusal-huseynov"),  # Azerbaijani
        ("Вусал Гусейнов", "vusal-huseynov"),
        ("Мамадназаров", "mustafo-mamadnazarov"),
        ("Мамадназароф", "mustafo-mamadnazarov"),  # a typo in Cyrillic
        ("Андреева", "vladanka-andreeva"),
        ("Andreyeva", "vladanka-andreeva"),  # -yev- of BGN/PCGN
        ("Gjorgiev", "vladimir-gjorgjiev"),  # edit distance
        ("Георгиев", "vladimir-gjorgjiev"),
        ("Душанбе", "dushanbe"),
        ("Düşənbə", "dushanbe"),
        ("Dushanbe", "dushanbe"),
        ("Баку", "baku"),
        ("Бакы", "baku"),
        ("Tadzhikistan", "tajikistan"),
        ("Тоджикистон", "tajikistan"),
        ("BOMCA", "bomca"),  # the programme's acronym, before all that mention it
        ("IOM", "iom"),
        ("SMS", "state-migration-service-az"),
        ("ОБСЕ", "osce"),  # an alias
    ],
)
async def test_names_are_found_in_any_script_and_spelling(
    seeded: SeededGraph, query: str, top: str
) -> None:
    found = await search(seeded, query)
    assert found["edges"], query
    assert found["edges"][0]["node"]["slug"] == top


async def test_exact_names_rank_above_their_variants(seeded: SeededGraph) -> None:
    bomca = await search(seeded, "BOMCA")
    slugs = [edge["node"]["slug"] for edge in bomca["edges"]]
    assert slugs[0] == "bomca"
    assert {"bomca-consortium", "bomca-phase-9"} <= set(slugs)
    exact = (await search(seeded, "Huseynov"))["edges"][0]["score"]
    variant = (await search(seeded, "Guseynov"))["edges"][0]["score"]
    assert exact > variant


@pytest.mark.parametrize(
    "query",
    ["Wojciechowski", "Kowalczyk", "Zuckerberg", "Ivanova", "Petrenko", "Кузнецов", "Сидоров"],
)
async def test_a_name_that_is_nobodys_finds_nobody(seeded: SeededGraph, query: str) -> None:
    assert (await search(seeded, query))["totalCount"] == 0


async def test_types_narrow_name_search(seeded: SeededGraph) -> None:
    places = await search(seeded, "Душанбе", types=["PLACE"])
    slugs = [edge["node"]["slug"] for edge in places["edges"]]
    assert slugs[0] == "dushanbe"
    assert "osce-bmsc-premises" in slugs  # a venue "in Dushanbe"
    assert "osce-programme-office-dushanbe" not in slugs  # an agency


@pytest.mark.parametrize(
    ("prefix", "first_hit"),
    [
        ("Гус", "vusal-huseynov"),
        ("hus", "vusal-huseynov"),
        ("Vusal Hu", "vusal-huseynov"),
        ("андр", "vladanka-andreeva"),
        ("Душ", "dushanbe"),
        ("dush", "dushanbe"),
        ("bom", "bomca"),  # the acronym of its own, the shortest name beginning so
        ("iom", "iom"),
        ("ЮНИ", "unicef"),
    ],
)
async def test_suggest_completes_names_in_any_script(
    seeded: SeededGraph, prefix: str, first_hit: str
) -> None:
    data = await data_of(seeded.cypher(), SUGGEST, {"p": prefix})
    assert data["suggest"][0]["slug"] == first_hit


async def test_suggest_narrows_by_type_and_count(seeded: SeededGraph) -> None:
    data = await data_of(seeded.cypher(), SUGGEST, {"p": "bom", "first": 2})
    assert [item["slug"] for item in data["suggest"]] == ["bomca", "bomca-consortium"]
    agencies = await data_of(seeded.cypher(), SUGGEST, {"p": "bom", "types": ["AGENCY"]})
    assert {item["__typename"] for item in agencies["suggest"]} == {"Agency"}
    assert "bomca-consortium" in {item["slug"] for item in agencies["suggest"]}
    nobody = await data_of(seeded.cypher(), SUGGEST, {"p": "Wojc"})
    assert nobody["suggest"] == []
    blank = await data_of(seeded.cypher(), SUGGEST, {"p": " - "})
    assert blank["suggest"] == []


@pytest.mark.parametrize("variables", [{"p": "a", "first": 51}, {"p": "a", "first": -1}])
async def test_suggest_refuses_bad_input(seeded: SeededGraph, variables: dict[str, Any]) -> None:
    result = await execute(seeded.cypher(), SUGGEST, variables)
    assert codes_of(result) == ["BAD_USER_INPUT"]
    too_long = await execute(seeded.cypher(), SUGGEST, {"p": "x" * 101})
    assert codes_of(too_long) == ["BAD_USER_INPUT"]


MATCHES = """query ($name: String!) {
  experts(where: {name: {matches: $name}}) { totalCount nodes { slug } }
  places(where: {name: {matches: $name}}) { totalCount nodes { slug } }
}"""


@pytest.mark.parametrize(
    ("name", "experts", "places"),
    [
        ("Гусейнов", {"vusal-huseynov"}, set()),
        ("guseynov", {"vusal-huseynov"}, set()),
        ("Вусал Гусейнов", {"vusal-huseynov"}, set()),
        ("HÜSEYNOV", {"vusal-huseynov"}, set()),
        ("Андреева", {"vladanka-andreeva"}, set()),
        ("Душанбе", set(), {"dushanbe", "osce-bmsc-premises"}),  # the venue's name has it
        ("dushanbe", set(), {"dushanbe", "osce-bmsc-premises"}),
        ("Düşənbə", set(), {"dushanbe"}),  # the venue has no Azerbaijani name
        ("Kowalczyk", set(), set()),
    ],
)
async def test_the_matches_filter_ignores_script_and_romanisation(
    seeded: SeededGraph, name: str, experts: set[str], places: set[str]
) -> None:
    data = await data_of(seeded.cypher(), MATCHES, {"name": name})
    assert {node["slug"] for node in data["experts"]["nodes"]} == experts
    assert {node["slug"] for node in data["places"]["nodes"]} == places


async def test_contains_stays_script_sensitive_and_related_names_match_too(
    seeded: SeededGraph,
) -> None:
    query = """{
      plain: experts(where: {name: {contains: "Гусейнов"}}) { totalCount }
      staff: experts(where: {agency: {name: {matches: "Дөвләт Миграсија Хидмәти"}}})
        { nodes { slug } }
    }"""
    data = await data_of(seeded.cypher(), query)
    assert data["plain"]["totalCount"] == 0
    assert {node["slug"] for node in data["staff"]["nodes"]} == {"vusal-huseynov"}
