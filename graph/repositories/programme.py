"""Programmes, projects and their phases: who funds and implements them, where, with what."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final, LiteralString

from graph.model import Label
from graph.model import RelType as T
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import M_START, Repository
from graph.repositories.links import DESCRIBED_BY, Links, into, out, reach, value_facet, within

LEAD_FIRST: Final[LiteralString] = (
    "CASE WHEN r.lead THEN '0|' ELSE '1|' END + toLower(coalesce(m.name, ''))"
)

LINKS: Final = Links(
    Label.PROGRAMME,
    {
        "funders": out(T.FUNDED_BY),
        "implementers": out(T.IMPLEMENTED_BY, LEAD_FIRST),
        "countries": reach(within(T.COVERS)),
        "places": out(T.COVERS),
        "events": reach("-[:PART_OF*1..3]->", M_START, inward=True),
        "phases": into(T.PART_OF, "coalesce(m.phase, 0)"),
        "parent": out(T.PART_OF),
        "topics": out(T.ABOUT),
        "describedBy": DESCRIBED_BY,
    },
)

PROGRAMMES: Final = ListSpec(
    label=Label.PROGRAMME,
    filters=LINKS.filters(),
    orders=LINKS.orders(
        "events", start="coalesce(n.start, '')", budget="coalesce(n.budgetAmount, -1.0)"
    ),
    facets={
        "kind": value_facet("kind"),
        "country": LINKS.facet("countries"),
        "funder": LINKS.facet("funders"),
    },
)


class ProgrammeRepository(Repository):
    spec = PROGRAMMES
    relations: ClassVar[Mapping[str, Relation]] = LINKS.relations()
