"""Facet counts of a search cover all its hits, not the first page: over 400 synthetic
experts, "a*" names more than a hundred, and `groupBy` must agree with grouping the ids of
every hit, collected page by page."""

from __future__ import annotations

from typing import Any

import pytest

from graph.database.cypher import Cypher
from tests.seeded import codes_of, data_of, execute

QUERY = "a*"
PAGE = """query ($after: String) {
  search(query: "a*", types: [EXPERT], first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id }
  }
}"""


async def every_hit(cypher: Cypher) -> list[str]:
    ids: list[str] = []
    after = None
    while True:
        page = (await data_of(cypher, PAGE, {"after": after}))["search"]
        ids += [node["id"] for node in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            assert len(ids) == page["totalCount"]
            return ids
        after = page["pageInfo"]["endCursor"]


def counted(buckets: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return sorted((str(bucket["key"]), bucket["count"]) for bucket in buckets)


@pytest.mark.parametrize(("by", "list_by"), [("COUNTRY", "COUNTRY"), ("LANGUAGE", "LANGUAGE")])
async def test_search_groups_count_every_hit_beyond_the_first_hundred(
    synthetic_experts: Cypher, by: str, list_by: str
) -> None:
    ids = await every_hit(synthetic_experts)
    assert len(ids) > 100
    data = await data_of(
        synthetic_experts,
        f"""query ($ids: [ID!]!) {{
          search(query: "{QUERY}", types: [EXPERT], first: 1) {{
            groupBy(by: {by}, limit: 100) {{ key count }}
          }}
          expertsGroupBy(by: {list_by}, where: {{id: {{in: $ids}}}}, limit: 100) {{ key count }}
        }}""",
        {"ids": ids},
    )
    grouped = counted(data["search"]["groupBy"])
    assert grouped == counted(data["expertsGroupBy"])
    assert sum(count for _, count in grouped) >= len(ids)


async def test_search_groups_need_one_type_and_one_of_its_groupings(
    synthetic_experts: Cypher,
) -> None:
    for query in [
        '{ search(query: "a*", first: 1) { groupBy(by: COUNTRY) { count } } }',
        '{ search(query: "a*", types: [EXPERT, EVENT]) { groupBy(by: COUNTRY) { count } } }',
        '{ search(query: "a*", types: [EXPERT]) { groupBy(by: FUNDER) { count } } }',
        '{ search(query: "a*", types: [EXPERT]) { groupBy(by: TOPIC, limit: 0) { count } } }',
    ]:
        result = await execute(synthetic_experts, query)
        assert codes_of(result) == ["BAD_USER_INPUT"], query
