"""What the expensive questions cost, in the cost rule's unit: objects a query could touch.

A page costs its size; these cost what Neo4j or igraph must walk to answer them, which the
page size does not show. The figures are deliberately coarse (they must be known before any
Neo4j work, from the request alone) and tuned against `HUB_MAX_COST`'s default of 50 000:

- `path`: the search frontier grows with each hop, by about `TIE_BRANCHING` over real-world
  ties and `WEAK_BRANCHING` through topic tags and document links (a topic ties thousands).
  An 8-hop path over ties is allowed; through ABOUT/MENTIONS/DESCRIBES, 5 hops at most.
- `neighbourhood`: depth x limit x fan-out: `limit` nodes, each layer beyond the first
  looking at `LAYER_FANOUT` candidates per kept node, four times more through weak links.
- `centrality`, `communities` and projection exports: the projection's size, by kind; one
  request with many aliases, each a different period, pays for each projection.
- `search`: a wildcard or fuzzy term expands to many index terms, a leading wildcard or a
  regular expression scans the term dictionary.

Values the request leaves to variables count at their worst, and values beyond a field's
own caps count as nothing here: the resolver refuses them with a clearer `BAD_USER_INPUT`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Final

from graph.network.neighbourhood import MAX_DEPTH, MAX_LIMIT
from graph.network.paths import MAX_HOPS, WEAK_TYPES

WEAK: Final = frozenset(t.value for t in WEAK_TYPES)
TIE_BRANCHING: Final = 3
WEAK_BRANCHING: Final = 8
LAYER_FANOUT: Final = 8
WEAK_FACTOR: Final = 4

PROJECTION_SIZE: Final[dict[str, int]] = {
    "EXPERTS_BY_EVENTS": 20_000,
    "AGENCIES_BY_EVENTS": 5_000,
    "COUNTRIES_BY_PROGRAMMES": 2_000,
}
"""Objects a projection costs to read and compute, by kind (an unknown kind: the largest)."""
LARGEST_PROJECTION: Final = max(PROJECTION_SIZE.values())
CHEAP_RANKING: Final = 4
"""Degree rankings need no betweenness: a quarter of the projection's cost."""

WILDCARD_FACTOR: Final = 10
SCAN_FACTOR: Final = 50
_SCAN: Final = re.compile(r"(^|[\s(:+\-])[*?]|/")
"""A term starting with a wildcard, or a `/regular expression/`."""
_EXPANDING: Final = re.compile(r"[*?~]")


def path_cost(hops: int | None, via: Collection[str] | None) -> int:
    """`hops` None: a variable (the cap); `via` None: the default ties."""
    hops = MAX_HOPS if hops is None else hops
    if not 1 <= hops <= MAX_HOPS:
        return 0
    branching = WEAK_BRANCHING if via is not None and WEAK & set(via) else TIE_BRANCHING
    frontier: int = branching**hops
    return frontier


def neighbourhood_cost(
    depth: int | None, limit: int | None, relationships: Collection[str] | None
) -> int:
    """None for a variable; `relationships` None: every type, weak ones included."""
    depth = MAX_DEPTH if depth is None else depth
    limit = MAX_LIMIT if limit is None else limit
    if not (1 <= depth <= MAX_DEPTH and 1 <= limit <= MAX_LIMIT):
        return 0
    weak = relationships is None or bool(WEAK & set(relationships))
    layers: int = LAYER_FANOUT ** (depth - 1)
    return limit * layers * (WEAK_FACTOR if weak else 1)


def projection_cost(kind: str | None, *, cheap_ranking: bool = False) -> int:
    """`kind` as the enum's name (or value, any case); None for a variable."""
    size = PROJECTION_SIZE.get((kind or "").upper(), LARGEST_PROJECTION)
    return size // CHEAP_RANKING if cheap_ranking else size


def search_factor(text: str | None) -> int:
    """How many times a page of hits `text` costs; None for a variable."""
    if text is None or _SCAN.search(text):
        return SCAN_FACTOR
    return WILDCARD_FACTOR if _EXPANDING.search(text) else 1
