"""A label's relations, related filters, counts and group-by keys, built from one table of links.

A repository states, per relation field, only what the declaration (graph/declarations) does not:
which relationship type leads there and in which direction (`out`, `into`), or the fixed path
of a multi-hop relation (`reach`), and how related items sort. The related label comes from the
declaration; the `where` conditions on declared fields and on related entities, the relations'
patterns, the `...Count` sort keys and the group-by keys are all joined here from the same link,
out of allow-listed `Label` and `RelType` names and constant pieces, never a request's values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, LiteralString

from graph.declarations import DECLARED
from graph.declarations.spec import FilterKind
from graph.model import Label, RelType
from graph.repositories.base import Relation
from graph.repositories.common import (
    COMMON_FILTERS,
    M_NAME,
    M_PUBLISHED,
    M_START,
    NAME_KEY,
    NO_REL,
    date_filters,
    int_filters,
    related_filters,
    value_filters,
)
from graph.repositories.filters import Fragment
from graph.repositories.paging import Direction


def _node(name: LiteralString, label: Label | None) -> LiteralString:
    return "(" + name + (":" + label.value if label is not None else "") + ")"


@dataclass(frozen=True, slots=True)
class Link:
    """How a relation field gets from its owner to the related nodes.

    `step` stands between the two nodes: one typed relationship (`-[<R>:WORKS_FOR]->`, `r`
    bound where <R> is) or a fixed multi-hop path (`once`: `r` is null and each related node
    counts once); `far_first` writes the related node first (a path walked backwards).
    """

    step: LiteralString
    key: LiteralString = M_NAME
    far_first: bool = False
    once: bool = False
    by_role: bool = False
    direction: Direction = Direction.ASC

    def path(
        self, owner: LiteralString, far: LiteralString, target: Label | None, rel: LiteralString
    ) -> LiteralString:
        step = self.step.replace("<R>", rel)
        if self.far_first:
            return _node(far, target) + step + "(" + owner + ")"
        return "(" + owner + ")" + step + _node(far, target)

    def relation_pattern(self, target: Label | None) -> LiteralString:
        if self.once:
            return "MATCH " + self.path("o", "m", target, "") + NO_REL
        return "MATCH " + self.path("o", "m", target, "r")

    def count(self, target: Label | None) -> LiteralString:
        if self.once:
            return "COUNT { MATCH " + self.path("n", "m", target, "") + " RETURN DISTINCT m }"
        return "COUNT { " + self.path("n", "", target, "") + " }"


def out(rel_type: RelType, key: LiteralString = M_NAME, *, by_role: bool = False) -> Link:
    """One relationship from the owner (`(o)-[r:TYPE]->(m)`)."""
    return Link("-[<R>:" + rel_type.value + "]->", key, by_role=by_role)


def into(
    rel_type: RelType,
    key: LiteralString = M_NAME,
    *,
    props: LiteralString = "",
    by_role: bool = False,
    direction: Direction = Direction.ASC,
) -> Link:
    """One relationship to the owner (`(o)<-[r:TYPE]-(m)`), with `props` to match if given."""
    step: LiteralString = "<-[<R>:" + rel_type.value + props + "]-"
    return Link(step, key, by_role=by_role, direction=direction)


def reach(via: LiteralString, key: LiteralString = M_NAME, *, inward: bool = False) -> Link:
    """A fixed multi-hop path `via`, from the owner (or, `inward`, to it)."""
    return Link(via, key, far_first=inward, once=True)


MENTIONED_IN: Final = into(RelType.MENTIONS, M_PUBLISHED, direction=Direction.DESC)
"""Every entity's `mentionedIn`: resources mentioning it, newest first."""


def within(rel_type: RelType) -> LiteralString:
    """`rel_type` to a place or country, or to one inside it (`IN` up to three times)."""
    return "-[:" + rel_type.value + "]->()-[:IN*0..3]->"


DESCRIBED_BY: Final = into(RelType.DESCRIBES, M_PUBLISHED)
"""Resources describing an event or programme, by publication date."""
EVENTS_HELD_HERE: Final = reach(within(RelType.HELD_IN), M_START, inward=True)
"""Events held in a country or place, or in a place inside it."""
AGENCIES_BASED_HERE: Final = reach(within(RelType.BASED_IN), inward=True)
"""Agencies based in a country or place, or in a place inside it."""

_FIELD_FILTERS: Final[dict[FilterKind, Callable[[str, LiteralString], dict[str, Fragment]]]] = {
    FilterKind.STRING: value_filters,
    FilterKind.INT: int_filters,
    FilterKind.DATE: date_filters,
}


class Links:
    """One label's links (relation field -> `Link`) and the targets its declaration names."""

    def __init__(self, owner: Label, links: Mapping[str, Link]) -> None:
        self.owner = owner
        self.targets = {relation.key: relation.target for relation in DECLARED[owner].relations}
        undeclared = set(links) - set(self.targets)
        if undeclared:
            raise ValueError(f"{owner} links {sorted(undeclared)} are not declared")
        self.links: dict[str, Link] = {"mentionedIn": MENTIONED_IN, **links}

    def relations(self) -> dict[str, Relation]:
        """Every declared relation field's `Relation`."""
        return {
            name: Relation(
                f"{self.owner}.{name}",
                self.owner,
                self.links[name].relation_pattern(self.targets[name]),
                self.links[name].key,
                self.links[name].direction,
                self.links[name].by_role,
            )
            for name in self.targets
        }

    def orders(self, *counted: str, **keys: LiteralString) -> dict[str, LiteralString]:
        """Sort keys: `name`, then `keys`, then `<relation>Count` for each relation `counted`."""
        counts = {name + "Count": self.count(name) for name in counted}
        return {"name": NAME_KEY, **keys, **counts}

    def count(self, name: str) -> LiteralString:
        """A sort key: how many nodes the relation `name` holds."""
        return self.links[name].count(self.targets[name])

    def facet(self, name: str) -> LiteralString:
        """A group-by key: the nodes `g` the relation `name` reaches."""
        link = self.links[name]
        path = link.path("n", "g", self.targets[name], "")
        once: LiteralString = "DISTINCT " if link.once else ""
        return "OPTIONAL MATCH " + path + " WITH " + once + "n, g, null AS v"

    def filters(self, given: Mapping[str, Fragment] | None = None) -> dict[str, Fragment]:
        """The fragments of every declared `where` condition: on a declared field, or on a
        related entity reached as the relation of the same name (or its plural) is; `given`
        states the ones that cannot be derived."""
        given = dict(given or {})
        fragments = {**COMMON_FILTERS, **given}
        for declared in DECLARED[self.owner].filters:
            key = declared.key
            if any(found.startswith(key + ".") for found in given):
                continue
            if declared.kind in _FIELD_FILTERS:
                fragments.update(_FIELD_FILTERS[declared.kind](key, _property(key)))
                continue
            plurals = (key, key + "s", key.removesuffix("y") + "ies")
            name = next((name for name in plurals if name in self.links), "")
            if declared.kind is not FilterKind.RELATED or not name:
                raise ValueError(f"{self.owner} filter {key!r} needs its fragments given")
            path = self.links[name].path("n", "x", self.targets[name], "")
            fragments.update(related_filters(key, path))
        return fragments


def _property(key: str) -> LiteralString:
    """`n.<key>` for a declared field's key (declaration constants, never a request's text)."""
    return "n." + key


def value_facet(key: LiteralString) -> LiteralString:
    """A group-by key: the value of the plain property `key`."""
    return "WITH n, null AS g, n." + key + " AS v"


def list_facet(key: LiteralString) -> LiteralString:
    """A group-by key: each value of the list property `key` (null for an empty list)."""
    return (
        "UNWIND CASE WHEN size(coalesce(n." + key + ", [])) = 0 THEN [null] "
        "ELSE n." + key + " END AS v WITH n, null AS g, v"
    )
