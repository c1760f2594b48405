"""Offline CSV files: the same bytes whether one process or several generate the chunks."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from seed.synthetic import CHUNK_EXPERTS, SyntheticGraph
from seed.synthetic_csv import write_synthetic_csv

AT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_chunks_generated_alone_and_out_of_order_equal_the_streamed_ones() -> None:
    graph = SyntheticGraph(2 * CHUNK_EXPERTS + 7, 4)
    streamed = list(graph.batches())
    _, backbone = SyntheticGraph(2 * CHUNK_EXPERTS + 7, 4).backbone()

    alone = [graph.chunk(backbone, low) for low in reversed(graph.chunk_starts())]

    assert [batch.nodes for batch in reversed(alone)] == [b.nodes for b in streamed[1:]]
    assert [batch.links for batch in reversed(alone)] == [b.links for b in streamed[1:]]


def test_worker_processes_write_byte_for_byte_the_files_one_process_writes(
    tmp_path: Path,
) -> None:
    experts = CHUNK_EXPERTS + 500  # two chunks, so two workers both get work
    done: list[int] = []
    alone = write_synthetic_csv(tmp_path / "one", experts, 8, AT, workers=1)
    pooled = write_synthetic_csv(
        tmp_path / "two", experts, 8, AT, lambda d, _: done.append(d), workers=2
    )

    assert [p.name for p in pooled.node_files] == [p.name for p in alone.node_files]
    assert [p.name for p in pooled.relationship_files] == [p.name for p in alone.relationship_files]
    for one, two in zip(
        (*alone.node_files, *alone.relationship_files),
        (*pooled.node_files, *pooled.relationship_files),
        strict=True,
    ):
        assert one.read_bytes() == two.read_bytes(), one.name
    assert (pooled.nodes, pooled.relationships) == (alone.nodes, alone.relationships)
    assert dict(pooled.by_label) == dict(alone.by_label)
    assert done == [CHUNK_EXPERTS, experts]
