"""The shape of an entity declaration: the one place an entity's fields, relations and `where`
conditions are stated.

Everything else is derived from it, the way @neo4j/graphql derives a schema from type
definitions: the record (`graph/repositories/records.py`), what a write accepts and how it checks
each value (`graph/writes/fields.py`), the search snippet's names (`graph/text/snippets.py`), and in
`schema/` the GraphQL type, its create and update inputs and its `where` input. (The list's sort
keys and group-by keys are the repository's `ListSpec`, next to their Cypher; `schema/` derives the
`orderBy` and `groupBy` enums from it.)
The declaration holds data only (no Strawberry, no Cypher), so `graph/` can read it and
`schema/` can build types from it without the dependency pointing the wrong way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from graph.model import Label

Reader = Callable[[str, Any], Any]
"""Checks and normalises one written value (`graph/writes/values.py`); raises on bad input."""


Scalar = Enum("Scalar", "TEXT INT NUMBER FLAG TEXTS")
"""What a plain field holds, as GraphQL and the record see it."""

Edge = Enum("Edge", "ONE PLAIN MEMBERSHIP PARTICIPATION FUNDING IMPLEMENTATION")
"""How a relation field pages its related nodes, and which edge properties it shows."""

FilterKind = Enum("FilterKind", "ID SLUG TEXT STRING LIST CONTAINS INT DATE RELATED")
"""How a `where` condition is checked and which graph filter keys it feeds."""


def snake(key: str) -> str:
    """The record and Python name of a stored property (`startYear` -> `start_year`)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()


@dataclass(frozen=True, slots=True)
class Keyed:
    """A declared property or relation: `key` as the graph and GraphQL spell it (`startYear`),
    `name` as records and Python do (`start_year`)."""

    key: str

    @property
    def name(self) -> str:
        return snake(self.key)


@dataclass(frozen=True, slots=True)
class Field(Keyed):
    """A plain (one-language) property: stored as `key`, shown and written under its name."""

    scalar: Scalar
    doc: str | None = None
    write: Reader | None = None
    """How a write checks the value; None for values the graph derives (`startYear`)."""
    shown: bool = True
    """On the read type (False: kept for a composite field, as a programme's budget is)."""
    read: bool = True
    """Read into the record; False for write-only fields (an agency's aliases feed its names)."""
    personal: bool = False
    """Personal contact data: only partners, editors and admins may read it."""
    required: bool = False
    """A create must give it (it comes right after the display name in the create input)."""
    choices: str | None = None
    """The closed vocabulary a write takes it from (a GraphQL enum name in `schema/`)."""
    input_scalar: Scalar | None = None
    """What the inputs take when it differs from what is shown (an amount as decimal text)."""
    input_doc: str | None = None
    snippet: bool = False
    """A name a search hit may have matched in, so its snippet may come from it."""


@dataclass(frozen=True, slots=True)
class Text:
    """A multilingual field shown on the type with a `lang` argument (besides `Node.name`)."""

    key: str
    doc: str | None = None


@dataclass(frozen=True, slots=True)
class Relation(Keyed):
    """A relation field; `key` names the repository's relation (`graph/repositories/*`)."""

    edge: Edge
    target: Label | None
    """The related nodes' label; None when they may be of any label (`Node`)."""
    doc: str | None = None
    by_role: bool = False
    """Takes a `role` argument (participations)."""


@dataclass(frozen=True, slots=True)
class Filter:
    """One condition of the `where` input; `key` is the graph filter key it feeds."""

    name: str
    kind: FilterKind
    key: str
    labels: frozenset[Label] | None = None
    """Labels an ID (or a related entity's ID) must have; None: any."""
    doc: str | None = None


def related(name: str, *labels: Label, key: str | None = None, doc: str | None = None) -> Filter:
    """A condition met when some related entity (of `labels`; any when none) matches."""
    return Filter(name, FilterKind.RELATED, key or name, frozenset(labels) or None, doc)


def on(kind: FilterKind, *keys: str) -> tuple[Filter, ...]:
    """Conditions on the entity's own properties `keys`, each named as its field (`start_year`)."""
    return tuple(Filter(snake(key), kind, key) for key in keys)


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity type, declared once."""

    label: Label
    plural: str
    """The root list's name (`experts`); `<plural>GroupBy` counts it."""
    doc: str
    fields: tuple[Field, ...]
    relations: tuple[Relation, ...] = ()
    texts: tuple[Text, ...] = ()
    filters: tuple[Filter, ...] = ()
    """Beyond the common id, slug, name (and lang) conditions."""
    list_doc: str | None = None
    group_doc: str | None = None
    where_doc: str = ""
    name_doc: str | None = None
    """How the `name` condition reads for this entity (events: "The title.")."""
    langs_filter: bool = True
    input_order: tuple[str, ...] = ()
    """Written fields in the order the inputs list them, where that is not the read order
    (kept for the exported schema's stability); fields not listed follow, in declared order."""

    @property
    def name(self) -> str:
        return self.label.value

    def written(self) -> tuple[Field, ...]:
        """Fields a write may set, in input order."""
        fields = [field for field in self.fields if field.write is not None]
        if self.input_order:
            order = {key: index for index, key in enumerate(self.input_order)}
            fields.sort(key=lambda field: order.get(field.key, len(order)))
        return tuple(fields)
