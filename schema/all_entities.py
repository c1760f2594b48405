"""All entity types; importing this module registers the eight with
`schema.types.node_interface`."""

from __future__ import annotations

from typing import Final

from graph.model import Label
from schema.types.agency import Agency
from schema.types.country import Country
from schema.types.event import Event
from schema.types.expert import Expert
from schema.types.node_interface import EntityType, Node, entity
from schema.types.place import Place
from schema.types.programme import Programme
from schema.types.resource import Resource
from schema.types.topic import Topic

ENTITY_TYPES = (Expert, Agency, Country, Place, Programme, Event, Topic, Resource)

ENTITY_TYPE: Final[dict[Label, type[Node]]] = {
    Label(shown.__name__): shown for shown in ENTITY_TYPES
}
"""The GraphQL type of each label, for fields built per label (root lists, group-bys)."""

__all__ = [
    "ENTITY_TYPE",
    "ENTITY_TYPES",
    "Agency",
    "Country",
    "EntityType",
    "Event",
    "Expert",
    "Node",
    "Place",
    "Programme",
    "Resource",
    "Topic",
    "entity",
]
