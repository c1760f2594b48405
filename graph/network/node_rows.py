"""The one shape network queries return nodes and relationships in, and its conversion.

Queries project nodes to a small map (`NODE_FIELDS`) instead of returning whole nodes: the
driver drops labels when it turns a node into a dict, and Resources carry long bodies that a
network drawing never needs. Answers with hundreds of nodes take them as lists of the same
values instead (`node_values`), which spares Neo4j and the driver a key per value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, LiteralString

from graph.model import LANGUAGES, REL_TYPE_NAMED, Label, RelType
from graph.network.results import Evidence, GraphEdge, GraphNode, Link
from graph.repositories.properties import every_property
from graph.repositories.records import label_of
from graph.writes.origins import default_origin, read_marks

EDGE_PROPERTIES: Final[LiteralString] = every_property("r")
"""The stored properties of relationship `r` (`writtenAt` as text), read in one go."""

NODE_KEYS: Final[tuple[LiteralString, ...]] = (
    *("id", "name", "kind", "start", "startYear"),
    *("name_en", "name_ru", "name_az", "name_tg", "title_en", "title_ru", "title_az", "title_tg"),
    "textOrigins",
)
"""The properties a network node is built from, names and titles in `LANGUAGES` order, and
their origin marks (graph/writes/origins.py)."""

NODE_FIELDS: Final[LiteralString] = ", ".join("." + key for key in NODE_KEYS)
"""Map-projection body for a node: `n {` + NODE_FIELDS + `, labels: labels(n)}`."""


def node_values(node: LiteralString) -> LiteralString:
    """The list `[node.id, ...]` of `NODE_KEYS`, then `labels(node)`, for `graph_node_values`.

    A 200-node neighbourhood as maps carried 2,800 keys, most of them beside a null: as
    lists, Neo4j spends ~0.35 ms less per view (8 in flight, 10k graph) and the driver
    ~0.55 ms less decoding it.
    """
    return "[" + ", ".join(node + "." + key for key in NODE_KEYS) + ", labels(" + node + ")]"


ALL_LABELS: Final[LiteralString] = "Expert|Agency|Country|Place|Programme|Event|Topic|Resource"
"""Label disjunction that Neo4j plans as one unique-index seek per label (no label scan)."""


def _shown(value: Any) -> bool:
    """Is `value` text worth showing (a string, not blank)?"""
    return type(value) is str and bool(value) and not value.isspace()


def _text(value: Any) -> str | None:
    return value if _shown(value) else None


_NAME_KEYS: Final = tuple((lang, f"name_{lang}", f"title_{lang}") for lang in LANGUAGES)
_NAME_AT: Final = tuple(
    (lang, NODE_KEYS.index(name_key), NODE_KEYS.index(title_key))
    for lang, name_key, title_key in _NAME_KEYS
)
_ORIGINS_AT: Final = NODE_KEYS.index("textOrigins")


def graph_node(row: Mapping[str, Any]) -> GraphNode:
    """A `GraphNode` from a map projected with `NODE_FIELDS` plus `labels`."""
    get = row.get
    names = ((lang, get(name_key), get(title_key)) for lang, name_key, title_key in _NAME_KEYS)
    return _graph_node(
        get("labels"),
        get("id"),
        get("name"),
        get("kind"),
        get("start"),
        get("startYear"),
        names,
        get("textOrigins"),
    )


def graph_node_values(values: Sequence[Any]) -> GraphNode:
    """A `GraphNode` from a list projected with `node_values`."""
    names = ((lang, values[name_at], values[title_at]) for lang, name_at, title_at in _NAME_AT)
    ident, name, kind, start, start_year = values[:5]
    marks = values[_ORIGINS_AT]
    return _graph_node(values[-1], ident, name, kind, start, start_year, names, marks)


def _graph_node(
    labels: Sequence[str] | None,
    ident: Any,
    name: Any,
    kind: Any,
    start: Any,
    start_year: Any,
    texts: Iterable[tuple[str, Any, Any]],
    marks: Any = None,
) -> GraphNode:
    """Written for speed: a neighbourhood builds hundreds of these per request, and most of
    their eight language values are null."""
    label = label_of(labels or ())
    if label is None:
        raise ValueError(f"node {ident!r} carries no hub label")
    names: dict[str, str] = {}
    chosen: dict[str, str] = {}
    for lang, name_text, title_text in texts:
        text, field = name_text, "name"
        if text is None or not _shown(text):
            text, field = title_text, "title"
            if text is None or not _shown(text):
                continue
        names[lang] = text
        chosen[lang] = f"{field}_{lang}"
    stated = read_marks(marks) if marks else {}
    origins = {lang: stated.get(key) or default_origin(key) for lang, key in chosen.items()}
    slug = str(ident if ident is not None else "")
    if name is None or not _shown(name):
        name = next(iter(names.values()), None) or slug
    return GraphNode(
        id=slug,
        label=label,
        name=name,
        kind=_text(kind),
        names=names,
        origins=origins,
        start=_text(start),
        start_year=start_year if type(start_year) is int else None,
    )


def graph_edge(row: Mapping[str, Any]) -> GraphEdge:
    """A `GraphEdge` from `{type, source, target, properties}` (source/target are slugs)."""
    return GraphEdge(
        source=str(row["source"]),
        target=str(row["target"]),
        type=REL_TYPE_NAMED[row["type"]],
        stored=row.get("properties") or {},
    )


def graph_edge_values(values: Sequence[Any]) -> GraphEdge:
    """A `GraphEdge` from `[type, source, target, properties]`, as neighbourhoods list
    their hundreds of edges (see `node_values`)."""
    rel_type, source, target, properties = values
    return GraphEdge(
        source=str(source),
        target=str(target),
        type=REL_TYPE_NAMED[rel_type],
        stored=properties or {},
    )


def labels_or_all(labels: frozenset[Label] | None) -> list[str]:
    """Label names for a `$labels` parameter; no filter means every hub label."""
    return sorted(label.value for label in (labels or frozenset(Label)))


def types_or_all(types: frozenset[RelType] | None) -> list[str]:
    """Relationship type names for a `$types` parameter; no filter means every type."""
    return sorted(rel_type.value for rel_type in (types or frozenset(RelType)))


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(sorted({v for v in values or () if isinstance(v, str)}))


def _number(value: Any) -> float | None:
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if is_number else None


def evidence(row: Mapping[str, Any]) -> Evidence:
    """An `Evidence` from `{node, kind, theirs, own, direction, amount, currency}`."""
    direction = row.get("direction")
    currency = row.get("currency")
    return Evidence(
        node=graph_node(row["node"]),
        kind=str(row["kind"]),
        roles=_strings(row.get("theirs")),
        own_roles=_strings(row.get("own")),
        direction=direction if isinstance(direction, str) else None,
        amount=_number(row.get("amount")),
        currency=currency if isinstance(currency, str) else None,
    )


def link(row: Mapping[str, Any]) -> Link:
    """A `Link` from the row shape the collaborator and partner queries share."""
    first_year, last_year = row.get("firstYear"), row.get("lastYear")
    return Link(
        node=graph_node(row["node"]),
        weight=float(row["weight"]),
        shared_events=int(row["events"]),
        shared_programmes=int(row["programmes"]),
        funding_flows=int(row.get("flows") or 0),
        first_year=first_year if isinstance(first_year, int) else None,
        last_year=last_year if isinstance(last_year, int) else None,
        evidence=tuple(evidence(item) for item in row["evidence"]),
        evidence_count=int(row["evidenceCount"]),
    )
