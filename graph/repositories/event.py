"""Events: workshops, trainings of trainers, roll-out sessions, meetings, conferences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final, LiteralString

from graph.model import Label
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import (
    COMMON_FILTERS,
    M_NAME,
    M_PUBLISHED,
    M_START,
    NAME_KEY,
    NO_REL,
    Repository,
    date_filters,
    int_filters,
    mentioned_in,
    related_filters,
    value_filters,
)

EVENTS: Final = ListSpec(
    label=Label.EVENT,
    match="MATCH (n:Event)",
    filters={
        **COMMON_FILTERS,
        **value_filters("kind", "n.kind"),
        **value_filters("status", "n.status"),
        **int_filters("startYear", "n.startYear"),
        **int_filters("participantCount", "n.participantCount"),
        **date_filters("start", "n.start"),
        **related_filters("country", "(n)-[:HELD_IN]->()-[:IN*0..3]->(x:Country)"),
        **related_filters("place", "(n)-[:HELD_IN]->()-[:IN*0..3]->(x:Place)"),
        **related_filters("programme", "(n)-[:PART_OF*1..3]->(x:Programme)"),
        **related_filters("topic", "(n)-[:ABOUT]->(x:Topic)"),
        **related_filters("participant", "(n)<-[:TOOK_PART]-(x)"),
        **related_filters("organiser", "(n)<-[:TOOK_PART {role: 'organiser'}]-(x)"),
        **related_filters("cascadesFrom", "(n)-[:CASCADES_FROM]->(x:Event)"),
    },
    orders={
        "name": NAME_KEY,
        "start": "coalesce(n.start, '')",
        "participantCount": "coalesce(n.participantCount, -1)",
        "participantsCount": "COUNT { (n)<-[:TOOK_PART]-() }",
    },
    facets={
        "year": "WITH n, null AS g, n.startYear AS v",
        "kind": "WITH n, null AS g, n.kind AS v",
        "status": "WITH n, null AS g, n.status AS v",
        "country": "OPTIONAL MATCH (n)-[:HELD_IN]->()-[:IN*0..3]->(g:Country) "
        "WITH DISTINCT n, g, null AS v",
        "programme": "OPTIONAL MATCH (n)-[:PART_OF]->(g:Programme) WITH n, g, null AS v",
        "topic": "OPTIONAL MATCH (n)-[:ABOUT]->(g:Topic) WITH n, g, null AS v",
    },
)

ROLE_THEN_NAME: Final[LiteralString] = "coalesce(r.role, '') + '|' + toLower(coalesce(m.name, ''))"


class EventRepository(Repository):
    spec = EVENTS
    relations: ClassVar[Mapping[str, Relation]] = {
        "participants": Relation(
            "Event.participants",
            Label.EVENT,
            "MATCH (o)<-[r:TOOK_PART]-(m)",
            ROLE_THEN_NAME,
            by_role=True,
        ),
        "organisers": Relation(
            "Event.organisers",
            Label.EVENT,
            "MATCH (o)<-[r:TOOK_PART {role: 'organiser'}]-(m)",
            M_NAME,
        ),
        "place": Relation("Event.place", Label.EVENT, "MATCH (o)-[r:HELD_IN]->(m:Place)", M_NAME),
        "country": Relation(
            "Event.country",
            Label.EVENT,
            "MATCH (o)-[:HELD_IN]->()-[:IN*0..3]->(m:Country)" + NO_REL,
            M_NAME,
        ),
        "programme": Relation(
            "Event.programme", Label.EVENT, "MATCH (o)-[r:PART_OF]->(m:Programme)", M_NAME
        ),
        "topics": Relation("Event.topics", Label.EVENT, "MATCH (o)-[r:ABOUT]->(m:Topic)", M_NAME),
        "cascadesFrom": Relation(
            "Event.cascadesFrom", Label.EVENT, "MATCH (o)-[r:CASCADES_FROM]->(m:Event)", M_START
        ),
        "cascades": Relation(
            "Event.cascades", Label.EVENT, "MATCH (o)<-[r:CASCADES_FROM]-(m:Event)", M_START
        ),
        "funders": Relation(
            "Event.funders", Label.EVENT, "MATCH (o)-[r:FUNDED_BY]->(m:Agency)", M_NAME
        ),
        "implementers": Relation(
            "Event.implementers", Label.EVENT, "MATCH (o)-[r:IMPLEMENTED_BY]->(m:Agency)", M_NAME
        ),
        "describedBy": Relation(
            "Event.describedBy", Label.EVENT, "MATCH (o)<-[r:DESCRIBES]-(m:Resource)", M_PUBLISHED
        ),
        "mentionedIn": mentioned_in(Label.EVENT),
    }
