"""Topics: subjects of expertise, training and documents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final

from graph.model import Label
from graph.model import RelType as T
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import M_PUBLISHED, M_START, Repository
from graph.repositories.links import Links, into

LINKS: Final = Links(
    Label.TOPIC,
    {
        "experts": into(T.ABOUT),
        "events": into(T.ABOUT, M_START),
        "programmes": into(T.ABOUT, M_START),
        "resources": into(T.ABOUT, M_PUBLISHED),
    },
)

TOPICS: Final = ListSpec(
    label=Label.TOPIC,
    filters=LINKS.filters(),
    orders=LINKS.orders("events", "experts", "resources"),
)


class TopicRepository(Repository):
    spec = TOPICS
    relations: ClassVar[Mapping[str, Relation]] = LINKS.relations()
