"""The properties `node_record` and `relationship_record` read, as Cypher list projections.

Compiled pages project exactly these keys instead of `{.*}`/`properties(r)`: stray properties
never travel, and `writtenAt` (a DateTime the driver converts through pytz, one per node) is
only read when a query selects it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from typing import Any, Final, LiteralString

import msgspec

from graph.model import MULTILINGUAL_FIELDS, Label
from graph.repositories.records import OWN_PROPERTIES, NodeReader, node_reader

_ALWAYS: Final[tuple[LiteralString, ...]] = ("id", "name")
"""Every record is built from these: its id and its display name's fallback."""

COMMON_FIELDS: Final[tuple[LiteralString, ...]] = ("langs", "source", "note", "background")
"""Common properties read only when a query shows the field of the same name."""

_OWN: Final[dict[Label, tuple[LiteralString, ...]]] = {
    label: tuple(key for key, _ in own) for label, own in OWN_PROPERTIES.items()
}

_TEXTS: Final[dict[str, tuple[LiteralString, ...]]] = {
    "name": ("name_en", "name_ru", "name_az", "name_tg", "textOrigins"),
    "title": ("title_en", "title_ru", "title_az", "title_tg", "textOrigins"),
    "summary": ("summary_en", "summary_ru", "summary_az", "summary_tg", "textOrigins"),
    "body": ("body_en", "body_ru", "body_az", "body_tg", "textOrigins"),
}
"""`<field>_<lang>` keys for every language, written out so projections stay constant text,
and the texts' origin marks (graph/writes/origins.py)."""

RELATIONSHIP_PROPERTIES: Final[tuple[LiteralString, ...]] = (
    *("role", "since", "until", "rank", "count", "note", "amount", "currency", "period"),
    *("text", "lead", "source", "background"),
)


NARROWABLE: Final[dict[Label, frozenset[str]]] = {
    label: frozenset(MULTILINGUAL_FIELDS[label]) | frozenset(_OWN[label]) | frozenset(COMMON_FIELDS)
    for label in Label
}
"""What `node_properties(..., reads=...)` can leave out per label: its multilingual fields
(by field name), its own properties and `langs`/`source`/`note`; id and name are always
read."""


def node_properties(
    labels: Iterable[Label], reads: Collection[str] | None = None
) -> tuple[LiteralString, ...]:
    """Every property a record of any of `labels` reads, in a stable order, once each.

    `reads` narrows that to what a query shows: the record's own properties by name
    (`start`), multilingual fields by field name (`title` reads `title_en`...) and `langs`,
    `source`, `note`. The id and plain name come always, because every record is built from
    them (its display name's fallback). A list page showing an event's title and start date
    then carries 7 of an event's 23 properties; None reads them all.
    """
    keys: dict[LiteralString, None] = dict.fromkeys(_ALWAYS)
    keys.update(dict.fromkeys(key for key in COMMON_FIELDS if reads is None or key in reads))
    for label in sorted(set(labels)):
        for field in MULTILINGUAL_FIELDS[label]:
            if reads is None or field in reads:
                keys.update(dict.fromkeys(_TEXTS[field]))
        keys.update(dict.fromkeys(key for key in _OWN[label] if reads is None or key in reads))
    return tuple(keys)


class Projection(msgspec.Struct, frozen=True):
    """A list of allow-listed properties of one variable, and the keys its values stand for.

    Planned reads and search pages return nodes and relationships as lists of values
    (`[m.id, m.name, ...]`) rather than map projections: a list page of 50 events carried
    some 1,400 map keys, most of them beside a null, which the driver decoded one by one
    (0.35 ms of a page's 1.6 ms in the driver). The reader zips the values back with `keys`.
    """

    text: LiteralString
    keys: tuple[str, ...]

    def properties(self, values: Sequence[Any]) -> dict[str, Any]:
        """The property map the values stand for (absent properties as None)."""
        return dict(zip(self.keys, values, strict=True))

    def reader(self, label: Label) -> NodeReader:
        """What builds a `label` record straight from these values (no property map)."""
        return node_reader(label, self.keys)


def _values(
    variable: LiteralString, keys: tuple[LiteralString, ...], written_at: bool
) -> Projection:
    """`[variable.a, variable.b, ...]`, with `writtenAt` as ISO text last when asked for.

    The driver turns a DateTime into Python through pytz (a few hundred microseconds per
    value, half the CPU of a 200-node neighbourhood); `records._datetime` parses the text
    with `datetime.fromisoformat` instead, to the same value.
    """
    values = [variable + "." + key for key in keys]
    names: tuple[str, ...] = keys
    if written_at:
        values.append("toString(" + variable + ".writtenAt)")
        names = (*keys, "writtenAt")
    return Projection("[" + ", ".join(values) + "]", names)


@lru_cache(maxsize=512)
def node_values(
    variable: LiteralString,
    labels: frozenset[Label],
    *,
    written_at: bool,
    reads: frozenset[str] | None = None,
) -> Projection:
    """The properties a record of any of `labels` reads (narrowed by `reads`) as a list.

    Kept per selection: a process meets a handful of them, and every request compiles its
    plan's projections again.
    """
    return _values(variable, node_properties(labels, reads), written_at)


@lru_cache(maxsize=128)
def relationship_values(
    variable: LiteralString, *, written_at: bool, reads: frozenset[str] | None = None
) -> Projection:
    """The relationship properties an edge shows (`reads`; None: all of them) as a list.

    A detail page's 50 event edges show their `role`: the other eleven properties of each
    were decoded by the driver and read into its record for nothing.
    """
    keys = tuple(key for key in RELATIONSHIP_PROPERTIES if reads is None or key in reads)
    return _values(variable, keys, written_at)


def every_property(variable: LiteralString) -> LiteralString:
    """All stored properties of `variable`, `writtenAt` as ISO text.

    For mixed-label results (search hits) reading what the node has is cheaper than asking
    every label's keys of every node; extra keys are ignored by `node_record`.
    """
    return variable + " {.*, writtenAt: toString(" + variable + ".writtenAt)}"
