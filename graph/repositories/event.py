"""Events: workshops, trainings of trainers, roll-out sessions, meetings, conferences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final, LiteralString

from graph.model import Label
from graph.model import RelType as T
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import M_START, Repository, related_filters
from graph.repositories.links import DESCRIBED_BY, Links, into, out, reach, value_facet, within

ROLE_THEN_NAME: Final[LiteralString] = "coalesce(r.role, '') + '|' + toLower(coalesce(m.name, ''))"

LINKS: Final = Links(
    Label.EVENT,
    {
        "participants": into(T.TOOK_PART, ROLE_THEN_NAME, by_role=True),
        "organisers": into(T.TOOK_PART, props=" {role: 'organiser'}"),
        "place": out(T.HELD_IN),
        "country": reach(within(T.HELD_IN)),
        "programme": out(T.PART_OF),
        "topics": out(T.ABOUT),
        "cascadesFrom": out(T.CASCADES_FROM, M_START),
        "cascades": into(T.CASCADES_FROM, M_START),
        "funders": out(T.FUNDED_BY),
        "implementers": out(T.IMPLEMENTED_BY),
        "describedBy": DESCRIBED_BY,
    },
)

EVENTS: Final = ListSpec(
    label=Label.EVENT,
    filters=LINKS.filters(
        {
            **related_filters("place", "(n)" + within(T.HELD_IN) + "(x:Place)"),
            **related_filters("programme", "(n)-[:PART_OF*1..3]->(x:Programme)"),
        }
    ),
    orders=LINKS.orders(
        "participants",
        start="coalesce(n.start, '')",
        participantCount="coalesce(n.participantCount, -1)",
    ),
    facets={
        "year": value_facet("startYear"),
        "kind": value_facet("kind"),
        "status": value_facet("status"),
        "country": LINKS.facet("country"),
        "programme": LINKS.facet("programme"),
        "topic": LINKS.facet("topics"),
    },
)


class EventRepository(Repository):
    spec = EVENTS
    relations: ClassVar[Mapping[str, Relation]] = LINKS.relations()
