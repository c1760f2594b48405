"""Per-request DataLoaders: every resolver asking for the same kind of data shares one query.

A list of 100 experts asks for each expert's agencies 100 times; the loader collects those
ids during one tick of the event loop and answers them with a single Cypher statement. One
loader exists per (label, relationship field, page arguments, role) because the page asked
for is part of the query; they live in `info.context.loaders` and die with the request.
"""

from __future__ import annotations

from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from graph.database.cypher import Cypher
from graph.model import Label
from graph.repositories.base import nodes_by_id
from graph.repositories.pages import Page
from graph.repositories.paging import PageRequest
from graph.repositories.records import NodeRecord
from graph.repositories.registry import REPOSITORIES
from graph.repositories.written import WrittenCounts
from graph.writes.operations import WriteOutcome
from graph.writes.ownership import current_experts
from schema.context import Info

NodeRef = tuple[Label, str]
RelationKey = tuple[Label, str, PageRequest, str | None]
CountKey = tuple[Label, str, str | None]


class Loaders:
    def __init__(self, cypher: Cypher, written: WrittenCounts | None = None) -> None:
        self._cypher = cypher
        self._written = written
        self.nodes: DataLoader[NodeRef, NodeRecord | None] = DataLoader(load_fn=self._load_nodes)
        self._relations: dict[RelationKey, DataLoader[str, Page]] = {}
        self._counts: dict[CountKey, DataLoader[str, int]] = {}
        self._staff: dict[str, DataLoader[str, bool]] = {}

    async def _load_nodes(self, refs: Sequence[NodeRef]) -> list[NodeRecord | None]:
        found = await nodes_by_id(self._cypher, refs)
        return [found.get(ref) for ref in refs]

    def relation(
        self, label: Label, field: str, request: PageRequest, role: str | None = None
    ) -> DataLoader[str, Page]:
        key = (label, field, request, role)
        loader = self._relations.get(key)
        if loader is None:
            repository = REPOSITORIES[label](self._cypher)

            async def load(owners: Sequence[str]) -> list[Page]:
                pages = await repository.related(field, owners, request, role=role)
                return [pages[owner] for owner in owners]

            loader = DataLoader(load_fn=load)
            self._relations[key] = loader
        return loader

    def works_for(self, agency: str) -> DataLoader[str, bool]:
        """Whether each expert id works for `agency` now (graph/writes/ownership.py), one read."""
        loader = self._staff.get(agency)
        if loader is None:

            async def load(experts: Sequence[str]) -> list[bool]:
                current = await current_experts(self._cypher, agency, experts)
                return [expert in current for expert in experts]

            loader = DataLoader(load_fn=load)
            self._staff[agency] = loader
        return loader

    def count(self, label: Label, field: str, role: str | None = None) -> DataLoader[str, int]:
        """Item counts of a relationship per owner: paging does not change a total."""
        key = (label, field, role)
        loader = self._counts.get(key)
        if loader is None:
            repository = REPOSITORIES[label](self._cypher)

            async def load(owners: Sequence[str]) -> list[int]:
                totals = await repository.related_counts(
                    field, owners, role=role, written=self._written
                )
                return [totals[owner] for owner in owners]

            loader = DataLoader(load_fn=load)
            self._counts[key] = loader
        return loader


def after_write(info: Info, outcome: WriteOutcome) -> None:
    """Start this request's reads afresh after a committed write, knowing what it created.

    Whatever the loaders remembered may have changed (a second mutation in one document
    reads what the first one left), and the counts of the nodes the write created are known
    from its links without another transaction.
    """
    info.context.loaders.clear()
    info.context.loaders["hub"] = Loaders(info.context.cypher, WrittenCounts(outcome))


def loaders(info: Info) -> Loaders:
    """This request's loaders, created on first use."""
    return info.context.per_request("hub", Loaders, lambda: Loaders(info.context.cypher))
