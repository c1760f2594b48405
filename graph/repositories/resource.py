"""Resources: news, blog entries, curricula, reports; what they describe and mention."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final

from graph.model import Label
from graph.model import RelType as T
from graph.repositories.base import ListSpec, Relation
from graph.repositories.common import Repository
from graph.repositories.links import Links, list_facet, out, value_facet

LINKS: Final = Links(
    Label.RESOURCE,
    {"describes": out(T.DESCRIBES), "mentions": out(T.MENTIONS), "topics": out(T.ABOUT)},
)

RESOURCES: Final = ListSpec(
    label=Label.RESOURCE,
    filters=LINKS.filters(),
    orders=LINKS.orders(published="coalesce(n.published, '')"),
    facets={
        "kind": value_facet("kind"),
        "year": value_facet("publishedYear"),
        "lang": list_facet("langs"),
    },
)


class ResourceRepository(Repository):
    spec = RESOURCES
    relations: ClassVar[Mapping[str, Relation]] = LINKS.relations()
