"""A synthetic graph as CSV files in the format of Neo4j's offline bulk importer.

The rows are SyntheticGraph's own (the Bolt loader writes the very same ones), streamed chunk
by chunk to disk, so a million experts never sit in memory. The importer needs one header per
file, but rows of one label do not all carry the same properties (an event without a full
date has no `endYear`; a phase has no budget), and an empty CSV field would mean "no
property" while the Bolt path may store an empty string. So every distinct set of property
keys gets its own file with its own typed header, and every row fills every column: what is
absent stays absent, and every value written (quoted) is stored exactly.
"""

from __future__ import annotations

import contextlib
import csv
import io
import multiprocessing
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from io import TextIOWrapper
from pathlib import Path
from typing import Any, Final

from graph.model import Label, RelType
from seed.synthetic import Backbone, SyntheticGraph
from seed.synthetic_parts import Batch
from seed.tallies import Progress, Written

ARRAY_DELIMITER: Final = "\u001f"
"""ASCII unit separator: no text of the generator contains it (checked on every write)."""
ARRAY_DELIMITER_OPTION: Final = "U+001F"
"""The same character as the importer's `--array-delimiter` wants it spelt."""


@dataclass(frozen=True, slots=True)
class CsvGraph(Written):
    """The files written and what they hold."""

    directory: Path
    node_files: tuple[Path, ...]
    relationship_files: tuple[Path, ...]


_Identity = tuple[str, str, tuple[str, ...], tuple[str, ...]]
"""(kind, label or type, property keys, their column types): one file each."""


@dataclass(slots=True)
class _ChunkCsv:
    """One batch's rows as CSV text per file identity, with each identity's header."""

    texts: dict[_Identity, tuple[list[str], str]] = field(default_factory=dict)
    by_label: Counter[Label] = field(default_factory=Counter)
    by_type: Counter[RelType] = field(default_factory=Counter)
    experts: int = 0


class _Files:
    """One CSV file per identity, header first, appended to chunk after chunk in order."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.paths: dict[str, list[Path]] = {"nodes": [], "relationships": []}
        self._open: dict[_Identity, TextIOWrapper] = {}

    def append(self, chunk: _ChunkCsv) -> None:
        for identity, (header, text) in chunk.texts.items():
            handle = self._open.get(identity)
            if handle is None:
                kind, name = identity[0], identity[1]
                path = self.directory / f"{kind}-{name}-{len(self.paths[kind])}.csv"
                handle = path.open("w", encoding="utf-8", newline="")
                csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(header)
                self._open[identity] = handle
                self.paths[kind].append(path)
            handle.write(text)

    def close(self) -> None:
        for handle in self._open.values():
            handle.close()


def write_synthetic_csv(
    directory: Path,
    experts: int,
    random_seed: int,
    written_at: datetime,
    progress: Progress | None = None,
    *,
    workers: int | None = None,
) -> CsvGraph:
    """Write the synthetic graph of `(experts, random_seed)` under `directory` (emptied first).

    Every node and relationship is stamped `writtenAt` = `written_at`, as the Bolt loader
    stamps one load. Chunks are generated and formatted by `workers` processes (default:
    one per core; 1 or a single chunk runs here), since one Python process generating rows
    bounds the offline path at a million experts while the other core idles; their text is
    appended in chunk order, so the files are byte for byte the same whatever the number of
    workers (tests/seed/test_synthetic_csv.py).
    """
    started = time.monotonic()
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    stamp = written_at.isoformat()
    graph = SyntheticGraph(experts, random_seed)
    starts = list(graph.chunk_starts())
    count = min(workers or os.cpu_count() or 1, len(starts))
    files = _Files(directory)
    by_label: Counter[Label] = Counter()
    by_type: Counter[RelType] = Counter()
    done = 0
    try:
        with contextlib.ExitStack() as stack:
            if count > 1:
                pool = stack.enter_context(
                    ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"))
                )
                tasks = [(experts, random_seed, low, stamp) for low in [-1, *starts]]
                chunks: Iterable[_ChunkCsv] = pool.map(_chunk_csv, *zip(*tasks, strict=True))
            else:
                chunks = _chunks_here(graph, stamp)
            for chunk in chunks:
                files.append(chunk)
                by_label.update(chunk.by_label)
                by_type.update(chunk.by_type)
                done += chunk.experts
                if progress is not None and chunk.experts:
                    progress(done, experts)
    finally:
        files.close()
    return CsvGraph(
        directory=directory,
        node_files=tuple(files.paths["nodes"]),
        relationship_files=tuple(files.paths["relationships"]),
        seconds=time.monotonic() - started,
        by_label=dict(by_label),
        by_type=dict(by_type),
    )


def _chunks_here(graph: SyntheticGraph, stamp: str) -> Iterator[_ChunkCsv]:
    for batch in graph.batches():
        yield _format(batch, stamp)


_BACKBONES: dict[tuple[int, int], tuple[SyntheticGraph, Backbone]] = {}
"""Per worker process: the backbone of the graph it works on, built once."""


def _chunk_csv(experts: int, random_seed: int, low: int, stamp: str) -> _ChunkCsv:
    """In a worker: the backbone's rows (`low` = -1) or one chunk's, as CSV text."""
    found = _BACKBONES.get((experts, random_seed))
    if found is None:
        graph = SyntheticGraph(experts, random_seed)
        batch, backbone = graph.backbone()
        _BACKBONES.clear()
        _BACKBONES[(experts, random_seed)] = found = (graph, backbone)
        if low < 0:
            return _format(batch, stamp)
    graph, backbone = found
    if low < 0:
        return _format(graph.backbone()[0], stamp)
    return _format(graph.chunk(backbone, low), stamp)


def _format(batch: Batch, stamp: str) -> _ChunkCsv:
    out = _ChunkCsv(experts=batch.experts)
    buffers: dict[_Identity, tuple[list[str], io.StringIO, Any]] = {}

    def writer(kind: str, name: str, props: Mapping[str, Any], fixed: list[str]) -> Any:
        keys = tuple(props)
        # Value types belong to the file's identity: a header fixes each column's type.
        types = tuple(_type_of(key, value) for key, value in props.items())
        identity = (kind, name, keys, types)
        found = buffers.get(identity)
        if found is None:
            header = [*fixed, *(f"{key}:{kind_}" for key, kind_ in zip(keys, types, strict=True))]
            buffer = io.StringIO()
            found = (header, buffer, csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n"))
            buffers[identity] = found
        return found[2]

    for label, node_rows in batch.nodes.items():
        _write_nodes(writer, label, (row["props"] for row in node_rows), stamp)
    for (rel_type, _, _), link_rows in batch.links.items():
        _write_links(writer, rel_type, link_rows, stamp)
    batch.count_into(out.by_label, out.by_type)
    out.texts = {
        identity: (header, buffer.getvalue()) for identity, (header, buffer, _) in buffers.items()
    }
    return out


_Writer = Callable[[str, str, Mapping[str, Any], list[str]], Any]


def _write_nodes(
    writer: _Writer, label: Label, rows: Iterable[Mapping[str, Any]], stamp: str
) -> None:
    fixed = ["id:ID", ":LABEL", "writtenAt:datetime"]
    for props in rows:
        rest = {key: value for key, value in props.items() if key != "id"}
        row_writer = writer("nodes", label.value, rest, fixed)
        row_writer.writerow([props["id"], label.value, stamp, *map(_cell, rest.values())])


def _write_links(
    writer: _Writer, rel_type: RelType, rows: Iterable[Mapping[str, Any]], stamp: str
) -> None:
    fixed = [":START_ID", ":END_ID", ":TYPE", "writtenAt:datetime"]
    for row in rows:
        props = row["props"]
        if props.get("key") != row["key"]:
            raise ValueError(f"relationship row {row['from']}->{row['to']} has two keys")
        row_writer = writer("relationships", rel_type.value, props, fixed)
        row_writer.writerow(
            [row["from"], row["to"], rel_type.value, stamp, *map(_cell, props.values())]
        )


def _type_of(key: str, value: Any) -> str:
    """The importer's column type that stores `value` as the Bolt driver would."""
    if isinstance(value, list | tuple):
        if not value:
            raise ValueError(f"property {key!r} is an empty list, which CSV cannot carry")
        return f"{_type_of(key, value[0])}[]"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    raise ValueError(f"property {key!r} has a {type(value).__name__}, which CSV cannot carry")


def _cell(value: Any) -> str:
    """One field; rejects what the importer would read back differently."""
    if isinstance(value, str):
        if "\n" in value or "\r" in value or ARRAY_DELIMITER in value:
            raise ValueError(f"text {value!r} holds a line break or the array delimiter")
        return value
    if isinstance(value, list | tuple):
        return ARRAY_DELIMITER.join(map(_cell, value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
