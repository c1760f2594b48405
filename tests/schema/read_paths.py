"""Answering a query on the one read path and again through the loaders only, to compare."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import orjson
import pytest
from graphql import GraphQLObjectType

import schema.lists
import schema.node_lookup
from graph.database.cypher import Cypher
from graph.model import Label
from schema.context import Info, Limits
from schema.fetch_tree import ListFetches, NodeFetches, list_fetches, node_fetches
from tests.seeded import RecordingCypher, SeededGraph, execute

LIMITS = Limits()


EXPERT_DETAIL = """
query ($id: ID!) {
  node(id: $id) {
    __typename
    id
    ...person
    ... on Agency { acronym }
  }
}
fragment person on Expert {
  slug
  name { text lang fallback }
  honorific aliases roles languages langs source note
  employers: agencies(first: 5) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor role since until rank note source node { slug name { text } acronym } }
  }
  events(first: 2) {
    totalCount
    edges { role count node { slug title { text lang } start place { slug } } }
  }
  topics { nodes { slug name(lang: "ru") { text lang fallback } } }
  mentionedIn { totalCount nodes { slug title { text } published } }
}
"""


ROLL_OUT = """
query ($id: ID!) {
  node(id: $id) {
    ... on Event {
      slug kind start end startYear durationDays participantCount countryCount status
      title { text lang fallback }
      summary { text lang }
      place { slug kind name { text } }
      country { slug iso2 }
      programme { slug phase }
      trainers: participants(role: TRAINER) {
        totalCount
        edges { role node { __typename ... on Expert { slug } ... on Agency { acronym } } }
      }
      participants { totalCount }
      cascadesFrom { slug participants(first: 3) { totalCount nodes { ... on Expert { slug } } } }
      cascades { totalCount nodes { slug } }
      topics { edges { cursor node { slug } } }
      describedBy { nodes { slug url } }
    }
  }
}
"""


def _without_fetches(info: Info, label: Label) -> ListFetches:
    selected = list_fetches(info, label)
    return replace(selected, under=NodeFetches(written_at=selected.under.written_at))


def _node_without_fetches(info: Info, node_type: GraphQLObjectType) -> NodeFetches:
    return NodeFetches(written_at=node_fetches(info, node_type).written_at)


async def by_loaders(
    cypher: Cypher, query: str, variables: dict[str, Any] | None, languages: tuple[str, ...]
) -> Any:
    """The answer with nothing loaded ahead: every relationship through its DataLoader, and
    every property of the root's nodes read."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(schema.node_lookup, "node_fetches", _node_without_fetches)
        patch.setattr(schema.lists, "list_fetches", _without_fetches)
        result = await execute(cypher, query, variables, languages=languages)
    assert result.errors is None, [error.formatted for error in result.errors]
    return result.data


async def compiled_answer(
    seeded: SeededGraph,
    query: str,
    variables: dict[str, Any] | None = None,
    languages: tuple[str, ...] = (),
) -> tuple[Any, int]:
    """(answer, round trips) of the one read path, checked equal to the loaders' answer."""
    cypher = seeded.cypher()
    result = await execute(cypher, query, variables, languages=languages)
    assert result.errors is None, [error.formatted for error in result.errors]
    reference = await by_loaders(seeded.cypher(), query, variables, languages)
    assert orjson.dumps(result.data) == orjson.dumps(reference)
    return result.data, cypher.round_trips


LIST = """
query ($after: String, $lang: String) {
  events(first: 3, after: $after, where: { startYear: { gte: 2000 } },
         orderBy: { field: START, direction: DESC }) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor
      node {
        slug start title(lang: $lang) { text lang fallback }
        place { slug name { text } }
        programme { slug name { text } }
        participants { totalCount }
        organisers(first: 1) { nodes { __typename ... on Agency { slug } } }
      }
    }
  }
}
"""


async def sent_statement(
    seeded: SeededGraph,
    query: str,
    variables: dict[str, Any] | None = None,
) -> tuple[Any, str]:
    """The answer (checked equal to the loaders' one) and the one statement sent."""
    await compiled_answer(seeded, query, variables)
    runner = RecordingCypher(seeded.driver)
    result = await execute(runner, query, variables)
    assert result.errors is None
    (statement,) = runner.sent
    return result.data, statement
