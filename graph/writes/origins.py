"""Where a stored text comes from: the source's own words, a translation, or editorial text.

A researcher citing the sources must be able to keep to text as a source wrote it, so every
multilingual text (`<field>_<lang>`) carries a mark in the node's `textOrigins` list, as
`"<field>_<lang>:<ORIGIN>"` entries (Neo4j stores no maps). Imports mark the document's
words SOURCE; texts written through the API are EDITORIAL; the seed loader marks each text
(seed/origins.py). A text without a mark (written before marks existed, or by the synthetic
generator) reads as EDITORIAL for summaries and bodies and SOURCE for names and titles.

Facts from background knowledge rather than a source (a place's country, an acronym, an
organisation's full name) carry the one `background` mark: on a node, the list of its
properties so stated (`background: ["acronym", "name_en"]`); on a relationship,
`background: true`. A text so stated is EDITORIAL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any, Final


class Origin(StrEnum):
    SOURCE = "SOURCE"
    TRANSLATION = "TRANSLATION"
    EDITORIAL = "EDITORIAL"


PROPERTY: Final = "textOrigins"
BACKGROUND: Final = "background"
WRITTEN_TEXTS: Final = frozenset({"summary", "body"})
"""Fields whose unmarked texts are our own words (summaries), not a source's."""
_NAMED: Final = {origin.value: origin for origin in Origin}


def default_origin(key: str) -> Origin:
    field = key.rpartition("_")[0]
    return Origin.EDITORIAL if field in WRITTEN_TEXTS else Origin.SOURCE


def read_marks(entries: Any) -> dict[str, Origin]:
    """`textOrigins` as a map from text key (`name_ru`) to its origin; bad entries skipped."""
    marks: dict[str, Origin] = {}
    if isinstance(entries, list | tuple):
        for entry in entries:
            if isinstance(entry, str):
                key, _, name = entry.partition(":")
                origin = _NAMED.get(name)
                if origin is not None:
                    marks[key] = origin
    return marks


def marks_property(marks: Mapping[str, Origin]) -> list[str]:
    """The stored `textOrigins` list, in key order (stable, so re-writes compare equal)."""
    return [f"{key}:{marks[key].value}" for key in sorted(marks)]


def marked(props: Mapping[str, Any], keys: Iterable[str], origin: Origin) -> list[str]:
    """`props`' marks with `keys` (texts just written) set to `origin`, marks of texts no
    longer present dropped."""
    marks = read_marks(props.get(PROPERTY))
    marks.update(dict.fromkeys(keys, origin))
    return marks_property({key: value for key, value in marks.items() if key in props})
