"""The graph's vocabulary: the only labels, relationship types and languages Cypher may name.

Labels and relationship types cannot be query parameters in Cypher, so any code that has to
choose one at run time picks it from these allow-lists instead of pasting user text. A node
is named by its label and slug, a relationship by its type and ends (`NodeRef`, `LinkEnds`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, LiteralString


class Label(StrEnum):
    EXPERT = "Expert"
    AGENCY = "Agency"
    COUNTRY = "Country"
    PLACE = "Place"
    PROGRAMME = "Programme"
    EVENT = "Event"
    TOPIC = "Topic"
    RESOURCE = "Resource"


class RelType(StrEnum):
    WORKS_FOR = "WORKS_FOR"
    BASED_IN = "BASED_IN"
    TOOK_PART = "TOOK_PART"
    HELD_IN = "HELD_IN"
    IN = "IN"
    PART_OF = "PART_OF"
    FUNDED_BY = "FUNDED_BY"
    IMPLEMENTED_BY = "IMPLEMENTED_BY"
    COVERS = "COVERS"
    ABOUT = "ABOUT"
    CASCADES_FROM = "CASCADES_FROM"
    DESCRIBES = "DESCRIBES"
    MENTIONS = "MENTIONS"


LABEL_NAMED: Final[dict[str, Label]] = {label.value: label for label in Label}
"""Label by stored name: a dict look-up, where `Label(name)` goes through the enum machinery
(it showed in profiles of rows read by the thousand)."""

REL_TYPE_NAMED: Final[dict[str, RelType]] = {rel_type.value: rel_type for rel_type in RelType}


@dataclass(frozen=True, slots=True)
class NodeRef:
    """A node named apart from what it holds; write operations, seed records and the importer's
    mentions and contact updates extend it with what they add."""

    label: Label
    id: str


@dataclass(frozen=True, slots=True)
class LinkEnds:
    """A relationship named apart from what it holds: its type and the slugs of its ends, in the
    stored direction; link and unlink operations, written links and seed links extend it."""

    rel_type: RelType
    start: str
    end: str


LANGUAGES: Final = ("en", "ru", "az", "tg")
"""Languages the hub stores text in, in fallback order after the one asked for."""

MULTILINGUAL_FIELDS: Final[dict[Label, tuple[str, ...]]] = {
    Label.AGENCY: ("name",),
    Label.COUNTRY: ("name",),
    Label.PLACE: ("name",),
    Label.PROGRAMME: ("name",),
    Label.TOPIC: ("name",),
    Label.EVENT: ("title", "summary"),
    Label.RESOURCE: ("title", "body"),
    Label.EXPERT: (),
}
"""Fields stored once per language as `<field>_<lang>` properties (e.g. `name_ru`)."""

ALLOWED_LINKS: Final[dict[RelType, tuple[frozenset[Label], frozenset[Label]]]] = {
    RelType.WORKS_FOR: (frozenset({Label.EXPERT}), frozenset({Label.AGENCY, Label.PROGRAMME})),
    RelType.BASED_IN: (frozenset({Label.AGENCY}), frozenset({Label.COUNTRY, Label.PLACE})),
    RelType.TOOK_PART: (frozenset({Label.EXPERT, Label.AGENCY}), frozenset({Label.EVENT})),
    RelType.HELD_IN: (frozenset({Label.EVENT}), frozenset({Label.PLACE, Label.COUNTRY})),
    RelType.IN: (frozenset({Label.PLACE}), frozenset({Label.PLACE, Label.COUNTRY})),
    RelType.PART_OF: (
        frozenset({Label.EVENT, Label.PROGRAMME, Label.AGENCY}),
        frozenset({Label.PROGRAMME, Label.AGENCY}),
    ),
    RelType.FUNDED_BY: (frozenset({Label.PROGRAMME, Label.EVENT}), frozenset({Label.AGENCY})),
    RelType.IMPLEMENTED_BY: (frozenset({Label.PROGRAMME, Label.EVENT}), frozenset({Label.AGENCY})),
    RelType.COVERS: (frozenset({Label.PROGRAMME}), frozenset({Label.COUNTRY, Label.PLACE})),
    RelType.ABOUT: (
        frozenset({Label.EVENT, Label.RESOURCE, Label.EXPERT, Label.PROGRAMME}),
        frozenset({Label.TOPIC}),
    ),
    RelType.CASCADES_FROM: (frozenset({Label.EVENT}), frozenset({Label.EVENT})),
    RelType.DESCRIBES: (frozenset({Label.RESOURCE}), frozenset({Label.EVENT, Label.PROGRAMME})),
    RelType.MENTIONS: (frozenset({Label.RESOURCE}), frozenset(Label)),
}
"""Which labels each relationship type may join (start labels, end labels)."""


def label_disjunction(labels: Iterable[Label]) -> LiteralString:
    """`Agency|Programme`: labels for a Cypher pattern, in declaration order (stable across
    processes, so one statement text per choice)."""
    chosen = set(labels)
    return "|".join(label.value for label in Label if label in chosen)
