"""Topics: subjects of expertise, training and documents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final

from graph.model import Label
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import (
    COMMON_FILTERS,
    M_NAME,
    M_PUBLISHED,
    M_START,
    NAME_KEY,
    Repository,
    mentioned_in,
)

TOPICS: Final = ListSpec(
    label=Label.TOPIC,
    match="MATCH (n:Topic)",
    filters=COMMON_FILTERS,
    orders={
        "name": NAME_KEY,
        "eventsCount": "COUNT { (n)<-[:ABOUT]-(:Event) }",
        "expertsCount": "COUNT { (n)<-[:ABOUT]-(:Expert) }",
        "resourcesCount": "COUNT { (n)<-[:ABOUT]-(:Resource) }",
    },
)


class TopicRepository(Repository):
    spec = TOPICS
    relations: ClassVar[Mapping[str, Relation]] = {
        "experts": Relation(
            "Topic.experts", Label.TOPIC, "MATCH (o)<-[r:ABOUT]-(m:Expert)", M_NAME
        ),
        "events": Relation("Topic.events", Label.TOPIC, "MATCH (o)<-[r:ABOUT]-(m:Event)", M_START),
        "programmes": Relation(
            "Topic.programmes", Label.TOPIC, "MATCH (o)<-[r:ABOUT]-(m:Programme)", M_START
        ),
        "resources": Relation(
            "Topic.resources", Label.TOPIC, "MATCH (o)<-[r:ABOUT]-(m:Resource)", M_PUBLISHED
        ),
        "mentionedIn": mentioned_in(Label.TOPIC),
    }
