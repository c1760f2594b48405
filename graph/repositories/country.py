"""Countries: where agencies sit, events happen and programmes work."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final

from graph.model import Label
from graph.model import RelType as T
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import M_START, Repository
from graph.repositories.links import AGENCIES_BASED_HERE, EVENTS_HELD_HERE, Links, reach, within

LINKS: Final = Links(
    Label.COUNTRY,
    {
        "agencies": AGENCIES_BASED_HERE,
        "events": EVENTS_HELD_HERE,
        "programmes": reach(within(T.COVERS), M_START, inward=True),
        "places": reach("-[:IN*1..3]->", inward=True),
    },
)

COUNTRIES: Final = ListSpec(
    label=Label.COUNTRY,
    filters=LINKS.filters(),
    orders=LINKS.orders("events", "agencies", "programmes", iso2="coalesce(n.iso2, '')"),
)


class CountryRepository(Repository):
    spec = COUNTRIES
    relations: ClassVar[Mapping[str, Relation]] = LINKS.relations()
