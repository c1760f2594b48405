"""Abusive queries are refused during validation: coded, and before any Neo4j work."""

from __future__ import annotations

from typing import Any

import pytest
import strawberry.schema.schema as strawberry_schema
from graphql import get_introspection_query, parse
from strawberry.schema.schema import validate_document

import schema.parse_cache as parse_cache
from graph.database.cypher import Cypher
from schema.context import Limits
from tests.seeded import SeededGraph, codes_of, execute, refused_unasked


def nested(depth: int) -> str:
    query = "slug"
    for _ in range(depth):
        query = f"agencies {{ nodes {{ experts {{ nodes {{ {query} }} }} }} }}"
    return f"{{ experts {{ nodes {{ {query} }} }} }}"


ABUSIVE = {
    "deep nesting": nested(4),
    "many aliases": "{ " + " ".join(f"a{i}: apiVersion" for i in range(31)) + " }",
    "many tokens": "{ " + " ".join("apiVersion" for _ in range(3001)) + " }",
    "huge fan-out": """{ experts(first: 100) { nodes {
        events(first: 100) { nodes { participants(first: 100) { nodes { slug } } } }
    } } }""",
    "fan-out through variables": (
        """query ($n: Int) { experts(first: $n) { nodes {
            agencies(first: $n) { nodes { experts(first: $n) { nodes { slug } } } }
        } } }""",
        {"n": 100},
    ),
    "fan-out through fragments": """
        { experts(first: 100) { nodes { ...E } } }
        fragment E on Expert { events(first: 100) { nodes { ...V } } }
        fragment V on Event { topics(first: 100) { nodes { slug } } }""",
}


@pytest.mark.parametrize("query", ABUSIVE.values(), ids=ABUSIVE.keys())
async def test_abusive_queries_are_too_complex_before_any_neo4j_work(
    seeded: SeededGraph, query: str | tuple[str, dict[str, Any]]
) -> None:
    await refused_unasked(seeded, query)


async def test_a_document_with_variables_is_priced_for_the_values_sent(
    seeded: SeededGraph,
) -> None:
    """Front-ends send page sizes and ids as variables: a small page is answered, the same
    document with a page size that fans out is refused."""
    fan_out = ABUSIVE["fan-out through variables"]
    assert isinstance(fan_out, tuple)
    small = await execute(seeded.cypher(), fan_out[0], {"n": 5})
    assert small.errors is None, [error.formatted for error in small.errors or ()]
    assert small.data is not None
    assert small.data["experts"]["nodes"], small.data


async def test_limits_are_configurable(seeded: SeededGraph) -> None:
    query = "{ experts(first: 10) { nodes { agencies(first: 10) { nodes { slug } } } } }"
    assert (await execute(seeded.cypher(), query)).errors is None
    result = await execute(seeded.cypher(), query, limits=Limits(max_cost=50))
    assert codes_of(result) == ["QUERY_TOO_COMPLEX"]
    assert "110" in result.errors[0].message  # type: ignore[index]


async def test_the_introspection_query_of_graphiql_passes_the_limits(seeded: SeededGraph) -> None:
    cypher = seeded.cypher()
    result = await execute(cypher, get_introspection_query(descriptions=True))
    assert result.errors is None
    assert cypher.round_trips == 0


async def test_syntax_and_validation_errors_have_their_own_codes(seeded: SeededGraph) -> None:
    syntax = await execute(seeded.cypher(), "{ experts { ")
    assert codes_of(syntax) == ["GRAPHQL_PARSE_FAILED"]
    unknown = await execute(seeded.cypher(), "{ experts { nodes { salary } } }")
    assert codes_of(unknown) == ["GRAPHQL_VALIDATION_FAILED"]
    wrong_type = await execute(seeded.cypher(), '{ experts(first: "ten") { totalCount } }')
    assert codes_of(wrong_type) == ["GRAPHQL_VALIDATION_FAILED"]
    variable = await execute(
        seeded.cypher(), "query ($n: Int) { experts(first: $n) { totalCount } }", {"n": "ten"}
    )
    assert codes_of(variable) == ["BAD_USER_INPUT"]


async def test_a_repeated_query_is_validated_once(
    cypher: Cypher, monkeypatch: pytest.MonkeyPatch
) -> None:
    validated: list[object] = []

    def counting_validation(*arguments: Any) -> Any:
        validated.append(arguments[1])
        return validate_document(*arguments)

    monkeypatch.setattr(parse_cache, "validate_document", counting_validation)
    query = "{ __typename experts(first: 1) { totalCount } }"
    invalid = "{ experts(first: 1) { noSuchField } }"
    for _ in range(4):
        assert (await execute(cypher, query)).errors is None
        assert codes_of(await execute(cypher, invalid)) == ["GRAPHQL_VALIDATION_FAILED"]
    assert len(validated) == 2


async def test_a_repeated_document_is_parsed_once(
    cypher: Cypher, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []

    def counting_parse(source: str, **options: Any) -> Any:
        parsed.append(source)
        return parse(source, **options)

    monkeypatch.setattr(strawberry_schema, "parse", counting_parse)
    query = "{ __typename apiVersion experts(first: 2) { totalCount } }"
    answers = [await execute(cypher, query) for _ in range(3)]
    assert parsed == [query]
    assert all(answer.errors is None for answer in answers)
    assert answers[0].data == answers[2].data


async def test_a_parsed_document_is_not_reused_under_a_lower_token_limit(cypher: Cypher) -> None:
    query = "{ " + " ".join("apiVersion" for _ in range(60)) + " }"
    assert (await execute(cypher, query)).errors is None
    refused = await execute(cypher, query, limits=Limits(max_tokens=50))
    assert codes_of(refused) == ["QUERY_TOO_COMPLEX"]
    broken = await execute(cypher, query[:-1])
    assert codes_of(broken) == ["GRAPHQL_PARSE_FAILED"]
