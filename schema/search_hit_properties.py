"""What a search's selection shows of its hits, so the search reads only that.

A hit can be any entity, and reading every property of each (an article's bodies in four
languages) cost more than the search itself when the page shows names. The snippet is cut from
the texts that matched, so asking for it (or for anything not known to be a plain property)
reads every property, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from strawberry.types.nodes import SelectedField, Selection

from graph.model import LABEL_NAMED, Label
from schema.context import Info
from schema.selection_fields import fields_named, names_beyond
from schema.shown_properties import WRITTEN_AT, field_reads

EDGE_FIELDS: Final = frozenset({"__typename", "cursor", "node", "score", "lang"})
"""Edge fields that need nothing of the hit's texts (`snippet` does)."""
NODE_INTERFACE: Final = "Node"


@dataclass(frozen=True, slots=True)
class HitReads:
    """Properties the hits need (`graph.repositories.properties.node_properties` names); None:
    all."""

    reads: frozenset[str] | None
    written_at: bool


EVERYTHING: Final = HitReads(None, True)


def hit_reads(info: Info) -> HitReads:
    """The properties the hits of the current `search` field show, through fragments."""
    fields = info.selected_fields
    if not fields:
        return EVERYTHING
    under_node: list[Selection] = []
    for field in fields:
        for selection in field.selections:
            for nodes in fields_named(selection, "nodes"):
                under_node.extend(nodes.selections)
            for edges in fields_named(selection, "edges"):
                for inner in edges.selections:
                    if names_beyond(inner, EDGE_FIELDS):
                        return EVERYTHING
                    for node in fields_named(inner, "node"):
                        under_node.extend(node.selections)
    reads: set[str] = set()
    written_at = _shown(under_node, None, reads)
    if written_at is None:
        return EVERYTHING
    return HitReads(frozenset(reads), written_at)


def _shown(selections: Iterable[Selection], label: Label | None, reads: set[str]) -> bool | None:
    """Adds what `selections` on `label` (None: the `Node` interface) show to `reads`.

    Returns whether `writtenAt` is asked for, or None when some field may read anything.
    """
    written_at = False
    for selection in selections:
        if isinstance(selection, SelectedField):
            shown = field_reads(label, selection.name)
            if shown is None:
                return None
            reads.update(shown)
            written_at = written_at or selection.name == WRITTEN_AT
            continue
        inner_label = label
        condition = selection.type_condition
        if condition is not None and condition != NODE_INTERFACE:
            inner_label = LABEL_NAMED.get(condition)
            if inner_label is None:
                return None
        inner = _shown(selection.selections, inner_label, reads)
        if inner is None:
            return None
        written_at = written_at or inner
    return written_at
