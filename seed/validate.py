"""Reading and checking every seed file before anything is written.

Loading is all-or-nothing at the level that matters to a person editing the data: if any file
is malformed, nothing reaches Neo4j and `SeedDataError` lists every problem (file, record,
field). Checks that span files (unique ids, links to existing records with allowed labels,
sources that are Resources) run only after every file has been read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from graph.model import ALLOWED_LINKS, Label
from seed.origins import mark_texts
from seed.problems import Problem, SeedDataError, record_ref
from seed.record_nodes import SeedLink, SeedNode, read_record

DEFAULT_DIR: Final = Path(__file__).resolve().parent / "data"


class FileEnvelope(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: Label
    records: list[Any]


@dataclass(frozen=True, slots=True)
class SeedGraph:
    nodes: tuple[SeedNode, ...]
    links: tuple[SeedLink, ...]
    files: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Origin:
    file: str
    record: str
    label: Label


def read_seed(data_dir: Path = DEFAULT_DIR) -> SeedGraph:
    """Every `*.yaml` file of `data_dir`, checked; raises `SeedDataError` listing all problems."""
    paths = sorted(data_dir.glob("*.yaml"))
    if not paths:
        raise SeedDataError([Problem(str(data_dir), "no *.yaml seed files here")])
    problems: list[Problem] = []
    nodes: list[SeedNode] = []
    links: list[tuple[_Origin, SeedLink]] = []
    origins: dict[str, _Origin] = {}
    for path in paths:
        for origin, node, node_links in _read_file(path, problems):
            if node.id in origins:
                first = origins[node.id]
                problems.append(
                    Problem(
                        origin.file,
                        f"duplicate id: {first.file} record {first.record} has it already",
                        origin.record,
                        "id",
                    )
                )
                continue
            origins[node.id] = origin
            nodes.append(node)
            links.extend((origin, link) for link in node_links)
    problems.extend(_source_problems(nodes, links, origins))
    problems.extend(_link_problems(links, origins))
    if problems:
        raise SeedDataError(problems)
    placed = tuple(replace(link, end_label=origins[link.end].label) for _, link in links)
    return SeedGraph(tuple(mark_texts(nodes)), placed, tuple(path.name for path in paths))


def _read_file(
    path: Path, problems: list[Problem]
) -> Iterable[tuple[_Origin, SeedNode, tuple[SeedLink, ...]]]:
    name = path.name
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(name, f"cannot read the file: {error}"))
        return
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problems.append(Problem(name, f"not valid YAML{where}: {getattr(error, 'problem', '')}"))
        return
    try:
        envelope = FileEnvelope.model_validate(document)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            field = ".".join(str(part) for part in detail["loc"]) or None
            message = detail["msg"]
            if detail["type"] == "enum":
                message = f"{detail['input']!r} is not a label; use one of {', '.join(Label)}"
            problems.append(Problem(name, message, field=field))
        return
    for index, raw in enumerate(envelope.records):
        ref = record_ref(index, raw.get("id") if isinstance(raw, dict) else None)
        read = read_record(envelope.label, raw)
        problems.extend(Problem(name, message, ref, field) for field, message in read.problems)
        if read.node is not None:
            yield _Origin(name, ref, envelope.label), read.node, read.links


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice in one map (YAML keeps the last silently)."""


def _unique_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def _source_problems(
    nodes: list[SeedNode], links: list[tuple[_Origin, SeedLink]], origins: dict[str, _Origin]
) -> Iterable[Problem]:
    """`source` must name a Resource of the seed: provenance a reader can follow."""

    def is_resource(ident: str) -> bool:
        return ident in origins and origins[ident].label == Label.RESOURCE

    for node in nodes:
        if not is_resource(node.props["source"]):
            origin = origins[node.id]
            message = f"{node.props['source']!r} is not the id of a Resource record"
            yield Problem(origin.file, message, origin.record, "source")
    record_sources = {node.id: node.props["source"] for node in nodes}
    for origin, link in links:
        inherited = link.props["source"] == record_sources[link.start]  # reported above
        if not inherited and not is_resource(link.props["source"]):
            message = f"{link.props['source']!r} is not the id of a Resource record"
            yield Problem(origin.file, message, origin.record, f"{link.field}.source")


def _link_problems(
    links: list[tuple[_Origin, SeedLink]], origins: dict[str, _Origin]
) -> Iterable[Problem]:
    seen: dict[tuple[str, str, str, str], str] = {}
    for origin, link in links:
        target = origins.get(link.end)
        if target is None:
            message = f"no record has the id {link.end!r}"
            yield Problem(origin.file, message, origin.record, f"{link.field}.to")
            continue
        starts, ends = ALLOWED_LINKS[link.rel_type]
        if origin.label not in starts or target.label not in ends:
            allowed = f"{'|'.join(sorted(starts))} -> {'|'.join(sorted(ends))}"
            message = (
                f"{link.rel_type} cannot join {origin.label} -> {target.label} "
                f"({link.end!r}); it joins {allowed}"
            )
            yield Problem(origin.file, message, origin.record, f"{link.field}.type")
            continue
        identity = (link.start, link.rel_type, link.end, link.key)
        if identity in seen:
            message = (
                f"repeats {seen[identity]} ({link.rel_type} to {link.end!r}"
                f"{', ' + link.key if link.key else ''}); give it a different role or merge them"
            )
            yield Problem(origin.file, message, origin.record, link.field)
            continue
        seen[identity] = link.field
