"""Relationship counts of nodes a write has just created, known without reading them back.

A node created in a transaction has no relationships but the ones that transaction wrote, so
once it commits, the node's count along a one-hop relation is the number of written links
that fit the hop. A mutation's payload (`createEvent { event { participants { totalCount } } }`)
then needs no second transaction. Relations that are not one typed hop (several hops, a
property filter in the pattern) are left to the count query, and so is any node that the
same write also unlinked, or linked twice to the same node (a merge may have kept one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Final

from graph.model import Label, RelType
from graph.repositories.base import Relation
from graph.writes.operations import WriteOutcome, WrittenLink

_ONE_HOP: Final = re.compile(r"MATCH \(o\)(<?)-\[r:([A-Z_]+)\]-(>?)\(m(?::([A-Za-z]+))?\)")

Counted = Callable[[str], int | None]
"""An owner's count when it is known without a query, else None."""


@dataclass(frozen=True, slots=True)
class Hop:
    rel_type: RelType
    outgoing: bool
    far: Label | None
    """The label the pattern requires at the far end (None: any node)."""


@cache
def one_hop(pattern: str) -> Hop | None:
    """The hop a relation's pattern is, when it is exactly one typed, directed relationship."""
    match = _ONE_HOP.fullmatch(pattern.strip())
    if match is None:
        return None
    into, rel_type, out, far = match.groups()
    if bool(into) == bool(out):
        return None
    return Hop(RelType(rel_type), bool(out), Label(far) if far else None)


class WrittenCounts:
    """What one committed write tells about the relationships of the nodes it created."""

    def __init__(self, outcome: WriteOutcome) -> None:
        unlinked = {end for link in outcome.unlinked for end in (link.start, link.end)}
        self._labels: dict[str, str] = {
            change.entity: change.label
            for change in outcome.changes
            if change.operation == "create"
            and change.entity in outcome.nodes
            and change.entity not in unlinked
        }
        self._links: dict[str, list[WrittenLink]] = {ident: [] for ident in self._labels}
        for link in outcome.links:
            for end in {link.start, link.end}:
                if end in self._links:
                    self._links[end].append(link)

    def counter(self, relation: Relation, role: str | None) -> Counted | None:
        """Counts along `relation` (kept to `role`), or None when no created node can have one."""
        hop = one_hop(relation.pattern)
        if hop is None or relation.owner.value not in self._labels.values():
            return None

        def counted(owner: str) -> int | None:
            if self._labels.get(owner) != relation.owner.value:
                return None
            return _count(self._links[owner], owner, hop, role)

        return counted


def _count(links: list[WrittenLink], owner: str, hop: Hop, role: str | None) -> int | None:
    fitting = [
        link
        for link in links
        if link.rel_type is hop.rel_type
        and (link.start if hop.outgoing else link.end) == owner
        and (hop.far is None or (link.end_label if hop.outgoing else link.start_label) is hop.far)
    ]
    if len({(link.start, link.end) for link in fitting}) < len(fitting):
        return None
    return sum(1 for link in fitting if role is None or link.relationship.role == role)
