"""Group-by counts on the seed facts."""

from __future__ import annotations

from graph.model import Label
from graph.repositories.filters import Leaf
from graph.repositories.registry import REPOSITORIES
from tests.seeded import SeededGraph


async def test_experts_group_by_country_counts_the_unplaced_apart(seeded: SeededGraph) -> None:
    buckets = await REPOSITORIES[Label.EXPERT](seeded.cypher()).group_by(facet="country")
    counts = {bucket.node.id if bucket.node else None: bucket.count for bucket in buckets}
    assert counts["azerbaijan"] == 2
    assert sum(counts.values()) == 5


async def test_events_group_by_year_respects_the_filter(seeded: SeededGraph) -> None:
    repository = REPOSITORIES[Label.EVENT](seeded.cypher())
    buckets = await repository.group_by(facet="year", where=Leaf("kind.in", ["workshop"]))
    assert {(bucket.value, bucket.count) for bucket in buckets} == {(2019, 1), (None, 1)}


async def test_events_group_by_kind_is_sorted_by_size(seeded: SeededGraph) -> None:
    buckets = await REPOSITORIES[Label.EVENT](seeded.cypher()).group_by(facet="kind")
    sizes = [bucket.count for bucket in buckets]
    assert sizes == sorted(sizes, reverse=True)
    assert buckets[0].value == "training"
