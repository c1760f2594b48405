"""Facet filters of a search narrow its hits in the one search statement: over 400 synthetic
experts ("a*" names more than a hundred), the hits paged through with `facets` must be the
hits paged through without them, in the same order, kept by each hit's own languages and
agencies; `totalCount` and `groupBy` must agree with that brute-force answer."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from graph.database.cypher import Cypher
from graph.declarations import DECLARED
from graph.model import Label
from tests.seeded import codes_of, data_of, execute, gid

PAGE = """query ($facets: [SearchFacet!], $first: Int, $after: String) {
  search(query: "a*", types: [EXPERT], facets: $facets, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id }
  }
}"""
FACTS = """query ($ids: [ID!]!) {
  nodes(ids: $ids) { id ... on Expert { languages agencies(first: 50) { nodes { id } } } }
}"""
GROUPS = """query ($facets: [SearchFacet!]) {
  search(query: "a*", types: [EXPERT], facets: $facets, first: 0) {
    totalCount
    language: groupBy(by: LANGUAGE, limit: 100) { key count }
    agency: groupBy(by: AGENCY, limit: 100) { key count }
  }
}"""

Facts = dict[str, dict[str, set[str]]]


async def paged(cypher: Cypher, facets: list[dict[str, Any]] | None, first: int) -> list[str]:
    """Every hit, page by page: no page repeats an id, and they add up to `totalCount`."""
    ids: list[str] = []
    after = None
    while True:
        variables = {"facets": facets, "first": first, "after": after}
        page = (await data_of(cypher, PAGE, variables))["search"]
        ids += [node["id"] for node in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            assert len(ids) == len(set(ids)) == page["totalCount"]
            return ids
        after = page["pageInfo"]["endCursor"]


@pytest.fixture(scope="module")
async def every_hit(synthetic_experts: Cypher) -> list[str]:
    ids = await paged(synthetic_experts, None, 100)
    assert len(ids) > 100
    return ids


@pytest.fixture(scope="module")
async def facts(synthetic_experts: Cypher, every_hit: list[str]) -> Facts:
    """Each hit's languages and agencies, read from the hit itself."""
    nodes = []
    for start in range(0, len(every_hit), 100):
        batch = every_hit[start : start + 100]
        nodes += (await data_of(synthetic_experts, FACTS, {"ids": batch}))["nodes"]
    return {
        node["id"]: {
            "LANGUAGE": set(node["languages"]),
            "AGENCY": {agency["id"] for agency in node["agencies"]["nodes"]},
        }
        for node in nodes
    }


def kept(ids: list[str], facts: Facts, facets: list[dict[str, Any]]) -> list[str]:
    """The brute-force answer: OR among the keys of one `by`, AND across `by`s."""
    chosen: dict[str, set[str]] = {}
    for facet in facets:
        chosen.setdefault(facet["by"], set()).add(facet["key"])
    return [i for i in ids if all(facts[i][by] & keys for by, keys in chosen.items())]


def common(ids: list[str], facts: Facts, by: str, rank: int = 0) -> str:
    counts = Counter(value for i in ids for value in facts[i][by])
    return counts.most_common()[rank][0]


async def test_filtered_hits_are_the_hits_kept_by_their_facet_values(
    synthetic_experts: Cypher, every_hit: list[str], facts: Facts
) -> None:
    language = common(every_hit, facts, "LANGUAGE")
    agency = common(every_hit, facts, "AGENCY")
    second = common(every_hit, facts, "AGENCY", 1)
    choices = [
        [{"by": "LANGUAGE", "key": language}],
        [{"by": "AGENCY", "key": agency}],
        [{"by": "AGENCY", "key": agency}, {"by": "AGENCY", "key": second}],
        [{"by": "LANGUAGE", "key": language}, {"by": "AGENCY", "key": agency}],
    ]
    for facets in choices:
        expected = kept(every_hit, facts, facets)
        assert 0 < len(expected) < len(every_hit), facets
        assert await paged(synthetic_experts, facets, 100) == expected, facets
        assert await paged(synthetic_experts, facets, 7) == expected, facets


async def test_group_counts_follow_the_other_facets_chosen(
    synthetic_experts: Cypher, every_hit: list[str], facts: Facts
) -> None:
    language = common(every_hit, facts, "LANGUAGE")
    agency = common(every_hit, facts, "AGENCY")
    facets = [{"by": "LANGUAGE", "key": language}, {"by": "AGENCY", "key": agency}]
    search = (await data_of(synthetic_experts, GROUPS, {"facets": facets}))["search"]
    assert search["totalCount"] == len(kept(every_hit, facts, facets))
    for by, other in (("LANGUAGE", facets[1]), ("AGENCY", facets[0])):
        among = kept(every_hit, facts, [other])
        expected = Counter(value for i in among for value in facts[i][by])
        counted = {b["key"]: b["count"] for b in search[by.lower()] if b["key"] is not None}
        assert counted == dict(expected), by
        assert len(counted) > 1, by  # its own choice does not narrow it to one group


async def test_facets_refuse_what_is_not_a_group_of_the_type(
    synthetic_experts: Cypher, every_hit: list[str]
) -> None:
    country = gid(Label.COUNTRY, "nowhere")
    for arguments in [
        'types: [EXPERT], facets: [{by: FUNDER, key: "x"}]',
        'types: [EXPERT], facets: [{by: AGENCY, key: "not an id"}]',
        f'types: [EXPERT], facets: [{{by: AGENCY, key: "{country}"}}]',
        'facets: [{by: LANGUAGE, key: "en"}]',
        "types: [EXPERT, EVENT], facets: [{by: COUNTRY, key: null}]",
        "types: [EXPERT], facets: [" + '{by: LANGUAGE, key: "en"}, ' * 101 + "]",
    ]:
        query = f'{{ search(query: "a*", {arguments}) {{ totalCount }} }}'
        result = await execute(synthetic_experts, query)
        assert codes_of(result) == ["BAD_USER_INPUT"], arguments
    first = {"facets": None, "first": 5, "after": None}
    page = (await data_of(synthetic_experts, PAGE, first))["search"]
    cursor = page["pageInfo"]["endCursor"]
    facets = [{"by": "LANGUAGE", "key": "en"}]
    result = await execute(synthetic_experts, PAGE, {"facets": facets, "first": 5, "after": cursor})
    assert codes_of(result) == ["BAD_USER_INPUT"]


async def test_no_facet_reaches_personal_contact_data(synthetic_experts: Cypher) -> None:
    query = '{ __type(name: "SearchGroupBy") { enumValues { name } } }'
    data = await data_of(synthetic_experts, query)
    groups = {value["name"].lower() for value in data["__type"]["enumValues"]}
    personal = {
        field.key.lower()
        for entity in DECLARED.values()
        for field in entity.fields
        if field.personal
    }
    assert personal
    assert not groups & personal
