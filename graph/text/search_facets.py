"""Facet filters of a search: keep the hits that fall in chosen groups of the label's list
grouping (graph/repositories: country, agency, topic, year...).

A filter reuses the very `ListSpec.facets` fragment that `group_hits` counts with, so a
group's count and the hits its filter keeps are the same set by construction. Groups of one
facet combine with OR, different facets with AND. Facet names come from the label's
allow-list, keys travel as parameters (`$f0`, `$f1`... one list per facet).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final, LiteralString

from graph.errors import InvalidInputError
from graph.model import LABEL_NAMED, Label
from graph.repositories.registry import REPOSITORIES

FacetKeys = Mapping[str, Sequence[str | None]]
"""Per facet name, the groups chosen: a group entity's id, a value as text (a year, a
language), or None for the hits without any value."""

SLOTS: Final[tuple[LiteralString, ...]] = ("$f0", "$f1", "$f2", "$f3", "$f4", "$f5", "$f6")
"""Parameter names, one per facet: names are ours, keys are the user's."""
MAX_KEYS: Final = 100
"""Groups chosen at once: each is compared against every hit's groups."""

MEMBER: Final[LiteralString] = """EXISTS {
  WITH <NODE> AS n
  <GROUP>
  WITH g, v
  WHERE any(k IN <SLOT> WHERE coalesce(CASE WHEN k IS NULL THEN g IS NULL AND v IS NULL
    ELSE coalesce(g.id, toString(v)) = k END, false))
  RETURN 1
}"""
"""`<NODE>` falls in one of `<SLOT>`'s groups of the facet whose fragment is `<GROUP>`."""

_GROUP_LABEL: Final = re.compile(r"\(g:(\w+)\)")


def group_label(label: Label, facet: str) -> Label | None:
    """The label of `facet`'s group entities (Country, Topic...); None when it groups by a
    plain value (year, language). Refused when `label` has no such facet."""
    fragment = _fragment(label, facet)
    found = _GROUP_LABEL.search(fragment)
    return LABEL_NAMED.get(found.group(1)) if found else None


def facet_filter(
    label: Label, facets: FacetKeys, node: LiteralString
) -> tuple[LiteralString, dict[str, Any]]:
    """A Cypher condition over the variable `node` (a constant of `graph/`) keeping the hits
    in every chosen facet, and its parameters; `true` when nothing is chosen."""
    chosen = [(facet, list(keys)) for facet, keys in sorted(facets.items()) if keys]
    if len(chosen) > len(SLOTS):
        raise InvalidInputError(f"at most {len(SLOTS)} facets can be filtered at once")
    if sum(len(keys) for _, keys in chosen) > MAX_KEYS:
        raise InvalidInputError(f"at most {MAX_KEYS} facet groups can be chosen at once")
    condition: LiteralString = "true"
    parameters: dict[str, Any] = {}
    for slot, (facet, keys) in zip(SLOTS, chosen, strict=False):
        member = MEMBER.replace("<NODE>", node).replace("<GROUP>", _fragment(label, facet))
        condition = condition + " AND " + member.replace("<SLOT>", slot)
        parameters[slot[1:]] = keys
    return condition, parameters


def _fragment(label: Label, facet: str) -> LiteralString:
    fragment = REPOSITORIES[label].spec.facets.get(facet)
    if fragment is None:
        raise InvalidInputError(f"{label.value} hits cannot be filtered by {facet!r}")
    return fragment
