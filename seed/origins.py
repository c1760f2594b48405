"""Origin marks for every text of the seed data (graph/writes/origins.py says what they mean).

The rule, from what the files already say: summaries and bodies are ours (EDITORIAL), and so
are topic names (the centre's own subject headings, not words a source uses as a name); a name
or title is the source's own (SOURCE) when it is in a language the record's source Resource
is written in (its `langs`), and a TRANSLATION otherwise. A record overrides the rule for a
text with `origin: {name.en: editorial}` (a name the source does not give), and states
facts from background knowledge with `background: [acronym, name.en]` on the record or
`background: true` on a link; a text so stated is EDITORIAL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Final

from graph.model import LANGUAGES, MULTILINGUAL_FIELDS, Label
from graph.writes.origins import BACKGROUND, WRITTEN_TEXTS, Origin, marks_property
from graph.writes.origins import PROPERTY as ORIGINS
from seed.fields import FieldError

if TYPE_CHECKING:
    from seed.record_nodes import SeedNode

OVERRIDES: Final = "origin"
_NAMED: Final = {origin.value.lower(): origin for origin in Origin}


def read_overrides(value: Any) -> list[str]:
    """`{name.en: editorial}` -> `["name_en:EDITORIAL"]` (kept in `textOrigins` until
    `mark_texts` completes the marks)."""
    if not isinstance(value, dict) or not value:
        raise FieldError("expected a map like {name.en: editorial}")
    entries = []
    for key, name in value.items():
        field, _, lang = str(key).partition(".")
        origin = _NAMED.get(str(name).lower())
        if lang not in LANGUAGES or origin is None:
            raise FieldError(
                f"{key}: {name} is not <field>.<lang>: source, translation or editorial"
            )
        entries.append(f"{field}_{lang}:{origin.value}")
    return entries


def read_background(value: Any) -> list[str]:
    """`[acronym, name.en]` -> the property names `["acronym", "name_en"]`."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
        raise FieldError("expected a list of field names, e.g. [acronym, name.en]")
    return [item.replace(".", "_") for item in items]


def mark_texts(nodes: Sequence[SeedNode]) -> list[SeedNode]:
    """Every node with a mark for each of its texts."""
    langs: Mapping[str, Sequence[str]] = {
        node.id: node.props.get("langs", []) for node in nodes if node.label is Label.RESOURCE
    }
    return [_marked(node, langs.get(node.props["source"], ())) for node in nodes]


def _marked(node: SeedNode, source_langs: Sequence[str]) -> SeedNode:
    stated = dict(entry.split(":", 1) for entry in node.props.get(ORIGINS, []))
    background = set(node.props.get(BACKGROUND, []))
    marks: dict[str, Origin] = {}
    for field in MULTILINGUAL_FIELDS[node.label]:
        for lang in LANGUAGES:
            key = f"{field}_{lang}"
            if key not in node.props:
                continue
            if key in stated:
                marks[key] = Origin(stated[key])
            elif field in WRITTEN_TEXTS or key in background or node.label is Label.TOPIC:
                marks[key] = Origin.EDITORIAL
            else:
                marks[key] = Origin.SOURCE if lang in source_langs else Origin.TRANSLATION
    props = {**node.props, ORIGINS: marks_property(marks)} if marks else dict(node.props)
    if not marks:
        props.pop(ORIGINS, None)
    return replace(node, props=props)
