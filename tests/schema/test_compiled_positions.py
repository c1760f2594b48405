"""Rows read their sort key and tie only when a cursor is shown, and pages nobody positions
read no window."""

from __future__ import annotations

import pytest

from graph.repositories.pages import NO_POSITION
from schema.cursors import CursorAt
from tests.schema.read_paths import sent_statement
from tests.seeded import SeededGraph, execute


async def test_rows_read_positions_and_labels_only_when_the_page_needs_them(
    seeded: SeededGraph,
) -> None:
    """Sort keys and ties travel only for cursors; labels only when the pattern has none."""
    plain = """{ events(first: 5, orderBy: { field: START, direction: DESC }) {
      edges { node { slug place { slug } programme { slug } participants { totalCount } } }
    } }"""
    paged = """{ events(first: 5, orderBy: { field: START, direction: DESC }) {
      edges { cursor node { slug place { slug }
        participants(first: 2) { pageInfo { endCursor } nodes { ... on Expert { slug } } } } }
    } }"""
    sent = {}
    for name, query in (("plain", plain), ("paged", paged)):
        _, sent[name] = await sent_statement(seeded, query)
    assert _rows_with_positions(sent["plain"]) == 0
    assert "labels(" not in sent["plain"]
    assert _rows_with_positions(sent["paged"]) == 2
    assert sent["paged"].count("labels(m)") == 1


async def test_pages_nobody_positions_tie_on_the_node_and_read_no_window(
    seeded: SeededGraph,
) -> None:
    """A page that shows no cursor, reads no edge and is given none (a list page's place
    and programme) orders its rows with the node id as tie and reads no window; a page
    given a cursor it does not show still reads its window with the full tie, and pages
    forward from where the cursor points."""
    plain = """{ events(first: 5, orderBy: { field: START, direction: DESC }) {
      nodes { slug place { slug } programme { slug } participants { totalCount } } } }"""
    _, statement = await sent_statement(seeded, plain)
    assert statement.count("m.id AS t") == 2
    assert "_afterTie" not in statement
    assert "coalesce(elementId(r)" not in statement

    first = """query ($id: ID!) { node(id: $id) { ... on Event {
      participants(first: 2) { pageInfo { endCursor } nodes { ... on Node { slug } } } } } }"""
    after = """query ($id: ID!, $after: String) { node(id: $id) { ... on Event {
      participants(first: 2, after: $after) { nodes { ... on Node { slug } } } } } }"""
    event = await _busiest_event(seeded)
    opening, _ = await sent_statement(seeded, first, {"id": event})
    cursor = opening["node"]["participants"]["pageInfo"]["endCursor"]
    answer, statement = await sent_statement(seeded, after, {"id": event, "after": cursor})
    assert "$s0_afterTie" in statement
    assert "m.id + '|' + coalesce(elementId(r), '') AS t" in statement
    shown = [node["slug"] for node in opening["node"]["participants"]["nodes"]]
    following = [node["slug"] for node in answer["node"]["participants"]["nodes"]]
    assert len(following) == 2
    assert not set(shown) & set(following)


async def _busiest_event(seeded: SeededGraph) -> str:
    """The ID of the seeded event with the most participants (more than four)."""
    answer = await execute(
        seeded.cypher(), "{ events(first: 100) { nodes { id participants { totalCount } } } }"
    )
    assert answer.errors is None
    assert answer.data is not None
    busiest = max(
        answer.data["events"]["nodes"], key=lambda node: node["participants"]["totalCount"]
    )
    assert busiest["participants"]["totalCount"] > 4
    return str(busiest["id"])


def _rows_with_positions(statement: str) -> int:
    """How many of a statement's row lists carry their sort key and tie."""
    return sum(", k, t" in line for line in statement.splitlines() if "collect([" in line)


def test_a_row_read_without_its_position_has_no_cursor() -> None:
    with pytest.raises(RuntimeError, match="without its position"):
        CursorAt("events:start", NO_POSITION).encode()
