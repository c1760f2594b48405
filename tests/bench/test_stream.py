"""The composition of the benchmark's streams: what each target is sent, and in which order.

No Neo4j and no timing: the streams are drawn once and rendered per dialect, so these pin that
every target walks the same requests and that the weights are those of issue 39.
"""

from __future__ import annotations

import json

import pytest

from bench.mix import Target, dialect_of, hub_global_id, load_mix
from bench.slices import rotation
from bench.stream import (
    PARTICIPANTS_MARK,
    READS,
    compose,
    composition,
    participant_ids,
    read_stream,
    render_lines,
    slice_offsets,
    write_stream,
)

MIX = {query.name: query for query in load_mix()}
EXPERTS = [f"syn-expert-{n}" for n in range(50)]
SAMPLES = [
    {
        "expert": f"syn-expert-{n}",
        "other": f"syn-expert-{n + 1}",
        "participants": EXPERTS[n : n + 5],
        "kind": "TRAINING",
        "year": 2010 + n,
        "term": f"word{n}",
    }
    for n in range(8)
]


def test_the_read_stream_mixes_the_five_reads_in_equal_shares() -> None:
    stream = compose(read_stream(), SAMPLES, lines=5000, seed=7)
    counts = composition(stream)

    assert set(counts) == set(READS)
    assert all(900 <= counts[name] <= 1100 for name in READS), counts


def test_the_write_stream_holds_one_write_in_ten() -> None:
    stream = compose(write_stream(), SAMPLES, lines=5000, seed=7)
    counts = composition(stream)

    assert 420 <= counts["write"] <= 580, counts
    assert sum(counts.values()) == 5000
    assert all(810 <= counts[name] <= 990 for name in READS), counts


def test_a_write_share_outside_zero_and_one_is_refused() -> None:
    with pytest.raises(ValueError, match="fraction"):
        write_stream(write_share=1.0)


def test_the_same_seed_gives_the_same_stream_and_another_seed_another() -> None:
    first = compose(write_stream(), SAMPLES, lines=300, seed=7)
    again = compose(write_stream(), SAMPLES, lines=300, seed=7)
    other = compose(write_stream(), SAMPLES, lines=300, seed=8)

    assert first == again
    assert [line.query for line in first] != [line.query for line in other]


def test_every_query_cycles_through_the_samples_in_order() -> None:
    stream = compose(write_stream(), SAMPLES, lines=2000, seed=7)
    details = [line.sample["expert"] for line in stream if line.query == "detail"]

    assert details[: 2 * len(SAMPLES)] == [sample["expert"] for sample in SAMPLES] * 2


def test_a_write_leaves_its_participants_to_be_drawn_per_request_in_every_dialect() -> None:
    stream = compose(write_stream(), SAMPLES, lines=200, seed=7)
    keys: tuple[tuple[Target, str], ...] = (
        ("hub", "variables"),
        ("peer", "variables"),
        ("floor", "parameters"),
    )
    for dialect, key in keys:
        lines = render_lines(MIX, stream, dialect)
        writes = [
            json.loads(text)
            for line, text in zip(stream, lines, strict=True)
            if line.query == "write"
        ]
        assert writes
        assert all(body[key]["participants"] == PARTICIPANTS_MARK for body in writes)
        reads = [
            json.loads(text)
            for line, text in zip(stream, lines, strict=True)
            if line.query != "write"
        ]
        assert PARTICIPANTS_MARK not in json.dumps(reads)


def test_the_participants_file_names_experts_as_each_target_does() -> None:
    experts = ["syn-expert-1", "syn-expert-2"]

    assert participant_ids(experts, "peer") == experts
    assert participant_ids(experts, "floor") == experts
    assert participant_ids(experts, "hub") == [hub_global_id("Expert", slug) for slug in experts]


def test_every_dialect_renders_the_same_requests_line_by_line() -> None:
    stream = compose(write_stream(), SAMPLES, lines=200, seed=7)
    hub = [json.loads(line) for line in render_lines(MIX, stream, "hub")]
    peer = [json.loads(line) for line in render_lines(MIX, stream, "peer")]
    floor = [json.loads(line) for line in render_lines(MIX, stream, "floor")]

    for line, h, p, f in zip(stream, hub, peer, floor, strict=True):
        assert h["query"] == MIX[line.query].targets["hub"].text
        assert p["query"] == MIX[line.query].targets["peer"].text
        assert f["query"] == line.query
    detail = next(i for i, line in enumerate(stream) if line.query == "detail")
    expert = stream[detail].sample["expert"]
    assert hub[detail]["variables"]["id"] == hub_global_id("Expert", expert)
    assert peer[detail]["variables"]["id"] == expert
    assert floor[detail]["parameters"]["id"] == expert


def test_write_lines_keep_the_unique_marker_for_the_load_generator() -> None:
    stream = compose(write_stream(), SAMPLES, lines=200, seed=7)
    for dialect in ("hub", "peer", "floor"):
        lines = render_lines(MIX, stream, dialect)
        writes = [text for line, text in zip(stream, lines, strict=True) if line.query == "write"]
        assert writes
        assert all("__UNIQ__" in text for text in writes)


def test_slice_offsets_are_fixed_by_the_seed_and_inside_the_stream() -> None:
    offsets = slice_offsets(4000, 8, 7)

    assert offsets == slice_offsets(4000, 8, 7)
    assert all(0 <= offset < 4000 for offset in offsets)
    assert len(set(offsets)) > 1


def test_the_slice_order_rotates_so_every_target_takes_every_position() -> None:
    names = ["hub", "peer", "floor"]
    orders = [rotation(names, index) for index in range(6)]

    assert orders[:3] == [
        ["hub", "peer", "floor"],
        ["peer", "floor", "hub"],
        ["floor", "hub", "peer"],
    ]
    for position in range(3):
        assert sorted(order[position] for order in orders) == sorted(names * 2)


def test_hub_variants_speak_the_hubs_dialect() -> None:
    assert [dialect_of(name) for name in ("hub", "hub-ab", "peer", "floor")] == [
        "hub",
        "hub",
        "peer",
        "floor",
    ]
    with pytest.raises(ValueError, match="unknown target"):
        dialect_of("nobody")
