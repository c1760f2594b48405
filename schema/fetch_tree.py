"""From a root field's own `info` to the `graph.repositories.fetches.Fetch` tree that loads its page
at once.

The root resolvers `node` and the root lists compile their selection the way @neo4j/graphql
does from its root resolvers: graphql-core's own field collection (fragments, `@skip` and
`@include` with this request's variables) walks the selection, and each relationship field
under a node becomes a fetch with the page its arguments ask for and only the parts its
selection reads (rows for edges/nodes/cursors, the total for `totalCount`, the far-side check
for `pageInfo`). `graph/repositories/plans.py` compiles the tree into one statement; the relation
resolvers then find their page attached (`schema/attached.py`) instead of asking a DataLoader.

A field the tree cannot load exactly is left out of it, and its resolver falls back to its
DataLoader: relationships under an abstract node or under both `edges.node` and `nodes`,
fields whose arguments are bad (the resolver reports the error at its own path), and fields
beyond the statement's slots.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Final

from graphql import (
    GraphQLError,
    GraphQLObjectType,
    GraphQLResolveInfo,
    get_argument_values,
    get_named_type,
    is_abstract_type,
)
from graphql.execution.collect_fields import FieldDetails, FragmentDetails, collect_subfields
from graphql.execution.values import VariableValues

from graph.errors import GraphError
from graph.model import LABEL_NAMED, Label
from graph.repositories.fetches import SLOTS, Fetch
from graph.repositories.paging import PageRequest
from graph.repositories.properties import RELATIONSHIP_PROPERTIES
from graph.repositories.registry import REPOSITORIES
from schema.context import Info
from schema.paging import page_request
from schema.shown_properties import WRITTEN_AT, field_reads

ONE: Final = PageRequest(size=1)
ROW_FIELDS: Final = frozenset({"edges", "nodes"})
NOT_EDGE_PROPERTIES: Final = frozenset({"node", "cursor", "__typename"})

Fields = dict[str, list[FieldDetails]]


@dataclass(frozen=True, slots=True)
class NodeFetches:
    """The fetches under one selection of a node, with what the node itself must read."""

    fetches: tuple[Fetch, ...] = ()
    keys: tuple[str, ...] = ()
    """The response key of each fetch: where its page is attached."""
    below: tuple[NodeFetches, ...] = ()
    """What each fetch's related nodes carry, in the order of `fetches`."""
    written_at: bool = False
    reads: frozenset[str] | None = None
    """The node properties the selection shows (`graph.repositories.properties.node_properties`)."""


NOTHING: Final = NodeFetches()


@dataclass(frozen=True, slots=True)
class ListFetches:
    """A root list's parts (rows, total, has-more, cursors) and the fetches under its nodes."""

    rows: bool
    total: bool
    beyond: bool
    positions: bool
    under: NodeFetches


@dataclass(slots=True)
class _Builder:
    """One walk over a root field's selection; `slots` counts the statement's fetches."""

    info: Info
    raw: GraphQLResolveInfo[Any]
    fragments: dict[str, FragmentDetails]
    variables: VariableValues
    slots: int = field(default=0)

    def sub(self, runtime: GraphQLObjectType, details: Sequence[FieldDetails]) -> Fields:
        """The merged sub-selection of one response key's fields on `runtime`."""
        raw = self.raw
        collected = collect_subfields(
            raw.schema, self.fragments, self.variables, raw.operation, runtime, list(details)
        )
        return dict(collected.grouped_field_set)

    def under(self, node_type: GraphQLObjectType, fields: Fields) -> NodeFetches:
        """Fetches for the relationship fields selected on a node of `node_type`."""
        label = LABEL_NAMED.get(node_type.name)
        fetches: list[Fetch] = []
        keys: list[str] = []
        below: list[NodeFetches] = []
        for key, details in fields.items():
            name = details[0].node.name.value
            if label is None or name not in REPOSITORIES[label].relations:
                continue
            built = self._relation(node_type, label, name, details)
            if built is not None:
                fetches.append(built[0])
                below.append(built[1])
                keys.append(key)
        return NodeFetches(
            tuple(fetches),
            tuple(keys),
            tuple(below),
            any(details[0].node.name.value == WRITTEN_AT for details in fields.values()),
            _reads(label, fields),
        )

    def _relation(
        self, owner: GraphQLObjectType, label: Label, name: str, details: Sequence[FieldDetails]
    ) -> tuple[Fetch, NodeFetches] | None:
        """A relationship field's fetch and what its nodes carry; None leaves it to its loader."""
        if self.slots >= len(SLOTS):
            return None
        relation = REPOSITORIES[label].relations[name]
        definition = owner.fields[name]
        returned = get_named_type(definition.type)
        if not returned.name.endswith("Connection"):
            self.slots += 1
            labels, below = self.target(returned, [list(details)])
            fetch = Fetch(
                relation,
                labels,
                ONE,
                written_at=below.written_at,
                edge_reads=frozenset(),
                reads=below.reads,
                positions=False,
                children=below.fetches,
            )
            return fetch, below
        assert isinstance(returned, GraphQLObjectType)
        try:
            args = get_argument_values(definition, details[0].node, self.variables)
            request = page_request(
                self.info,
                f"{label.value}.{name}",
                first=args.get("first"),
                after=args.get("after"),
                last=args.get("last"),
                before=args.get("before"),
            )
        except (GraphQLError, GraphError):
            return None
        role = _plain(args.get("role"))
        if role is not None and not relation.by_role:
            return None
        self.slots += 1
        parts = self.sub(returned, details)
        names = _names(parts)
        beyond = "pageInfo" in names
        node_fields, target, edge_reads, cursors = self.node_selections(returned, parts)
        labels, below = (
            (frozenset(), NOTHING) if target is None else self.target(target, node_fields)
        )
        fetch = Fetch(
            relation,
            labels,
            request,
            rows=bool(names & ROW_FIELDS) or beyond,
            total="totalCount" in names,
            beyond=beyond,
            written_at=below.written_at,
            role=role,
            children=below.fetches,
            edge_reads=edge_reads,
            reads=below.reads,
            positions=beyond or cursors,
        )
        return fetch, below

    def node_selections(
        self, connection: GraphQLObjectType, parts: Fields
    ) -> tuple[list[list[FieldDetails]], Any, frozenset[str] | None, bool]:
        """Fields selecting the related node (under `edges.node` and `nodes`), the node type,
        the edge properties (role, since...) selected (None when an edge field is no plain
        relationship property, so all are read), and whether any edge's `cursor` is."""
        found: list[list[FieldDetails]] = []
        target = None
        edge_reads: set[str] | None = set()
        cursors = False
        for details in parts.values():
            name = details[0].node.name.value
            if name == "nodes":
                found.append(details)
                target = get_named_type(connection.fields["nodes"].type)
            elif name == "edges":
                edge = get_named_type(connection.fields["edges"].type)
                assert isinstance(edge, GraphQLObjectType)
                for inner in self.sub(edge, details).values():
                    inner_name = inner[0].node.name.value
                    if inner_name not in NOT_EDGE_PROPERTIES and edge_reads is not None:
                        plain = inner_name in RELATIONSHIP_PROPERTIES
                        edge_reads = edge_reads | {inner_name} if plain else None
                    cursors = cursors or inner_name == "cursor"
                    if inner_name == "node":
                        found.append(inner)
                        target = get_named_type(edge.fields["node"].type)
        return found, target, None if edge_reads is None else frozenset(edge_reads), cursors

    def target(
        self, target: Any, node_fields: list[list[FieldDetails]]
    ) -> tuple[frozenset[Label], NodeFetches]:
        """Labels the related node can have, and what it carries.

        Under an abstract node, or a node selected both as `edges.node` and `nodes`, nested
        relationships are left to their loaders: only the properties to read are worked out.
        """
        merged = [detail for details in node_fields for detail in details]
        if is_abstract_type(target):
            possible = self.raw.schema.get_possible_types(target)
            written_at = False
            reads: set[str] | None = set()
            for kind in possible:
                fields = self.sub(kind, merged)
                written_at = written_at or any(
                    details[0].node.name.value == WRITTEN_AT for details in fields.values()
                )
                shown = _reads(LABEL_NAMED.get(kind.name), fields)
                reads = None if reads is None or shown is None else reads | shown
            labels = frozenset(Label(kind.name) for kind in possible)
            narrowed = None if reads is None else frozenset(reads)
            return labels, NodeFetches(written_at=written_at, reads=narrowed)
        assert isinstance(target, GraphQLObjectType)
        fields = self.sub(target, merged)
        if len(node_fields) > 1:
            return frozenset({Label(target.name)}), NodeFetches(
                written_at=any(d[0].node.name.value == WRITTEN_AT for d in fields.values()),
                reads=_reads(LABEL_NAMED.get(target.name), fields),
            )
        return frozenset({Label(target.name)}), self.under(target, fields)


def _reads(label: Label | None, fields: Fields) -> frozenset[str] | None:
    """The properties a node of `label` needs for `fields`; None when unsure (all).

    Relationship fields read nothing of the node itself (their pages are fetches of their
    own, or loads of their own); any other field that is no plain property may read anything,
    so it keeps every property.
    """
    if label is None:
        return None
    relations = REPOSITORIES[label].relations
    reads: set[str] = set()
    for details in fields.values():
        name = details[0].node.name.value
        shown = field_reads(label, name)
        if shown is not None:
            reads.update(shown)
        elif name not in relations:
            return None
    return frozenset(reads)


def _names(fields: Fields) -> set[str]:
    return {details[0].node.name.value for details in fields.values()}


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _builder(info: Info) -> tuple[_Builder, list[FieldDetails]]:
    raw: GraphQLResolveInfo[Any] = info._raw_info
    fragments = {name: FragmentDetails(definition) for name, definition in raw.fragments.items()}
    details = [FieldDetails(node, None) for node in raw.field_nodes]
    variables: Any = raw.variable_values
    if not isinstance(variables, VariableValues):
        # Strawberry's executor hands resolvers the plain coerced dict.
        variables = VariableValues({}, dict(variables or {}))
    return _Builder(info, raw, fragments, variables), details


def node_fetches(info: Info, node_type: GraphQLObjectType) -> NodeFetches:
    """What a root field returning one node of `node_type` (`node(id)`) loads with it."""
    builder, details = _builder(info)
    return builder.under(node_type, builder.sub(node_type, details))


def list_fetches(info: Info, label: Label) -> ListFetches:
    """What a root list of `label` (a connection) loads: its parts and its nodes' pages."""
    builder, details = _builder(info)
    connection = get_named_type(builder.raw.return_type)
    assert isinstance(connection, GraphQLObjectType)
    parts = builder.sub(connection, details)
    names = _names(parts)
    found, _, _, cursors = builder.node_selections(connection, parts)
    node_type = builder.raw.schema.get_type(label.value)
    _, under = builder.target(node_type, found)
    return ListFetches(
        rows=bool(names & {"edges", "nodes", "pageInfo"}),
        total="totalCount" in names,
        beyond="pageInfo" in names,
        positions="pageInfo" in names or cursors,
        under=under,
    )
