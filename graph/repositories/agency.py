"""Agencies: state services, international organisations, NGOs, donors, colleges..."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final

from graph.model import Label
from graph.model import RelType as T
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import M_START, Repository, related_filters
from graph.repositories.links import Links, into, out, reach, value_facet, within

PROGRAMMES: Final = reach("<-[:FUNDED_BY|IMPLEMENTED_BY]-")
"""Programmes the agency funds or implements (a `where` condition and a sort key, no field)."""

LINKS: Final = Links(
    Label.AGENCY,
    {
        "experts": into(T.WORKS_FOR),
        "events": out(T.TOOK_PART, M_START, by_role=True),
        "country": reach(within(T.BASED_IN)),
        "place": out(T.BASED_IN),
        "parent": out(T.PART_OF),
        "units": into(T.PART_OF),
        "fundedProgrammes": into(T.FUNDED_BY, M_START),
        "implementedProgrammes": into(T.IMPLEMENTED_BY, M_START),
    },
)

AGENCIES: Final = ListSpec(
    label=Label.AGENCY,
    filters=LINKS.filters(
        related_filters("programme", PROGRAMMES.path("n", "x", Label.PROGRAMME, ""))
    ),
    orders={
        **LINKS.orders("events", "experts"),
        "programmesCount": PROGRAMMES.count(Label.PROGRAMME),
    },
    facets={"kind": value_facet("kind"), "country": LINKS.facet("country")},
)


class AgencyRepository(Repository):
    spec = AGENCIES
    relations: ClassVar[Mapping[str, Relation]] = LINKS.relations()
