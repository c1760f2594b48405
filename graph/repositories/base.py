"""The shared engine behind every repository: lists, related lists, group-by counts.

A label's repository only declares constants (how to match its nodes, which filters, sort
keys and facets exist, which relationships lead where); the functions here assemble those
constant pieces into one Cypher statement per call, so a page, its total count and its
"is there more" flags cost a single round trip, and a relationship is loaded for a whole
batch of owners at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, LiteralString

from graph.database.cypher import Cypher
from graph.errors import InvalidInputError
from graph.model import Label
from graph.repositories.filters import Fragment, Predicate, compile_where
from graph.repositories.pages import EMPTY_PAGE, FacetBucket, Page, Row, position_of
from graph.repositories.paging import (
    Direction,
    PageRequest,
    beyond,
    fill,
    page_of,
    scan_order,
    window,
)
from graph.repositories.records import NodeRecord, label_of, node_record, relationship_record


@dataclass(frozen=True, slots=True)
class Order:
    """A sort key allowed for a label (`name`, `eventsCount`...) and its direction."""

    key: str
    direction: Direction = Direction.ASC


@dataclass(frozen=True, slots=True)
class ListSpec:
    """Everything a label's root list may do, as constant Cypher pieces over `n`."""

    label: Label
    filters: Mapping[str, Fragment]
    orders: Mapping[str, LiteralString]
    facets: Mapping[str, LiteralString] = field(default_factory=dict)

    @property
    def match(self) -> LiteralString:
        """`MATCH (n:Event)`: the list's nodes, by its label (from the allow-list)."""
        return "MATCH (n:" + self.label.value + ")"


@dataclass(frozen=True, slots=True)
class Relation:
    """A to-many (or to-one) field: from owner `o` to related `m` through relationship `r`.

    `pattern` binds `o`, `m` and `r` (`r` may be null for multi-hop or distinct patterns);
    `key` orders the related items; `by_role` lets callers keep one participation role.
    """

    name: str
    owner: Label
    pattern: LiteralString
    key: LiteralString
    direction: Direction = Direction.ASC
    by_role: bool = False


ROLE_FILTER: Final[LiteralString] = "($role IS NULL OR r.role = $role)"
TIE: Final[LiteralString] = "m.id + '|' + coalesce(elementId(r), '')"
NODE_TIE: Final[LiteralString] = "m.id"
"""The tie of a page whose rows nobody tells apart by relationship: no position is shown or
compared and no edge is read, so two rows of one node show the same thing (`Fetch.node_tie`)."""

LIST_TOTAL: Final[LiteralString] = """
CALL () {
  <MATCH> WHERE <WHERE>
  RETURN count(n) AS total
}
"""

LIST_BEYOND: Final[LiteralString] = """
CALL () {
  <MATCH> WHERE <WHERE>
  WITH n, <KEY> AS k, n.id AS t
  WHERE <BEYOND>
  WITH n LIMIT 1
  RETURN count(n) > 0 AS beyond
}
"""

LIST_WINDOW: Final[LiteralString] = """
CALL () {
  <MATCH> WHERE <WHERE>
  WITH n, <KEY> AS k, n.id AS t
  WHERE <WINDOW>
  ORDER BY <SCAN>
  LIMIT $limit
"""
"""The opening of a list's rows subquery: the page's window of `n`, sorted, cut to size."""

RELATED_TOTAL: Final[LiteralString] = """
CALL (o) {
  <PATTERN> WHERE <FILTER>
  RETURN count(*) AS total
}
"""

RELATED_BEYOND: Final[LiteralString] = """
CALL (o) {
  <PATTERN> WHERE <FILTER>
  WITH m, r, <KEY> AS k, <TIE> AS t
  WHERE <BEYOND>
  WITH m LIMIT 1
  RETURN count(m) > 0 AS beyond
}
"""

RELATED_WINDOW: Final[LiteralString] = """
CALL (o) {
  <PATTERN> WHERE <FILTER>
  WITH m, r, <KEY> AS k, <TIE> AS t
  WHERE <WINDOW>
  ORDER BY <SCAN>
  LIMIT $limit
"""
"""The opening of a relation's rows subquery: the page's window of `m`, sorted, cut to size."""

RELATED_PAGES: Final[LiteralString] = (
    """
UNWIND $owners AS ownerId
MATCH (o:<OWNER> {id: ownerId})
"""
    + RELATED_WINDOW
    + """  RETURN collect({node: m {.*}, labels: labels(m), rel: properties(r), type: type(r),
                   k: k, t: t}) AS rows
}
"""
    + RELATED_TOTAL
    + RELATED_BEYOND
    + "RETURN ownerId, total, rows, beyond\n"
)

# Only the `total` part of RELATED_PAGES, for connections asked for nothing but `totalCount`.
RELATED_COUNTS: Final[LiteralString] = (
    """
UNWIND $owners AS ownerId
MATCH (o:<OWNER> {id: ownerId})
"""
    + RELATED_TOTAL
    + "RETURN ownerId, total\n"
)

GROUP_BY: Final[LiteralString] = """
<MATCH> WHERE <WHERE>
<GROUP>
WITH g, v, count(DISTINCT n) AS size
ORDER BY size DESC, coalesce(g.name, toString(v), '') ASC
LIMIT $limit
RETURN g {.*} AS node, labels(g) AS labels, v AS value, size
"""

NODES_BY_ID: Final[LiteralString] = """
CALL () {
  MATCH (n:Expert) WHERE n.id IN $Expert RETURN n
  UNION ALL MATCH (n:Agency) WHERE n.id IN $Agency RETURN n
  UNION ALL MATCH (n:Country) WHERE n.id IN $Country RETURN n
  UNION ALL MATCH (n:Place) WHERE n.id IN $Place RETURN n
  UNION ALL MATCH (n:Programme) WHERE n.id IN $Programme RETURN n
  UNION ALL MATCH (n:Event) WHERE n.id IN $Event RETURN n
  UNION ALL MATCH (n:Topic) WHERE n.id IN $Topic RETURN n
  UNION ALL MATCH (n:Resource) WHERE n.id IN $Resource RETURN n
}
RETURN n {.*} AS node, labels(n) AS labels
"""


def list_pieces(
    spec: ListSpec, *, where: Predicate | None, order: Order, request: PageRequest
) -> tuple[dict[LiteralString, LiteralString], dict[str, Any]]:
    """The placeholders of a list's match, filter, order and window, and the filter's
    parameters, for `graph.repositories.plans.fetch_list`."""
    key = spec.orders.get(order.key)
    if key is None:
        raise InvalidInputError(f"{spec.label} lists cannot be ordered by {order.key!r}")
    condition, parameters = compile_where(spec.filters, where)
    pieces: dict[LiteralString, LiteralString] = {
        "<MATCH>": spec.match,
        "<WHERE>": condition,
        "<KEY>": key,
        "<WINDOW>": window(order.direction),
        "<SCAN>": scan_order(order.direction, request.backward),
        "<BEYOND>": beyond(order.direction, request.backward),
    }
    return pieces, parameters


async def related_pages(
    cypher: Cypher,
    relation: Relation,
    owners: Sequence[str],
    request: PageRequest,
    *,
    role: str | None = None,
) -> dict[str, Page]:
    """The same page of `relation` for every owner, in one round trip for the whole batch."""
    if role is not None and not relation.by_role:
        raise InvalidInputError(f"{relation.name} cannot be filtered by role")
    query = fill(
        RELATED_PAGES,
        {
            "<OWNER>": relation.owner.value,
            "<PATTERN>": relation.pattern,
            "<FILTER>": ROLE_FILTER if relation.by_role else "true",
            "<KEY>": relation.key,
            "<TIE>": TIE,
            "<WINDOW>": window(relation.direction),
            "<SCAN>": scan_order(relation.direction, request.backward),
            "<BEYOND>": beyond(relation.direction, request.backward),
        },
    )
    parameters = {"owners": list(dict.fromkeys(owners)), "role": role, **request.parameters()}
    pages: dict[str, Page] = {}
    for result in await cypher.read(query, parameters):
        rows = [row for item in result["rows"] if (row := related_row(item)) is not None]
        pages[result["ownerId"]] = page_of(
            rows, total=result["total"], beyond_cursor=result["beyond"], request=request
        )
    return {owner: pages.get(owner, EMPTY_PAGE) for owner in owners}


async def related_counts(
    cypher: Cypher,
    relation: Relation,
    owners: Sequence[str],
    *,
    role: str | None = None,
    counted: Callable[[str], int | None] | None = None,
) -> dict[str, int]:
    """How many items `relation` holds per owner, without reading any of them.

    Same pattern and role filter as `related_pages`, so the numbers equal its `total`.
    Owners whose count `counted` knows (graph/repositories/written.py) are not asked.
    """
    if role is not None and not relation.by_role:
        raise InvalidInputError(f"{relation.name} cannot be filtered by role")
    known: dict[str, int] = {}
    if counted is not None:
        known = {owner: n for owner in owners if (n := counted(owner)) is not None}
    asked = [owner for owner in dict.fromkeys(owners) if owner not in known]
    if not asked:
        return {owner: known[owner] for owner in owners}
    query = fill(
        RELATED_COUNTS,
        {
            "<OWNER>": relation.owner.value,
            "<PATTERN>": relation.pattern,
            "<FILTER>": ROLE_FILTER if relation.by_role else "true",
        },
    )
    parameters = {"owners": asked, "role": role}
    totals = {row["ownerId"]: row["total"] for row in await cypher.read(query, parameters)}
    totals.update(known)
    return {owner: int(totals.get(owner, 0)) for owner in owners}


def related_row(item: Mapping[str, Any], label: Label | None = None) -> Row | None:
    """The row of a related node; `label` when the query knew it and read no labels."""
    if label is None:
        label = label_of(item["labels"])
        if label is None:
            return None
    rel_type = item.get("type")
    relationship = relationship_record(rel_type, item["rel"]) if rel_type is not None else None
    return Row(node_record(label, item["node"]), position_of(item), relationship)


async def group_by(
    cypher: Cypher,
    spec: ListSpec,
    *,
    facet: str,
    where: Predicate | None,
    limit: int,
) -> list[FacetBucket]:
    """Counts of the filtered nodes per group (country, topic, year...), largest first."""
    condition, parameters = compile_where(spec.filters, where)
    query = grouping(spec, facet, spec.match, condition)
    return buckets_of(await cypher.read(query, {**parameters, "limit": limit}))


def grouping(
    spec: ListSpec, facet: str, match: LiteralString, condition: LiteralString
) -> LiteralString:
    """GROUP_BY over the nodes `n` that `match` binds and `condition` keeps, by `facet`."""
    group = spec.facets.get(facet)
    if group is None:
        raise InvalidInputError(f"{spec.label} lists cannot be grouped by {facet!r}")
    return fill(GROUP_BY, {"<MATCH>": match, "<WHERE>": condition, "<GROUP>": group})


def buckets_of(rows: Sequence[Mapping[str, Any]]) -> list[FacetBucket]:
    buckets = []
    for row in rows:
        label = label_of(row["labels"]) if row["labels"] else None
        node = node_record(label, row["node"]) if label and row["node"] is not None else None
        value = row["value"]
        buckets.append(
            FacetBucket(
                count=row["size"],
                node=node,
                value=value if isinstance(value, str | int) else None,
            )
        )
    return buckets


async def nodes_by_id(
    cypher: Cypher, refs: Sequence[tuple[Label, str]]
) -> dict[tuple[Label, str], NodeRecord]:
    """Nodes named by (label, id), any mix of labels, in one round trip."""
    ids: dict[str, list[str]] = {label.value: [] for label in Label}
    for label, ident in refs:
        ids[label.value].append(ident)
    found: dict[tuple[Label, str], NodeRecord] = {}
    for row in await cypher.read(NODES_BY_ID, ids):
        found_label = label_of(row["labels"])
        if found_label is not None:
            record = node_record(found_label, row["node"])
            found[(found_label, record.id)] = record
    return found
