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

import csv
import shutil
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from io import TextIOWrapper
from pathlib import Path
from typing import Any, Final

from graph.model import Label, RelType
from seed.synthetic import SyntheticGraph

ARRAY_DELIMITER: Final = "\u001f"
"""ASCII unit separator: no text of the generator contains it (checked on every write)."""
ARRAY_DELIMITER_OPTION: Final = "U+001F"
"""The same character as the importer's `--array-delimiter` wants it spelt."""

Progress = Callable[[int, int], None]
"""Called with (experts done, experts total) after every chunk."""


@dataclass(frozen=True, slots=True)
class CsvGraph:
    """The files written and what they hold."""

    directory: Path
    node_files: tuple[Path, ...]
    relationship_files: tuple[Path, ...]
    nodes: int
    relationships: int
    seconds: float
    by_label: Mapping[Label, int] = field(default_factory=dict)
    by_type: Mapping[RelType, int] = field(default_factory=dict)


class _Files:
    """One open CSV writer per (kind, label or type, property keys and types), header first."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.paths: dict[str, list[Path]] = {"nodes": [], "relationships": []}
        self._open: dict[tuple[str, str, tuple[str, ...], tuple[type, ...]], Any] = {}
        self._handles: list[TextIOWrapper] = []

    def writer(self, kind: str, name: str, props: Mapping[str, Any], fixed: list[str]) -> Any:
        keys = tuple(props)
        # Value types belong to the file's identity: a header fixes each column's type.
        identity = (kind, name, keys, tuple(map(type, props.values())))
        found = self._open.get(identity)
        if found is None:
            path = self.directory / f"{kind}-{name}-{len(self.paths[kind])}.csv"
            handle = path.open("w", encoding="utf-8", newline="")
            self._handles.append(handle)
            found = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
            found.writerow([*fixed, *(f"{key}:{_type_of(key, props[key])}" for key in keys)])
            self._open[identity] = found
            self.paths[kind].append(path)
        return found

    def close(self) -> None:
        for handle in self._handles:
            handle.close()


def write_synthetic_csv(
    directory: Path,
    experts: int,
    random_seed: int,
    written_at: datetime,
    progress: Progress | None = None,
) -> CsvGraph:
    """Write the synthetic graph of `(experts, random_seed)` under `directory` (emptied first).

    Every node and relationship is stamped `writtenAt` = `written_at`, as the Bolt loader
    stamps one load.
    """
    started = time.monotonic()
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    stamp = written_at.isoformat()
    graph = SyntheticGraph(experts, random_seed)
    files = _Files(directory)
    done = 0
    try:
        for batch in graph.batches():
            for label, node_rows in batch.nodes.items():
                _write_nodes(files, label, (row["props"] for row in node_rows), stamp)
            for (rel_type, _, _), link_rows in batch.links.items():
                _write_links(files, rel_type, link_rows, stamp)
            done += batch.experts
            if progress is not None and batch.experts:
                progress(done, experts)
    finally:
        files.close()
    return CsvGraph(
        directory=directory,
        node_files=tuple(files.paths["nodes"]),
        relationship_files=tuple(files.paths["relationships"]),
        nodes=sum(graph.nodes.values()),
        relationships=sum(graph.relationships.values()),
        seconds=time.monotonic() - started,
        by_label=dict(graph.nodes),
        by_type=dict(graph.relationships),
    )


def _write_nodes(
    files: _Files, label: Label, rows: Iterable[Mapping[str, Any]], stamp: str
) -> None:
    fixed = ["id:ID", ":LABEL", "writtenAt:datetime"]
    for props in rows:
        rest = {key: value for key, value in props.items() if key != "id"}
        writer = files.writer("nodes", label.value, rest, fixed)
        writer.writerow([props["id"], label.value, stamp, *map(_cell, rest.values())])


def _write_links(
    files: _Files, rel_type: RelType, rows: Iterable[Mapping[str, Any]], stamp: str
) -> None:
    fixed = [":START_ID", ":END_ID", ":TYPE", "writtenAt:datetime"]
    for row in rows:
        props = row["props"]
        if props.get("key") != row["key"]:
            raise ValueError(f"relationship row {row['from']}->{row['to']} has two keys")
        writer = files.writer("relationships", rel_type.value, props, fixed)
        writer.writerow(
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
