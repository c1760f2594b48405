"""Per-request DataLoaders for the network fields that sit on entity types.

`Expert.collaborators`, `Agency.partners`, `Country.partners` and `Event.cascade` are asked
once per entity of a list; the loaders gather the ids of one tick and answer them with one
query each (one loader per kind and filter, as the filter is part of the query).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Final, Literal

from strawberry.dataloader import DataLoader

from graph.database.cypher import Cypher
from graph.errors import NotFoundError
from graph.model import Label
from graph.network.cascades import cascades_of
from graph.network.collaborators import collaborators_of
from graph.network.linkfilter import LinkFilter
from graph.network.partners import agency_partners_of, country_partners_of
from graph.network.results import Cascade, Link
from schema.context import Info

TieKind = Literal["collaborators", "agency_partners", "country_partners"]
Ties = tuple[Link, ...]
TIE_SUBJECTS: Final[dict[TieKind, Label]] = {
    "collaborators": Label.EXPERT,
    "agency_partners": Label.AGENCY,
    "country_partners": Label.COUNTRY,
}
"""The label of the node whose ties each kind lists."""


def _in_order(found: dict[str, Ties], ids: Sequence[str], kind: TieKind) -> list[Ties]:
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(TIE_SUBJECTS[kind].value, missing[0])
    return [found[i] for i in ids]


class NetworkLoaders:
    def __init__(self, cypher: Cypher) -> None:
        self._cypher = cypher
        self._ties: dict[tuple[TieKind, LinkFilter], DataLoader[str, Ties]] = {}
        self.cascades: DataLoader[str, Cascade] = DataLoader(load_fn=self._load_cascades)

    async def _load_cascades(self, ids: Sequence[str]) -> list[Cascade | BaseException]:
        found = await cascades_of(self._cypher, event_ids=ids)
        return [found.get(i) or NotFoundError("Event", i) for i in ids]

    def ties(self, kind: TieKind, where: LinkFilter) -> DataLoader[str, Ties]:
        key = (kind, where)
        loader = self._ties.get(key)
        if loader is None:
            fetch = self._fetcher(kind, where)

            async def load(ids: Sequence[str]) -> list[Ties]:
                return _in_order(await fetch(ids), ids, kind)

            loader = DataLoader(load_fn=load)
            self._ties[key] = loader
        return loader

    def _fetcher(
        self, kind: TieKind, where: LinkFilter
    ) -> Callable[[Sequence[str]], Awaitable[dict[str, Ties]]]:
        cypher = self._cypher
        if kind == "collaborators":
            return lambda ids: collaborators_of(cypher, expert_ids=ids, where=where)
        if kind == "agency_partners":
            return lambda ids: agency_partners_of(cypher, agency_ids=ids, where=where)
        return lambda ids: country_partners_of(cypher, country_ids=ids, where=where)


def network_loaders(info: Info) -> NetworkLoaders:
    """This request's network loaders, created on first use."""
    return info.context.per_request(
        "network", NetworkLoaders, lambda: NetworkLoaders(info.context.cypher)
    )
