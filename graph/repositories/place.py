"""Places: cities, districts, venues and communities, each `IN` a larger place or country."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final

from graph.model import Label
from graph.model import RelType as T
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import Repository
from graph.repositories.links import (
    AGENCIES_BASED_HERE,
    EVENTS_HELD_HERE,
    Links,
    into,
    out,
    reach,
    value_facet,
)

LINKS: Final = Links(
    Label.PLACE,
    {
        "country": reach("-[:IN*1..3]->"),
        "parent": out(T.IN),
        "places": into(T.IN),
        "events": EVENTS_HELD_HERE,
        "agencies": AGENCIES_BASED_HERE,
    },
)

PLACES: Final = ListSpec(
    label=Label.PLACE,
    filters=LINKS.filters(),
    orders=LINKS.orders("events"),
    facets={"kind": value_facet("kind"), "country": LINKS.facet("country")},
)


class PlaceRepository(Repository):
    spec = PLACES
    relations: ClassVar[Mapping[str, Relation]] = LINKS.relations()
