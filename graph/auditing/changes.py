"""What an audit entry means to subscribers: which nodes changed, and which of their fields.

A link or unlink changes both of its ends, so such an entry is a change of the start node
(an outgoing link) and of the end node (an incoming one). Field names are the properties'
without their language suffix (`name_en` -> `name`) and without provenance bookkeeping; the
values themselves never travel: subscribers ask the graph for what they may see.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from graph.auditing.sequence import NumberedEntry
from graph.auditing.trail import AuditEntry
from graph.model import ALLOWED_LINKS, LABEL_NAMED, Label, RelType

BOOKKEEPING: Final = frozenset({"id", "key", "source", "writtenAt", "writtenBy", "nameKeys"})
LANGUAGE_SUFFIXES: Final = ("_en", "_ru", "_az", "_tg")


@dataclass(frozen=True, slots=True)
class LinkChange:
    rel_type: str
    outgoing: bool
    """True when the changed node is the link's start."""
    other: str
    other_label: Label


@dataclass(frozen=True, slots=True)
class EntityChangeRecord:
    sequence: int
    label: Label
    entity: str
    operation: str
    fields: tuple[str, ...]
    link: LinkChange | None
    entry: AuditEntry


def entity_changes(numbered: NumberedEntry) -> list[EntityChangeRecord]:
    """The changes an entry stands for: one per end of a link, one for anything else."""
    entry = numbered.entry
    start = LABEL_NAMED.get(entry.label)
    if entry.target is None or entry.rel_type is None:
        if start is None:
            return []
        fields = changed_fields(_loads(entry.before), _loads(entry.after))
        return [
            EntityChangeRecord(
                numbered.sequence, start, entry.entity, entry.operation, fields, None, entry
            )
        ]
    end = numbered.target_label or _only_end_label(entry.rel_type)
    changes = []
    if start is not None and end is not None:
        outgoing = LinkChange(entry.rel_type, True, entry.target, end)
        incoming = LinkChange(entry.rel_type, False, entry.entity, start)
        for label, ident, link in (
            (start, entry.entity, outgoing),
            (end, entry.target, incoming),
        ):
            changes.append(
                EntityChangeRecord(
                    numbered.sequence, label, ident, entry.operation, (), link, entry
                )
            )
    return changes


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[str, ...]:
    """Fields whose value differs (all of them for a creation or a deletion), sorted."""
    names = {
        _field(name)
        for name in before.keys() | after.keys()
        if name not in BOOKKEEPING and before.get(name) != after.get(name)
    }
    return tuple(sorted(names))


def _field(name: str) -> str:
    for suffix in LANGUAGE_SUFFIXES:
        if name.endswith(suffix):
            return name.removesuffix(suffix)
    return name


def _loads(summary: str | None) -> Mapping[str, Any]:
    if not summary:
        return {}
    value = json.loads(summary)
    return value if isinstance(value, dict) else {}


def _only_end_label(rel_type: str) -> Label | None:
    """The end label a relationship type allows, when it allows one (its end was deleted)."""
    try:
        ends = ALLOWED_LINKS[RelType(rel_type)][1]
    except (ValueError, KeyError):
        return None
    return next(iter(ends)) if len(ends) == 1 else None
