"""Expensive questions are priced by what they walk (schema/costs.py), not by their pages:
refused before any Neo4j work when they add up past the limit, answered when they do not."""

from __future__ import annotations

from typing import Any

import pytest

from graph.model import Label
from tests.seeded import SeededGraph, codes_of, execute, gid, refused_unasked

HUSEYNOV = gid(Label.EXPERT, "vusal-huseynov")
GJORGJIEV = gid(Label.EXPERT, "vladimir-gjorgjiev")


def aliased_centrality(kind: str, count: int) -> str:
    """`count` centralities of one projection kind, each over a different period."""
    fields = " ".join(
        f"c{year}: centrality(projection: {{kind: {kind}, period: {{start: {year}, end: 2025}}}})"
        " { items { betweenness } }"
        for year in range(1990, 1990 + count)
    )
    return "{ " + fields + " }"


def aliased_communities(count: int) -> str:
    fields = " ".join(
        f"c{year}: communities(projection: {{kind: AGENCIES_BY_EVENTS, "
        f"period: {{start: {year}}}}}) {{ modularity }}"
        for year in range(1990, 1990 + count)
    )
    return "{ " + fields + " }"


def searches(text: str, count: int) -> str:
    fields = " ".join(
        f'h{i}: search(query: "{text}", first: 100) {{ totalCount }}' for i in range(count)
    )
    return "{ " + fields + " }"


REFUSED = {
    "30 aliased centralities, each another period": aliased_centrality("AGENCIES_BY_EVENTS", 30),
    "30 aliased country centralities": aliased_centrality("COUNTRIES_BY_PROGRAMMES", 30),
    "30 aliased communities": aliased_communities(30),
    "3 expert projections": aliased_centrality("EXPERTS_BY_EVENTS", 3),
    "projection kind from a variable, many times": (
        "query ($p: ProjectionInput!) { "
        + " ".join(f"c{i}: centrality(projection: $p) {{ sources }}" for i in range(3))
        + " }",
        {"p": {"kind": "EXPERTS_BY_EVENTS"}},
    ),
    "8-hop path through topics and mentions": f"""{{ path(from: "{HUSEYNOV}",
        to: "{GJORGJIEV}", maxHops: 8, via: [ABOUT, MENTIONS, TOOK_PART]) {{ length }} }}""",
    "6-hop path through topics": f"""{{ path(from: "{HUSEYNOV}", to: "{GJORGJIEV}",
        maxHops: 6, via: [ABOUT]) {{ length }} }}""",
    "path with hops and types from variables": (
        """query ($a: ID!, $b: ID!, $h: Int!, $v: [RelationshipType!]) {
            path(from: $a, to: $b, maxHops: $h, via: $v) { length } }""",
        {"a": HUSEYNOV, "b": GJORGJIEV, "h": 8, "v": ["ABOUT", "MENTIONS"]},
    ),
    "depth-3 neighbourhood of 500 through every type": f"""{{ neighbourhood(
        id: "{HUSEYNOV}", depth: 3, limit: 500) {{ truncated }} }}""",
    "aliased depth-3 neighbourhoods": "{ "
    + " ".join(
        f'n{i}: neighbourhood(id: "{HUSEYNOV}", depth: 3, limit: 100) {{ truncated }}'
        for i in range(2)
    )
    + " }",
    "aliased regular-expression searches": searches("/mig.*/", 12),
    "aliased leading-wildcard searches": searches("*tion", 12),
}


@pytest.mark.parametrize("query", REFUSED.values(), ids=REFUSED.keys())
async def test_expensive_questions_are_refused_before_any_neo4j_work(
    seeded: SeededGraph, query: str | tuple[str, dict[str, Any]]
) -> None:
    """Priced for the variables sent: a variable is as expensive as the value it carries."""
    result = await refused_unasked(seeded, query)
    assert codes_of(result) == ["QUERY_TOO_COMPLEX"]
    assert "limit is 50000" in result.errors[0].message  # type: ignore[index]


ANSWERED = {
    "one centrality per kind": "{ "
    + " ".join(
        f"{kind.lower()}: centrality(projection: {{kind: {kind}}}) {{ sources }}"
        for kind in ("AGENCIES_BY_EVENTS", "EXPERTS_BY_EVENTS", "COUNTRIES_BY_PROGRAMMES")
    )
    + " }",
    "8-hop path over real-world ties": f"""{{ path(from: "{HUSEYNOV}", to: "{GJORGJIEV}",
        maxHops: 8) {{ length }} }}""",
    "4-hop path through topics": f"""{{ path(from: "{HUSEYNOV}", to: "{GJORGJIEV}",
        maxHops: 4, via: [ABOUT, TOOK_PART]) {{ length }} }}""",
    "depth-3 neighbourhood over people's ties": f"""{{ neighbourhood(id: "{HUSEYNOV}",
        depth: 3, limit: 500, relationships: [TOOK_PART, WORKS_FOR]) {{ truncated }} }}""",
    "depth-2 neighbourhood through every type": f"""{{ neighbourhood(id: "{HUSEYNOV}",
        depth: 2) {{ truncated }} }}""",
    "a few wildcard searches": searches("migra*", 5),
    "many plain searches": searches("migration", 30),
}


@pytest.mark.parametrize("query", ANSWERED.values(), ids=ANSWERED.keys())
async def test_affordable_questions_are_answered(seeded: SeededGraph, query: str) -> None:
    result = await execute(seeded.cypher(), query)
    assert result.errors is None, [error.formatted for error in result.errors or ()]
    assert result.data
