"""`search` through GraphQL: every language at once, snippets, paging, coded errors."""

from __future__ import annotations

from typing import Any

import pytest

from tests.seeded import RecordingCypher, SeededGraph, codes_of, data_of, execute

SEARCH = """query ($q: String!, $types: [EntityType!], $lang: String, $first: Int, $after: String) {
  search(query: $q, types: $types, lang: $lang, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor score lang node { __typename slug } snippet { text field lang html
            highlights { start end } } }
  }
}"""


async def hits(seeded: SeededGraph, **variables: Any) -> dict[str, Any]:
    data = await data_of(seeded.cypher(), SEARCH, variables)
    return data["search"]  # type: ignore[no-any-return]


async def test_search_without_lang_finds_russian_and_azerbaijani_text(
    seeded: SeededGraph,
) -> None:
    russian = await hits(seeded, q="журналистике")
    edge = next(
        e for e in russian["edges"] if e["node"]["slug"] == "res-journalism-training-guliston"
    )
    assert edge["lang"] == "ru"
    assert "<mark>журналистике</mark>" in edge["snippet"]["html"]
    azerbaijani = await hits(seeded, q='"Regional Təlim Mərkəzi"')
    assert "res-rtcm-roll-out-session" in {e["node"]["slug"] for e in azerbaijani["edges"]}
    roadmap = await hits(seeded, q="Yol Xəritəsinin", types=["RESOURCE"])
    first = roadmap["edges"][0]
    assert (first["node"]["slug"], first["lang"], first["snippet"]["field"]) == (
        "res-rtcm-roadmap-workshop",
        "az",
        "title",
    )
    text, (match, *_) = first["snippet"]["text"], first["snippet"]["highlights"]
    assert text[match["start"] : match["end"]] == "Yol"


async def test_search_pages_follow_the_cursor(seeded: SeededGraph) -> None:
    first = await hits(seeded, q="migration OR training", first=2)
    assert first["pageInfo"]["hasNextPage"]
    second = await hits(
        seeded, q="migration OR training", first=2, after=first["pageInfo"]["endCursor"]
    )
    assert first["edges"][-1]["cursor"] == first["pageInfo"]["endCursor"]
    after_first_hit = await hits(
        seeded, q="migration OR training", first=1, after=first["edges"][0]["cursor"]
    )
    assert after_first_hit["edges"][0]["node"] == first["edges"][1]["node"]
    seen = [e["node"]["slug"] for e in first["edges"] + second["edges"]]
    assert len(seen) == len(set(seen)) == 4
    assert second["totalCount"] == first["totalCount"]


async def test_types_and_lang_narrow_the_search(seeded: SeededGraph) -> None:
    agencies = await hits(seeded, q="migration", types=["AGENCY"])
    assert {e["node"]["__typename"] for e in agencies["edges"]} == {"Agency"}
    english_only = await hits(seeded, q="журналистике", lang="en")
    assert english_only["totalCount"] == 0


@pytest.mark.parametrize(
    ("variables", "fragment"),
    [
        ({"q": "foo AND ("}, "not valid"),
        ({"q": '"unclosed'}, "not valid"),
        ({"q": "/a{1,100000}/"}, "too complex"),
        ({"q": "/(a|b)*(c|d){1,500}[a-z]{1,500}/"}, "too complex"),
        ({"q": "/[a/"}, "expected ']'"),
        ({"q": "/a{2,1}/"}, "not valid"),
        ({"q": "   "}, "empty"),
        ({"q": "x", "lang": "xx"}, "lang"),
        ({"q": "x", "first": 1000}, "first"),
        ({"q": "x", "after": "bad"}, "cursor"),
    ],
)
async def test_bad_search_input_is_bad_user_input(
    seeded: SeededGraph, variables: dict[str, Any], fragment: str
) -> None:
    result = await execute(seeded.cypher(), SEARCH, variables)
    assert codes_of(result) == ["BAD_USER_INPUT"]
    message = result.errors[0].message  # type: ignore[index]
    assert fragment in message
    assert "lucene" not in message.lower()
    assert "java" not in message.lower()
    assert "Exception" not in message
    assert "CALL" not in message


async def test_a_cursor_from_another_search_is_refused(seeded: SeededGraph) -> None:
    first = await hits(seeded, q="migration", first=1)
    result = await execute(
        seeded.cypher(), SEARCH, {"q": "training", "after": first["pageInfo"]["endCursor"]}
    )
    assert codes_of(result) == ["BAD_USER_INPUT"]


SHOWN = """query ($q: String!) {
  search(query: $q, first: 20) {
    edges { score lang node { __typename id slug name { text lang } %s } }
    nodes { ... on Resource { kind url title { text } } ... on Event { start } }
  }
}"""


async def projected(seeded: SeededGraph, query: str) -> tuple[str, Any]:
    """(the search statement sent, the answer) for `query`."""
    cypher = RecordingCypher(seeded.driver)
    data = await data_of(cypher, query, {"q": "journalism OR migration"})
    (statement,) = cypher.sent
    return statement, data


@pytest.mark.parametrize(
    ("extra", "reads_everything"),
    [
        ("", False),
        ("writtenAt langs", False),
        ("... on Agency { acronym }", False),
        ("... on Event { place { slug } }", True),
        ("... on Resource { mentions { totalCount } }", True),
    ],
)
async def test_hits_read_what_the_selection_shows(
    seeded: SeededGraph, extra: str, reads_everything: bool
) -> None:
    """Names and plain fields narrow the projection; relationships read everything."""
    statement, narrowed = await projected(seeded, SHOWN % extra)
    assert (".*" in statement) is reads_everything
    assert (".body_en" in statement) is False
    assert ".url" in statement or reads_everything
    with_snippet = (SHOWN % extra).replace("score lang", "score lang snippet { text }")
    statement, full = await projected(seeded, with_snippet)
    assert ".*" in statement
    for edge in full["search"]["edges"]:
        del edge["snippet"]
    assert narrowed == full
    assert any(node.get("url") for node in narrowed["search"]["nodes"])
