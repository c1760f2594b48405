"""From a selection to the `graph.plans.Fetch` tree that loads everything it needs at once.

Each relationship field under a node becomes a fetch with the page its arguments ask for and
only the parts its selection reads (rows for edges/nodes/cursors, the total for `totalCount`,
the far-side check for `pageInfo`). The response keys of the fetches are kept alongside, so
the completion step finds each field's page again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from graphql import (
    FieldNode,
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    VariableValues,
    get_argument_values,
    get_named_type,
    is_abstract_type,
)

from graph.model import LABEL_NAMED, Label
from graph.paging import PageRequest
from graph.plans import Fetch
from graph.properties import RELATIONSHIP_PROPERTIES
from graph.repositories import REPOSITORIES
from schema.paging import page_request
from schema.planned.fields import FieldTable, Kind
from schema.planned.selection import Fields, Selections, UnplannableError
from schema.reads import WRITTEN_AT, field_reads

ONE = PageRequest(size=1)
ROW_FIELDS = frozenset({"edges", "nodes"})
NOT_EDGE_PROPERTIES = frozenset({"node", "cursor", "__typename"})


@dataclass(slots=True)
class FetchKeys:
    """Response keys of the fetches under each fetch (by identity) and under the root."""

    children: dict[int, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class NodeFetches:
    fetches: tuple[Fetch, ...]
    keys: tuple[str, ...]
    written_at: bool
    reads: frozenset[str] | None = None
    """The node properties the selection shows (`graph.properties.node_properties`)."""


class FetchBuilder:
    def __init__(
        self,
        schema: GraphQLSchema,
        table: FieldTable,
        selections: Selections,
        variables: VariableValues,
        info: Any,
        keys: FetchKeys,
    ) -> None:
        self._schema = schema
        self._table = table
        self._selections = selections
        self._variables = variables
        self._info = info
        self._keys = keys

    def arguments(self, definition: GraphQLField, node: FieldNode) -> dict[str, Any]:
        return get_argument_values(definition, node, self._variables)

    def under(self, node_type: GraphQLObjectType, fields: Fields) -> NodeFetches:
        """Fetches for the relationship fields selected on a node of `node_type`."""
        fetches: list[Fetch] = []
        keys: list[str] = []
        for key, nodes in fields.items():
            name = nodes[0].name.value
            plan = self._table.get(node_type, name)
            if plan.kind in (Kind.RELATION, Kind.TO_ONE):
                fetches.append(self._relation(node_type, name, plan.kind, nodes))
                keys.append(key)
        return NodeFetches(
            tuple(fetches),
            tuple(keys),
            WRITTEN_AT in _names(fields),
            self._reads(node_type, fields),
        )

    def _reads(self, node_type: GraphQLObjectType, fields: Fields) -> frozenset[str] | None:
        """The properties a node of `node_type` needs for `fields`; None when unsure (all).

        Relationship fields read nothing of the node itself (their pages are fetches of
        their own); any other field that is no plain property may read anything, so it keeps
        every property.
        """
        label = LABEL_NAMED.get(node_type.name)
        if label is None:
            return None
        reads: set[str] = set()
        for nodes in fields.values():
            name = nodes[0].name.value
            shown = field_reads(label, name)
            if shown is not None:
                reads.update(shown)
            elif self._table.get(node_type, name).kind not in (Kind.RELATION, Kind.TO_ONE):
                return None
        return frozenset(reads)

    def _relation(
        self, owner: GraphQLObjectType, name: str, kind: Kind, nodes: Sequence[FieldNode]
    ) -> Fetch:
        label = Label(owner.name)
        relation = REPOSITORIES[label].relations[name]
        definition = owner.fields[name]
        if kind is Kind.TO_ONE:
            target = get_named_type(definition.type)
            node_fields = [nodes]
            request, role, rows, total, beyond = ONE, None, True, False, False
            edge_reads: frozenset[str] | None = frozenset()
            positions = False
        else:
            args = self.arguments(definition, nodes[0])
            request = page_request(
                self._info,
                f"{label.value}.{name}",
                first=args.get("first"),
                after=args.get("after"),
                last=args.get("last"),
                before=args.get("before"),
            )
            role = _plain(args.get("role"))
            connection = get_named_type(definition.type)
            assert isinstance(connection, GraphQLObjectType)
            parts = self._selections.sub(connection, nodes)
            names = _names(parts)
            rows = bool(names & ROW_FIELDS) or "pageInfo" in names
            total = "totalCount" in names
            beyond = "pageInfo" in names
            node_fields, target, edge_reads, cursors = self.node_selections(connection, parts)
            positions = beyond or cursors
        if target is None:
            return Fetch(
                relation,
                frozenset(),
                request,
                rows,
                total,
                beyond,
                role=role,
                edge_reads=edge_reads,
                positions=positions,
            )
        labels, children, written_at = self._target(target, node_fields)
        fetch = Fetch(
            relation,
            labels,
            request,
            rows,
            total,
            beyond,
            written_at=written_at,
            role=role,
            children=children.fetches,
            edge_reads=edge_reads,
            reads=children.reads,
            positions=positions,
        )
        self._keys.children[id(fetch)] = children.keys
        return fetch

    def node_selections(
        self, connection: GraphQLObjectType, parts: Fields
    ) -> tuple[list[Sequence[FieldNode]], Any, frozenset[str] | None, bool]:
        """Field nodes selecting the related node (under `edges.node` and `nodes`), the node
        type, the edge properties (role, since...) selected (None when an edge field is no
        plain relationship property, so all are read), and whether any edge's `cursor` is."""
        found: list[Sequence[FieldNode]] = []
        target = None
        edge_reads: set[str] | None = set()
        cursors = False
        for nodes in parts.values():
            name = nodes[0].name.value
            if name == "nodes":
                found.append(nodes)
                target = get_named_type(connection.fields["nodes"].type)
            elif name == "edges":
                edge = get_named_type(connection.fields["edges"].type)
                assert isinstance(edge, GraphQLObjectType)
                for inner in self._selections.sub(edge, nodes).values():
                    inner_name = inner[0].name.value
                    if inner_name not in NOT_EDGE_PROPERTIES and edge_reads is not None:
                        plain = inner_name in RELATIONSHIP_PROPERTIES
                        edge_reads = edge_reads | {inner_name} if plain else None
                    cursors = cursors or inner_name == "cursor"
                    if inner_name == "node":
                        found.append(inner)
                        target = get_named_type(edge.fields["node"].type)
        return found, target, None if edge_reads is None else frozenset(edge_reads), cursors

    def _target(
        self, target: Any, node_fields: list[Sequence[FieldNode]]
    ) -> tuple[frozenset[Label], NodeFetches, bool]:
        """Labels the related node can have, the fetches under it, whether `writtenAt` is read."""
        if is_abstract_type(target):
            possible = self._schema.get_possible_types(target)
            labels = frozenset(Label(kind.name) for kind in possible)
            written_at = False
            reads: set[str] | None = set()
            for kind in possible:
                for nodes in node_fields:
                    fields = self._selections.sub(kind, nodes)
                    under = self.under(kind, fields)
                    if under.fetches:
                        raise UnplannableError("relationships under an abstract node")
                    written_at = written_at or under.written_at
                    reads = None if reads is None or under.reads is None else reads | under.reads
            narrowed = None if reads is None else frozenset(reads)
            return labels, NodeFetches((), (), written_at, narrowed), written_at
        assert isinstance(target, GraphQLObjectType)
        if len(node_fields) > 1:
            merged = [field for nodes in node_fields for field in nodes]
            children = self.under(target, self._selections.sub(target, merged))
            if children.fetches:
                raise UnplannableError("relationships under both `edges.node` and `nodes`")
        else:
            nodes = node_fields[0] if node_fields else []
            children = self.under(target, self._selections.sub(target, nodes))
        return frozenset({Label(target.name)}), children, children.written_at


def _names(fields: Fields) -> set[str]:
    return {nodes[0].name.value for nodes in fields.values()}


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value
