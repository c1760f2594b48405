"""The synthetic generator: deterministic, consistent across chunks, realistically shaped."""

from __future__ import annotations

import json
import re
import statistics
from collections import defaultdict

from graph.analytics.graph_shape import (
    agency_sizes,
    census,
    experts_without_employer,
    graph_digest,
    longest_cascade,
)
from graph.database.cypher import Cypher
from graph.database.maintenance import delete_everything, graph_size
from graph.model import Label, RelType
from seed.load import load_synthetic
from seed.synthetic import CHUNK_EXPERTS, SyntheticGraph
from seed.synthetic_parts import Batch, label_of

SLUG = re.compile(r"syn-[a-z0-9]+(?:-[a-z0-9]+)*")


def generated(experts: int, seed: int) -> tuple[SyntheticGraph, list[Batch]]:
    graph = SyntheticGraph(experts, seed)
    return graph, list(graph.batches())


def fingerprint(batches: list[Batch]) -> str:
    rows = [(str(label), rows) for batch in batches for label, rows in batch.nodes.items()]
    rows += [(str(shape), rows) for batch in batches for shape, rows in batch.links.items()]
    return json.dumps(rows, sort_keys=True, ensure_ascii=False)


def test_the_same_seed_generates_the_same_rows_and_another_seed_other_rows() -> None:
    _, first = generated(1_500, 5)
    _, again = generated(1_500, 5)
    _, other = generated(1_500, 6)

    assert fingerprint(first) == fingerprint(again)
    assert fingerprint(first) != fingerprint(other)


def test_chunks_fit_together_into_one_consistent_graph() -> None:
    experts = 2 * CHUNK_EXPERTS + 1
    graph, batches = generated(experts, 9)
    labels: dict[str, Label] = {}
    for batch in batches:
        for label, rows in batch.nodes.items():
            for row in rows:
                assert row["id"] not in labels, row["id"]
                assert SLUG.fullmatch(row["id"])
                assert label_of(row["id"]) == label
                labels[row["id"]] = label
    identities = set()
    took_part: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    cascades = []
    for batch in batches:
        for (rel_type, start, end), rows in batch.links.items():
            for row in rows:
                assert (labels[row["from"]], labels[row["to"]]) == (start, end)
                identities.add((row["from"], rel_type, row["to"], row["key"]))
                if rel_type == RelType.TOOK_PART:
                    took_part[row["to"]][row["props"]["role"]].add(row["from"])
                if rel_type == RelType.CASCADES_FROM:
                    cascades.append((row["from"], row["to"]))

    assert len(batches) == 1 + 3  # the backbone, then three chunks of experts
    assert graph.nodes[Label.EXPERT] == experts
    assert len(identities) == sum(graph.relationships.values())  # MERGE would lose nothing
    assert cascades
    for session, parent in cascades:
        trainers = took_part[session]["trainer"]
        assert trainers
        assert trainers <= took_part[parent]["participant"]


def test_titles_are_multilingual_with_real_cyrillic_and_azerbaijani_letters() -> None:
    _, batches = generated(1_000, 2)
    events = [row["props"] for batch in batches for row in batch.nodes.get(Label.EVENT, [])]

    assert {lang for props in events for lang in props["langs"]} == {"en", "ru", "az", "tg"}
    assert any(len(props["langs"]) == 1 for props in events)
    assert any(re.search("[а-яё]", props.get("title_ru", "")) for props in events)
    assert any(re.search("[əğış]", props.get("title_az", "")) for props in events)
    assert any(re.search("[ҳҷӣӯқғ]", props.get("title_tg", "")) for props in events)


async def test_the_same_random_seed_loads_the_same_graph_and_another_seed_another(
    cypher: Cypher,
) -> None:
    await load_synthetic(cypher, 1_000, 11, mode="create")
    created = await graph_digest(cypher)
    await delete_everything(cypher)
    await load_synthetic(cypher, 1_000, 11, mode="merge")
    merged = await graph_digest(cypher)
    size = await graph_size(cypher)
    await load_synthetic(cypher, 1_000, 11, mode="merge")
    merged_again, size_again = await graph_digest(cypher), await graph_size(cypher)
    await delete_everything(cypher)
    await load_synthetic(cypher, 1_000, 12, mode="create")
    other = await graph_digest(cypher)

    assert created == merged == merged_again
    assert size_again == size
    assert other != created


async def test_a_synthetic_graph_has_realistic_shape_and_the_counts_its_generator_reports(
    cypher: Cypher,
) -> None:
    report = await load_synthetic(cypher, 2_000, 3, mode="create")
    expected, _ = generated(2_000, 3)
    counted = await census(cypher)
    sizes = await agency_sizes(cypher)

    assert counted.nodes == {label.value: count for label, count in expected.nodes.items()}
    assert counted.relationships == {
        rel_type.value: count for rel_type, count in expected.relationships.items()
    }
    assert report.nodes == sum(expected.nodes.values())
    assert report.relationships == sum(expected.relationships.values())
    assert await experts_without_employer(cypher) == 0
    assert counted.relationships["WORKS_FOR"] > 1.3 * counted.nodes["Expert"]  # job changes
    assert await longest_cascade(cypher) >= 2
    assert sizes[0] > 10 * statistics.median(sizes)


async def test_a_load_of_several_chunks_writes_every_row_with_nodes_ahead_of_their_links(
    cypher: Cypher,
) -> None:
    experts = CHUNK_EXPERTS + 300  # the second chunk's links reach back into the first
    progress: list[tuple[int, int]] = []

    report = await load_synthetic(
        cypher, experts, 21, mode="create", batch_size=2_000,
        progress=lambda done, total: progress.append((done, total)),
    )  # fmt: skip
    expected, _ = generated(experts, 21)
    counted = await census(cypher)

    assert counted.nodes == {label.value: count for label, count in expected.nodes.items()}
    assert counted.relationships == {
        rel_type.value: count for rel_type, count in expected.relationships.items()
    }
    assert report.nodes == sum(expected.nodes.values())
    assert progress == [(0, experts), (CHUNK_EXPERTS, experts), (experts, experts)]
