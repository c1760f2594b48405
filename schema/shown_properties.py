"""Which stored properties a node's GraphQL fields show, so a read can project only those.

Compiled pages (`schema/fetch_tree.py`) and search hits ask Neo4j for the properties the
selection shows instead of every property: a list page's event then carries 7 of its 23
properties and a search hit its names, not its article bodies. The names returned are the
ones `graph.repositories.properties.node_properties(..., reads=...)` takes.
"""

from __future__ import annotations

from typing import Final

from graph.model import MULTILINGUAL_FIELDS, Label
from graph.repositories.properties import COMMON_FIELDS, NARROWABLE
from schema.types.node_interface import DISPLAY_NAME_TEXTS

WRITTEN_AT: Final = "writtenAt"
"""Read through its own flag (`written_at`), as ISO text."""
FROM_ID: Final = frozenset({"__typename", "id", "slug"})
"""Node fields answered from the label and id every record has."""
NOTHING: Final[frozenset[str]] = frozenset()

_DISPLAY_NAME: Final[dict[Label | None, frozenset[str]]] = {
    None: frozenset(DISPLAY_NAME_TEXTS),
    **{
        label: frozenset(DISPLAY_NAME_TEXTS).intersection(MULTILINGUAL_FIELDS[label])
        for label in Label
    },
}
_INTERFACE_FIELDS: Final = frozenset(COMMON_FIELDS)


def field_reads(label: Label | None, name: str) -> frozenset[str] | None:
    """The properties field `name` of a node of `label` shows; None if it is no plain property.

    `label` None means the field is asked on the `Node` interface (any label). Own fields read
    the property of the same name (`Event.start` reads `start`), as the types' resolvers do;
    None tells the caller the field may read anything (or is a relationship).
    """
    if name in FROM_ID or name == WRITTEN_AT:
        return NOTHING
    if name == "name":
        return _DISPLAY_NAME[label]
    known = _INTERFACE_FIELDS if label is None else NARROWABLE[label]
    return frozenset((name,)) if name in known else None
