"""The vocabulary of writes: operations a mutation asks for, and what they produced.

A mutation is a list of operations run in one transaction (graph/writes/executor.py), so a
create with its links, or several links at once, either all happen or none does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.auditing.trail import Change
from graph.model import Label, LinkEnds, NodeRef
from graph.repositories.records import NodeRecord, RelationshipRecord
from graph.writes.fields import NodeChanges


@dataclass(frozen=True, slots=True)
class NodeWrite(NodeRef):
    """What a create and an update both carry: the node and the checked field values."""

    changes: NodeChanges


@dataclass(frozen=True, slots=True)
class CreateNode(NodeWrite):
    """A new node; the transaction refuses an id that is taken."""


@dataclass(frozen=True, slots=True)
class UpdateNode(NodeWrite):
    """The changes laid over the node's stored properties (`None` removes one)."""


@dataclass(frozen=True, slots=True)
class DeleteNode(NodeRef):
    cascade: bool = False
    """Also remove the relationships other nodes have to it (never other nodes)."""


@dataclass(frozen=True, slots=True)
class Link(LinkEnds):
    properties: Mapping[str, Any] = field(default_factory=dict)
    field: str = "links"
    """Where the link sits in the input, so an error points at it (`links[1]`)."""


@dataclass(frozen=True, slots=True)
class Unlink(LinkEnds):
    key_properties: Mapping[str, Any] | None = None
    """`role`/`since`/`period` of the one relationship to remove; None removes all of them."""
    field: str = "links"


Operation = CreateNode | UpdateNode | DeleteNode | Link | Unlink


@dataclass(frozen=True, slots=True)
class WrittenLink(LinkEnds):
    relationship: RelationshipRecord
    start_label: Label
    end_label: Label


@dataclass(frozen=True, slots=True)
class WriteOutcome:
    """What the transaction committed: nodes as they are now, links made, ids removed."""

    nodes: Mapping[str, NodeRecord]
    links: tuple[WrittenLink, ...]
    unlinked: tuple[WrittenLink, ...]
    deleted: tuple[str, ...]
    changes: tuple[Change, ...]
